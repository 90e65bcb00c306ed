import { useCallback, useMemo } from 'react';
import type { SiteSettings } from '../../domain/schemas/site.ts';
import { useSiteSettings } from '../api/site.ts';
import { entitySlug } from './slug.ts';

/** The portal's two kinds of profile; their URL prefixes stay the same whatever the templates are named. */
export type ProfileKind = 'state' | 'organisation';

/**
 * The template names behind the two kinds of profile (decision 53) and the documents, and the State property
 * the map draws by, as the site settings name them: nothing in the web app names a template itself.
 */
export type ProfileTemplates = Record<ProfileKind, string> & { document: string; isoNumeric: string };

/** The URL prefix of each kind of profile. */
export const PROFILE_PREFIX: Record<ProfileKind, string> = { state: 'states', organisation: 'organisations' };

/** The template names (and the ISO property) a portal's site settings give. */
export const profileTemplatesOf = (
  site: Pick<
    SiteSettings,
    'stateTemplate' | 'organisationTemplate' | 'documentTemplate' | 'isoNumericProperty'
  >,
): ProfileTemplates => ({
  state: site.stateTemplate,
  organisation: site.organisationTemplate,
  document: site.documentTemplate,
  isoNumeric: site.isoNumericProperty,
});

/** Which kind of profile a template's entities are, if any. */
export function profileKindOf(template: string, names: ProfileTemplates): ProfileKind | undefined {
  if (template === names.state) return 'state';
  if (template === names.organisation) return 'organisation';
  return undefined;
}

/** The URL prefix (`states`, `organisations`) of a template's entities, when they are profiles. */
export const profileRoute = (template: string, names: ProfileTemplates): string | undefined => {
  const kind = profileKindOf(template, names);
  return kind ? PROFILE_PREFIX[kind] : undefined;
};

/** What an entity's path is made of. */
export type EntityLinkable = {
  id: string;
  template: string;
  title: string;
  metadata: Record<string, unknown>;
};

/** The app path of an entity: its profile for states and organisations, the document page otherwise. */
export function entityPathFor(entity: EntityLinkable, names: ProfileTemplates): string {
  const prefix = profileRoute(entity.template, names);
  return prefix ? `/${prefix}/${entitySlug(entity)}` : `/documents/${encodeURIComponent(entity.id)}`;
}

/** The profile template names from the site settings; undefined until they have loaded. */
export function useProfileTemplates() {
  const site = useSiteSettings();
  const names = useMemo(() => (site.data ? profileTemplatesOf(site.data) : undefined), [site.data]);
  return {
    names,
    error: site.error,
    isPending: site.isPending,
  };
}

/**
 * A function giving an entity's app path. Before the site settings have loaded (they are asked for by the
 * layout, so rarely) a link goes through `/entities/:id`, which sends it on once they are known: never to a
 * guessed page.
 */
export function useEntityPath(): (entity: EntityLinkable) => string {
  const { names } = useProfileTemplates();
  return useCallback(
    (entity: EntityLinkable) =>
      names ? entityPathFor(entity, names) : `/entities/${encodeURIComponent(entity.id)}`,
    [names],
  );
}
