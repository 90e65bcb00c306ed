import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  ProfileView,
  SECTION_PAGE_MAX,
  SectionPage,
  SectionPageQuery,
} from '../../domain/schemas/profile-view.ts';
import { checkedQuery, get } from './client.ts';
import { queryKeys } from './hooks.ts';

const enc = encodeURIComponent;

/** Typed calls of a profile's page: its first items and counts, then any section a page at a time. */
export const profilesApi = {
  view: (id: string, signal?: AbortSignal) => get(ProfileView, `/entities/${enc(id)}/profile`, signal),
  section: (id: string, property: string, offset: number, limit: number, signal?: AbortSignal) =>
    get(
      SectionPage,
      checkedQuery(SectionPageQuery, `/entities/${enc(id)}/sections/${enc(property)}`, { offset, limit }),
      signal,
    ),
};

// Under the entity view's key, so every write that refreshes an entity's view refreshes its profile too.
export const profileKeys = {
  view: (id: string) => [...queryKeys.entityView(id), 'profile'] as const,
  section: (id: string, property: string, from: number) =>
    [...queryKeys.entityView(id), 'section', property, from] as const,
};

/** A profile's view: the entity and each relationship section's first entities and count. */
export const useProfileView = (id: string | undefined) =>
  useQuery({
    queryKey: profileKeys.view(id ?? ''),
    queryFn: ({ signal }) => profilesApi.view(id ?? '', signal),
    enabled: Boolean(id),
    staleTime: 60_000,
  });

/**
 * The rest of one section after its first `from` entities, SECTION_PAGE_MAX at a time; nothing is asked
 * until `enabled` (the reader chose "Show all").
 */
export const useSectionRest = (id: string, property: string, from: number, enabled: boolean) =>
  useInfiniteQuery({
    queryKey: profileKeys.section(id, property, from),
    queryFn: ({ pageParam, signal }) =>
      profilesApi.section(id, property, pageParam, SECTION_PAGE_MAX, signal),
    initialPageParam: from,
    getNextPageParam: (last) => {
      const next = last.offset + last.items.length;
      return last.items.length > 0 && next < last.total ? next : undefined;
    },
    enabled,
    staleTime: 60_000,
  });
