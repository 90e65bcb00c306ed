import { useMemo } from 'react';
import { useEntities, useEntityView, useTemplates } from '../../api/hooks.ts';
import { localTemplate, localView, useContentLanguage } from '../../lib/local.ts';
import { entitySlug } from '../../lib/slug.ts';

/**
 * Finds a profile by its URL slug (or id) among the entities of its template and loads its view, templates
 * and view in the reader's language.
 */
export function useProfile(template: string, slug: string) {
  const templates = useTemplates();
  const list = useEntities(template);
  const match = list.data?.find((e) => entitySlug(e) === slug || e.id === slug);
  const view = useEntityView(match?.id);
  const lang = useContentLanguage();
  const local = useMemo(() => {
    if (!templates.data) return { templates: undefined, view: undefined };
    const tpls = templates.data.map((t) => localTemplate(t, lang));
    return { templates: tpls, view: view.data && localView(view.data, templates.data, lang) };
  }, [templates.data, view.data, lang]);
  const error = templates.error ?? list.error ?? view.error ?? null;
  const isNotFound = Boolean(list.data && !match);
  const isLoading = !error && !isNotFound && (templates.isPending || list.isPending || view.isPending);
  return { templates: local.templates, view: local.view, error, isNotFound, isLoading };
}
