import { useEntities, useEntityView, useTemplates } from '../../api/hooks.ts';
import { entitySlug } from '../../lib/slug.ts';

/** Finds a profile by its URL slug (or id) among the entities of its template and loads its view. */
export function useProfile(template: string, slug: string) {
  const templates = useTemplates();
  const list = useEntities(template);
  const match = list.data?.find((e) => entitySlug(e) === slug || e.id === slug);
  const view = useEntityView(match?.id);
  const error = templates.error ?? list.error ?? view.error ?? null;
  const isNotFound = Boolean(list.data && !match);
  const isLoading = !error && !isNotFound && (templates.isPending || list.isPending || view.isPending);
  return { templates: templates.data, view: view.data, error, isNotFound, isLoading };
}
