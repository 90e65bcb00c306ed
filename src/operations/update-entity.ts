import { type Entity, EntityPatch } from '../domain/schemas/entity.ts';
import { nowIso } from '../store/ids.ts';
import type { Store } from '../store/store.ts';
import { checkLastReviewed } from './check-last-reviewed.ts';
import { checkMetadata } from './check-metadata.ts';
import { Forbidden, fieldErrors, NotFound, ValidationFailed } from './errors.ts';
import { type Actor, canPublish, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';

/** Changes an entity's title, language, published flag or metadata (replaced whole); re-validates metadata. */
export async function updateEntity({
  store,
  actor,
  id,
  patch,
}: {
  store: Store;
  actor: Actor;
  id: string;
  patch: EntityPatch;
}): Promise<Entity> {
  const who = requireRole(actor, 'collaborator');
  // Not EntityPatch: its defaults would turn an absent `published` into false (see api.ts).
  const parsed = EntityPatch.safeParse(patch);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const p = parsed.data;
  const current = await store.entities.findById(id);
  if (!current) throw new NotFound('Entity', id);
  if (p.published !== undefined && p.published !== current.published && !canPublish(who))
    throw new Forbidden('Collaborators cannot publish or unpublish; ask an editor');
  const reviewChanged =
    p.lastReviewed !== undefined && JSON.stringify(p.lastReviewed) !== JSON.stringify(current.lastReviewed);
  if (reviewChanged && !canPublish(who))
    throw new Forbidden('Only editors and admins record reviews; ask an editor');
  const template = await store.templates.findByName(current.template);
  if (!template) throw new NotFound('Template', current.template);
  const { metadata, links } = await checkMetadata(store, template, p.metadata ?? current.metadata);
  const lastReviewed =
    p.lastReviewed && reviewChanged ? checkLastReviewed(template, p.lastReviewed) : current.lastReviewed;
  const next: Entity = {
    ...current,
    title: p.title ?? current.title,
    language: p.language ?? current.language,
    published: p.published ?? current.published,
    metadata,
    lastReviewed,
    updatedAt: nowIso(),
  };
  const changed = (['title', 'language', 'published', 'metadata', 'lastReviewed'] as const).filter(
    (k) => JSON.stringify(next[k]) !== JSON.stringify(current[k]),
  );
  await store.transaction(async (tx) => {
    await tx.entities.update(next);
    await tx.entities.replaceLinks(id, links);
    await tx.searchIndex.indexEntity(id);
    await recordActivity({
      store: tx,
      actor: who,
      action: 'update',
      targetType: 'entity',
      targetId: id,
      summary: `Updated ${template.name} "${next.title}"${changed.length ? `: ${changed.join(', ')}` : ' (no changes)'}`,
    });
  });
  return next;
}
