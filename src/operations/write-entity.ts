import { diffEntity, sameValue } from '../domain/entity-diff.ts';
import type { ActivityNote } from '../domain/schemas/activity-note.ts';
import type { Entity, LastReviewed, Metadata } from '../domain/schemas/entity.ts';
import type { EntityTranslations } from '../domain/schemas/translations.ts';
import { nowIso } from '../store/ids.ts';
import type { Store } from '../store/store.ts';
import { checkLastReviewed } from './check-last-reviewed.ts';
import { checkMetadata, checkTranslations } from './check-metadata.ts';
import { Forbidden, NotFound, PreconditionRequired, ValidationFailed, VersionConflict } from './errors.ts';
import { type Actor, canPublish, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';

/** The version a write is based on: a number, `'any'` (If-Match: *), or none given. */
export type BasedOn = number | 'any' | undefined;

/** The editable fields of an entity as a write wants them. */
export type DesiredEntity = {
  title: string;
  language: string;
  published: boolean;
  metadata: Metadata;
  translations: EntityTranslations;
  lastReviewed: LastReviewed;
};

/** The version from the body's `version` and the If-Match header; both given and different is an error. */
export function basedOnOf(bodyVersion: number | undefined, ifMatch: BasedOn): BasedOn {
  if (bodyVersion !== undefined && typeof ifMatch === 'number' && bodyVersion !== ifMatch)
    throw new ValidationFailed([
      { path: 'version', message: `says ${bodyVersion} but If-Match says ${ifMatch}; send one version` },
    ]);
  return bodyVersion ?? ifMatch;
}

const stale = (current: Entity, basedOn: number) =>
  new VersionConflict(
    current,
    `This change was based on version ${basedOn}, but the entity is now at version ${current.version} ` +
      '(someone else changed it). Nothing was written; compare with the current values and apply it again.',
  );

/**
 * The one path of every entity update (merge patch, replacement, revert): checks the version it is based
 * on, the role (publishing and reviews need an editor), the metadata against the template; then, in one
 * transaction, writes the row only if it is still at that version (so a concurrent write in between is a
 * 409, never a lost update), mirrors links, reindexes and logs the field-level diff.
 */
export async function writeEntity({
  store,
  actor,
  id,
  basedOn,
  requireVersion = false,
  desire,
  action = 'update',
  note,
  skipIfUnchanged = false,
  onLogged,
}: {
  store: Store;
  actor: Actor;
  id: string;
  basedOn: BasedOn;
  /** A whole replacement must name its version: one based on an unknown state is how data gets erased. */
  requireVersion?: boolean;
  /** The wanted fields, from the current entity. */
  desire: (current: Entity) => DesiredEntity;
  action?: string;
  /** What the log entry says; by default `entity.updated` with the changed fields. */
  note?: (next: Entity, changedFields: string[]) => ActivityNote;
  /** Write (and log) nothing when no field would change: a bulk edit counts those as unchanged. */
  skipIfUnchanged?: boolean;
  /** Told the id of the activity entry the write made (a bulk edit returns them for its undo). */
  onLogged?: (activityId: number) => void;
}): Promise<Entity> {
  const who = requireRole(actor, 'collaborator');
  if (requireVersion && basedOn === undefined)
    throw new PreconditionRequired(
      'A whole replacement (PUT) must say which version it replaces: send If-Match with the ETag of GET ' +
        '/entities/:id, or a "version" field. PATCH merges and may omit it.',
    );
  const current = await store.entities.findById(id);
  if (!current) throw new NotFound('Entity', id);
  if (typeof basedOn === 'number' && basedOn !== current.version) throw stale(current, basedOn);
  const wanted = desire(current);
  if (wanted.published !== current.published && !canPublish(who))
    throw new Forbidden('Collaborators cannot publish or unpublish; ask an editor');
  const reviewChanged = !sameValue(wanted.lastReviewed, current.lastReviewed);
  if (reviewChanged && !canPublish(who))
    throw new Forbidden('Only editors and admins record reviews; ask an editor');
  const template = await store.templates.findByName(current.template);
  if (!template) throw new NotFound('Template', current.template);
  const { metadata, links } = await checkMetadata(store, template, wanted.metadata);
  const translations = checkTranslations(template, wanted.language, wanted.translations);
  const lastReviewed = reviewChanged
    ? checkLastReviewed(template, wanted.lastReviewed)
    : current.lastReviewed;
  const next: Entity = {
    ...current,
    title: wanted.title,
    language: wanted.language,
    published: wanted.published,
    metadata,
    translations,
    lastReviewed,
    updatedAt: nowIso(),
    version: current.version + 1,
  };
  const changes = diffEntity(current, next);
  const fields = [...new Set(changes.map((c) => c.field.split('.')[0]!))];
  if (skipIfUnchanged && changes.length === 0) return current;
  await store.transaction(async (tx) => {
    if (!(await tx.entities.update(next, current.version))) {
      const now = await tx.entities.findById(id);
      if (!now) throw new NotFound('Entity', id);
      throw stale(now, current.version);
    }
    await tx.entities.replaceLinks(id, links);
    await tx.searchIndex.indexEntity(id);
    const entry = await recordActivity({
      store: tx,
      actor: who,
      action,
      targetType: 'entity',
      targetId: id,
      note: note?.(next, fields) ?? {
        code: 'entity.updated',
        params: { template: template.name, title: next.title, fields },
      },
      changes,
    });
    onLogged?.(entry);
  });
  return next;
}
