import { relationshipSections, sectionSpec } from '../domain/profile-sections.ts';
import type { Entity } from '../domain/schemas/entity.ts';
import { PROFILE_FIRST_ITEMS, type ProfileView, type SectionPage } from '../domain/schemas/profile-view.ts';
import type { Template } from '../domain/schemas/template.ts';
import { canSee, publishedOnly, type Viewer, viewerOf } from '../domain/visibility.ts';
import type { Store } from '../store/store.ts';
import { NotFound } from './errors.ts';
import { summarize } from './get-entity-view.ts';
import { hideUnseenLinks } from './hide-unseen-links.ts';
import type { Actor } from './permissions.ts';

type Context = { store: Store; viewer: Viewer; templates: Template[] };

/** One page of a section as the viewer may see it: counts and items leave out what it may not see. */
async function pageOf(
  { store, viewer, templates }: Context,
  entity: Entity,
  owner: Template,
  property: Template['properties'][number],
  range: { offset: number; limit: number },
): Promise<SectionPage> {
  const spec = sectionSpec(entity.id, owner, property, templates);
  const { items, total } = await store.entities.sectionPage(spec, {
    publishedOnly: publishedOnly(viewer),
    ...range,
  });
  const byName = new Map(templates.map((t) => [t.name, t]));
  // Cards may show relationship values of their own (showInCard): hidden the same way as everywhere.
  const shown = await hideUnseenLinks(store, viewer, items);
  return { items: shown.map((e) => summarize(e, byName.get(e.template))), total, ...range };
}

async function load(store: Store, actor: Actor, id: string) {
  const viewer = viewerOf(actor);
  const entity = await store.entities.findById(id);
  if (!entity || !canSee(viewer, entity)) throw new NotFound('Entity', id);
  const templates = await store.templates.list();
  const owner = templates.find((t) => t.name === entity.template);
  return { ctx: { store, viewer, templates }, entity, owner };
}

/**
 * A profile's view: the entity and, for each relationship section of its template, the first
 * PROFILE_FIRST_ITEMS entities and the section's count (issue 16: a state with 1,656 documents sent them all).
 * The section values are left out of the entity's metadata, so its size no longer grows with them either.
 */
export async function getProfileView({
  store,
  actor,
  id,
}: {
  store: Store;
  actor: Actor;
  id: string;
}): Promise<ProfileView> {
  const { ctx, entity, owner } = await load(store, actor, id);
  const props = owner ? relationshipSections(owner) : [];
  const metadata = { ...entity.metadata };
  for (const p of props) delete metadata[p.name];
  const [shown] = await hideUnseenLinks(store, ctx.viewer, [{ ...entity, metadata }]);
  const pages = await Promise.all(
    props.map((p) => pageOf(ctx, entity, owner!, p, { offset: 0, limit: PROFILE_FIRST_ITEMS })),
  );
  return {
    entity: shown!,
    sections: Object.fromEntries(props.map((p, i) => [p.name, pages[i]!])),
  };
}

/** Any page of one relationship section of a profile; NotFound when the template has no such section. */
export async function getProfileSection({
  store,
  actor,
  id,
  property,
  offset,
  limit,
}: {
  store: Store;
  actor: Actor;
  id: string;
  property: string;
  offset: number;
  limit: number;
}): Promise<SectionPage> {
  const { ctx, entity, owner } = await load(store, actor, id);
  const prop = owner && relationshipSections(owner).find((p) => p.name === property);
  if (!owner || !prop) throw new NotFound('Section', `${entity.template}.${property}`);
  return pageOf(ctx, entity, owner, prop, { offset, limit });
}
