import type { Entity } from '../domain/schemas/entity.ts';
import type { EntitySummary, EntityView } from '../domain/schemas/entity-view.ts';
import type { Template } from '../domain/schemas/template.ts';
import { publishedOnly, viewerOf } from '../domain/visibility.ts';
import type { Store, StoredFile } from '../store/store.ts';
import { getEntity } from './get-entity.ts';
import { hideUnseenLinks } from './hide-unseen-links.ts';
import type { Actor } from './permissions.ts';

/** Everything an entity's page needs, with files still carrying their storage key (presenters drop it). */
export type EntityViewResult = Omit<EntityView, 'files'> & { files: StoredFile[] };

/** Metadata a card shows: showInCard properties, dates and status. */
export function summarize(entity: Entity, template: Template | undefined): EntitySummary {
  const keep = new Set(
    (template?.properties ?? [])
      .filter((p) => p.showInCard || p.type === 'date' || p.type === 'daterange' || p.name === 'status')
      .map((p) => p.name),
  );
  const kept = (m: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(m).filter(([k]) => keep.has(k)));
  const translations = Object.fromEntries(
    Object.entries(entity.translations).map(([lang, t]) => [
      lang,
      { ...(t?.title ? { title: t.title } : {}), ...(t?.metadata ? { metadata: kept(t.metadata) } : {}) },
    ]),
  );
  return {
    id: entity.id,
    template: entity.template,
    title: entity.title,
    published: entity.published,
    metadata: kept(entity.metadata),
    language: entity.language,
    translations,
    updatedAt: entity.updatedAt,
  };
}

/**
 * An entity with the visible targets of its relationship properties, the visible entities whose
 * relationship properties point to it (from entity_links), and its files.
 */
export async function getEntityView({
  store,
  actor,
  id,
}: {
  store: Store;
  actor: Actor;
  id: string;
}): Promise<EntityViewResult> {
  const viewer = viewerOf(actor);
  const visibleOnly = { publishedOnly: publishedOnly(viewer) };
  const entity = await getEntity({ store, actor, id });
  const templates = new Map((await store.templates.list()).map((t) => [t.name, t]));
  const own = templates.get(entity.template);
  const targetIds = (own?.properties ?? [])
    .filter((p) => p.type === 'relationship')
    .flatMap((p) => (entity.metadata[p.name] as string[] | undefined) ?? []);
  const links = await store.entities.inboundLinks(id);
  // Related and inbound entities are shown as cards whose metadata may hold links of their own.
  const [targets, linking] = await Promise.all([
    store.entities.findMany(targetIds, visibleOnly),
    store.entities.findMany(
      links.map((l) => l.fromId),
      visibleOnly,
    ),
  ]);
  const shown = await hideUnseenLinks(store, viewer, [...targets, ...linking]);
  const related: Record<string, EntitySummary> = {};
  for (const t of shown.slice(0, targets.length)) related[t.id] = summarize(t, templates.get(t.template));
  const sources = new Map(shown.slice(targets.length).map((e) => [e.id, e]));
  const inbound = links.flatMap((l) => {
    const source = sources.get(l.fromId);
    return source
      ? [
          {
            template: source.template,
            property: l.property,
            entity: summarize(source, templates.get(source.template)),
          },
        ]
      : [];
  });
  inbound.sort(
    (a, b) => a.property.localeCompare(b.property) || a.entity.title.localeCompare(b.entity.title),
  );
  const files = await store.files.listByEntity(id);
  return { entity, related, inbound, files };
}
