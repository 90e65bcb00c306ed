import { useQueries, useQuery } from '@tanstack/react-query';
import type { Entity, EntityView, Template, Thesaurus } from '../../domain/schemas/index.ts';
import { api } from './client.ts';
import { type SearchRequest, searchEntityIds } from './search.ts';

/** Query keys, one place, so invalidation after a write hits every view of the same data. */
export const queryKeys = {
  templates: ['templates'] as const,
  thesauri: ['thesauri'] as const,
  entities: (template: string) => ['entities', template] as const,
  entityView: (id: string) => ['entity-view', id] as const,
  entitiesByIds: ['entities-by-ids'] as const,
  search: (request: SearchRequest) => ['search', request] as const,
};

// Templates and thesauri change only when an admin edits them: keep them for the session.
const STABLE = { staleTime: 10 * 60_000 };

/** All templates. */
export const useTemplates = () =>
  useQuery<Template[]>({
    queryKey: queryKeys.templates,
    queryFn: ({ signal }) => api.templates(signal),
    ...STABLE,
  });

/** All thesauri. */
export const useThesauri = () =>
  useQuery<Thesaurus[]>({
    queryKey: queryKeys.thesauri,
    queryFn: ({ signal }) => api.thesauri(signal),
    ...STABLE,
  });

/** Every published entity of a template (all pages). */
export const useEntities = (template: string, enabled = true) =>
  useQuery<Entity[]>({
    queryKey: queryKeys.entities(template),
    queryFn: ({ signal }) => api.listAllEntities(template, signal),
    staleTime: 60_000,
    enabled,
  });

/** One entity with its related and inbound entities and files. */
export const useEntityView = (id: string | undefined) =>
  useQuery<EntityView>({
    queryKey: queryKeys.entityView(id ?? ''),
    queryFn: ({ signal }) => api.entityView(id ?? '', signal),
    enabled: Boolean(id),
    staleTime: 60_000,
  });

/** Several entity views at once (compare). */
export const useEntityViews = (ids: string[]) =>
  useQueries({
    queries: ids.map((id) => ({
      queryKey: queryKeys.entityView(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.entityView(id, signal),
      staleTime: 60_000,
    })),
  });

/** Entity ids matching a free-text search; disabled while the query is empty. */
export const useSearchIds = (request: SearchRequest) =>
  useQuery({
    queryKey: queryKeys.search(request),
    queryFn: ({ signal }) => searchEntityIds(request, signal),
    enabled: (request.q ?? '').trim().length > 0,
    retry: false,
    staleTime: 60_000,
  });
