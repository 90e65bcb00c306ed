import { useMemo } from 'react';
import type { Entity, Template, Thesaurus } from '../../domain/schemas/index.ts';
import { useEntities, useTemplates, useThesauri } from '../api/hooks.ts';
import { localEntity, localTemplate, localThesaurus, useContentLanguage } from './local.ts';
import { entityPathFor, type ProfileTemplates, useProfileTemplates } from './profileTemplates.ts';

/** Everything the map, browse and compare scenes share: templates, thesauri and the published entities. */
export type PortalData = {
  templates: Template[];
  templateByName: Map<string, Template>;
  /** Which templates are the State and Organisation profiles (the site settings name them). */
  profileTemplates: ProfileTemplates;
  /** The app path of an entity (its profile, or its document page). */
  entityPath: (entity: Entity) => string;
  thesauri: Thesaurus[];
  /** Label of a thesaurus value, or the id when the value is unknown. */
  valueLabel: (thesaurus: string | undefined, id: string) => string;
  states: Entity[];
  organisations: Entity[];
  documents: Entity[];
  profiles: Entity[];
  byId: Map<string, Entity>;
};

/**
 * Loads and indexes the shared data, in the reader's language (display copies, src/web/lib/local.ts);
 * `documents` is optional (only filters need it).
 */
export function usePortalData({ withDocuments = false }: { withDocuments?: boolean } = {}) {
  const templates = useTemplates();
  const thesauri = useThesauri();
  const profileTemplates = useProfileTemplates();
  const names = profileTemplates.names;
  // The profile lists wait for the site settings: they say which templates to list.
  const statesQuery = useEntities(names?.state ?? '', Boolean(names));
  const organisationsQuery = useEntities(names?.organisation ?? '', Boolean(names));
  const documents = useEntities(names?.document ?? '', withDocuments && Boolean(names));
  const lang = useContentLanguage();
  const parts = [
    templates,
    thesauri,
    profileTemplates,
    statesQuery,
    organisationsQuery,
    ...(withDocuments ? [documents] : []),
  ];
  const error = parts.find((q) => q.error)?.error ?? null;
  const isLoading = parts.some((q) => q.isPending);

  const data = useMemo<PortalData | null>(() => {
    if (!names || !templates.data || !thesauri.data || !statesQuery.data || !organisationsQuery.data)
      return null;
    const localTemplates = templates.data.map((t) => localTemplate(t, lang));
    const templateByName = new Map(localTemplates.map((t) => [t.name, t]));
    const localThesauri = thesauri.data.map((t) => localThesaurus(t, lang));
    const labels = new Map<string, Map<string, string>>();
    for (const t of localThesauri) labels.set(t.name, new Map(t.values.map((v) => [v.id, v.label])));
    const loc = (list: Entity[]) => list.map((e) => localEntity(e, templateByName.get(e.template), lang));
    const docs = loc(documents.data ?? []);
    const states = loc(statesQuery.data);
    const organisations = loc(organisationsQuery.data);
    const profiles = [...states, ...organisations];
    const byId = new Map<string, Entity>();
    for (const e of [...profiles, ...docs]) byId.set(e.id, e);
    return {
      templates: localTemplates,
      templateByName,
      profileTemplates: names,
      entityPath: (entity) => entityPathFor(entity, names),
      thesauri: localThesauri,
      valueLabel: (thesaurus, id) => (thesaurus ? labels.get(thesaurus)?.get(id) : undefined) ?? id,
      states,
      organisations,
      documents: docs,
      profiles,
      byId,
    };
  }, [names, templates.data, thesauri.data, statesQuery.data, organisationsQuery.data, documents.data, lang]);

  return { data, error, isLoading: isLoading || data === null };
}
