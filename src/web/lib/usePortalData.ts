import { useMemo } from 'react';
import type { Entity, Template, Thesaurus } from '../../domain/schemas/index.ts';
import { useEntities, useTemplates, useThesauri } from '../api/hooks.ts';
import { entitySlug } from './slug.ts';
import { DOCUMENT_TEMPLATE, PROFILE_ROUTES } from './templates.ts';

/** Everything the map, browse and compare scenes share: templates, thesauri and the published entities. */
export type PortalData = {
  templates: Template[];
  templateByName: Map<string, Template>;
  thesauri: Thesaurus[];
  /** Label of a thesaurus value, or the id when the value is unknown. */
  valueLabel: (thesaurus: string | undefined, id: string) => string;
  states: Entity[];
  organisations: Entity[];
  documents: Entity[];
  profiles: Entity[];
  byId: Map<string, Entity>;
};

/** Loads and indexes the shared data; `documents` is optional (only filters need it). */
export function usePortalData({ withDocuments = false }: { withDocuments?: boolean } = {}) {
  const templates = useTemplates();
  const thesauri = useThesauri();
  const states = useEntities('State');
  const organisations = useEntities('Organisation');
  const documents = useEntities(DOCUMENT_TEMPLATE, withDocuments);
  const parts = [templates, thesauri, states, organisations, ...(withDocuments ? [documents] : [])];
  const error = parts.find((q) => q.error)?.error ?? null;
  const isLoading = parts.some((q) => q.isPending);

  const data = useMemo<PortalData | null>(() => {
    if (!templates.data || !thesauri.data || !states.data || !organisations.data) return null;
    const labels = new Map<string, Map<string, string>>();
    for (const t of thesauri.data) labels.set(t.name, new Map(t.values.map((v) => [v.id, v.label])));
    const docs = documents.data ?? [];
    const profiles = [...states.data, ...organisations.data];
    const byId = new Map<string, Entity>();
    for (const e of [...profiles, ...docs]) byId.set(e.id, e);
    return {
      templates: templates.data,
      templateByName: new Map(templates.data.map((t) => [t.name, t])),
      thesauri: thesauri.data,
      valueLabel: (thesaurus, id) => (thesaurus ? labels.get(thesaurus)?.get(id) : undefined) ?? id,
      states: states.data,
      organisations: organisations.data,
      documents: docs,
      profiles,
      byId,
    };
  }, [templates.data, thesauri.data, states.data, organisations.data, documents.data]);

  return { data, error, isLoading: isLoading || data === null };
}

/** The app path of an entity: its profile for states and organisations, the document page otherwise. */
export function entityPath(entity: {
  id: string;
  template: string;
  title: string;
  metadata: Record<string, unknown>;
}) {
  const prefix = PROFILE_ROUTES[entity.template];
  return prefix ? `/${prefix}/${entitySlug(entity)}` : `/documents/${entity.id}`;
}
