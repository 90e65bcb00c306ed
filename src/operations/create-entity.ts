import { diffEntity } from '../domain/entity-diff.ts';
import { type Entity, EntityInput, NOT_REVIEWED } from '../domain/schemas/entity.ts';
import { newId, nowIso } from '../store/ids.ts';
import type { Store } from '../store/store.ts';
import { checkLastReviewed } from './check-last-reviewed.ts';
import { checkMetadata, checkTranslations } from './check-metadata.ts';
import { Forbidden, fieldErrors, ValidationFailed } from './errors.ts';
import { type Actor, canPublish, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';

/** Creates an entity after validating its metadata against its template; collaborators cannot publish. */
export async function createEntity({
  store,
  actor,
  input,
  id,
}: {
  store: Store;
  actor: Actor;
  input: EntityInput;
  /** A given id (import keeps ids stable); a new one otherwise. */
  id?: string;
}): Promise<Entity> {
  const who = requireRole(actor, 'collaborator');
  const parsed = EntityInput.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const data = parsed.data;
  if (data.published && !canPublish(who)) throw new Forbidden('Collaborators cannot publish; ask an editor');
  const template = await store.templates.findByName(data.template);
  if (!template)
    throw new ValidationFailed([{ path: 'template', message: `no template named "${data.template}"` }]);
  if (data.lastReviewed && !canPublish(who))
    throw new Forbidden('Only editors and admins record reviews; ask an editor');
  const { metadata, links } = await checkMetadata(store, template, data.metadata);
  const translations = checkTranslations(template, data.language, data.translations);
  const lastReviewed = data.lastReviewed ? checkLastReviewed(template, data.lastReviewed) : NOT_REVIEWED;
  const at = nowIso();
  const entity: Entity = {
    id: id ?? newId(),
    template: template.name,
    title: data.title,
    language: data.language,
    published: data.published,
    metadata,
    translations,
    createdAt: at,
    updatedAt: at,
    createdBy: who.id,
    lastReviewed,
    version: 1,
  };
  await store.transaction(async (tx) => {
    await tx.entities.insert({ ...entity, templateId: template.id });
    await tx.entities.replaceLinks(entity.id, links);
    // Same connection, same transaction: the entity is searchable exactly when it exists.
    await tx.searchIndex.indexEntity(entity.id);
    await recordActivity({
      store: tx,
      actor: who,
      action: 'create',
      targetType: 'entity',
      targetId: entity.id,
      note: {
        code: 'entity.created',
        params: { template: template.name, title: entity.title, published: entity.published },
      },
      changes: diffEntity(null, entity),
    });
  });
  return entity;
}
