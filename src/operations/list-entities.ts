import { type Entity, EntityListQuery } from '../domain/schemas/entity.ts';
import { publishedOnly, viewerOf } from '../domain/visibility.ts';
import type { Store } from '../store/store.ts';
import { fieldErrors, ValidationFailed } from './errors.ts';
import { hideUnseenLinks } from './hide-unseen-links.ts';
import type { Actor } from './permissions.ts';

/**
 * A page of entities the actor may see (anonymous readers: published only, without links to unpublished
 * entities in their metadata), with the total count.
 */
export async function listEntities({
  store,
  actor,
  query,
}: {
  store: Store;
  actor: Actor;
  query: Partial<EntityListQuery>;
}): Promise<{ items: Entity[]; total: number; limit: number; offset: number }> {
  const parsed = EntityListQuery.safeParse(query);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const q = parsed.data;
  let templateId: string | undefined;
  if (q.template) {
    const template = await store.templates.findByName(q.template);
    // An unknown template has no entities: an empty page, not an error, keeps shared links harmless.
    if (!template) return { items: [], total: 0, limit: q.limit, offset: q.offset };
    templateId = template.id;
  }
  const viewer = viewerOf(actor);
  const { items, total } = await store.entities.list({
    ...q,
    ids: q.ids?.split(','),
    templateId,
    publishedOnly: publishedOnly(viewer),
  });
  return { items: await hideUnseenLinks(store, viewer, items), total, limit: q.limit, offset: q.offset };
}
