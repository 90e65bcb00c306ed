import { useMemo } from 'react';
import type { ProfileView } from '../../../domain/schemas/index.ts';
import { useEntities, useTemplates } from '../../api/hooks.ts';
import { useProfileView } from '../../api/profiles.ts';
import { localEntity, localTemplate, useContentLanguage } from '../../lib/local.ts';
import { entitySlug } from '../../lib/slug.ts';

/**
 * Finds a profile by its URL slug (or id) among the entities of its template and loads its view (first items
 * and counts of each section) and the templates, in the reader's language.
 */
export function useProfile(template: string | undefined, slug: string) {
  const templates = useTemplates();
  // Until the site settings name the profile's template, there is no list to look in.
  const list = useEntities(template ?? '', Boolean(template));
  const match = list.data?.find((e) => entitySlug(e) === slug || e.id === slug);
  const view = useProfileView(match?.id);
  const lang = useContentLanguage();
  const local = useMemo(() => {
    if (!templates.data) return { templates: undefined, view: undefined };
    const tpls = templates.data.map((t) => localTemplate(t, lang));
    const byName = new Map(templates.data.map((t) => [t.name, t]));
    const data = view.data;
    const localView: ProfileView | undefined = data && {
      entity: localEntity(data.entity, byName.get(data.entity.template), lang),
      sections: Object.fromEntries(
        Object.entries(data.sections).map(([name, page]) => [
          name,
          { ...page, items: page.items.map((i) => localEntity(i, byName.get(i.template), lang)) },
        ]),
      ),
    };
    return { templates: tpls, view: localView };
  }, [templates.data, view.data, lang]);
  const error = templates.error ?? list.error ?? view.error ?? null;
  const isNotFound = Boolean(list.data && !match);
  const isLoading = !error && !isNotFound && (templates.isPending || list.isPending || view.isPending);
  return { templates: local.templates, view: local.view, error, isNotFound, isLoading };
}
