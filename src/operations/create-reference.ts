import { describeAnchor } from '../domain/anchoring/describe-anchor.ts';
import { cutText } from '../domain/cut-text.ts';
import type { FieldError } from '../domain/metadata-validation.ts';
import { type Anchor, ReferenceInput } from '../domain/schemas/reference.ts';
import type { ReferenceView } from '../domain/schemas/reference-view.ts';
import { canSee, viewerOf } from '../domain/visibility.ts';
import { newId, nowIso } from '../store/ids.ts';
import type { Store } from '../store/store.ts';
import { anchorRects } from './anchor-rects.ts';
import { fieldErrors, ValidationFailed } from './errors.ts';
import { type Actor, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';

/**
 * Connects a passage to a passage of another (or the same) document, or to an entity (collaborators and up).
 * Each anchor must quote the file's stored text exactly at its offsets; prefix and suffix are recomputed
 * here from that text, so what is stored always agrees with it. Overlapping connections are allowed.
 */
export async function createReference({
  store,
  actor,
  input,
}: {
  store: Store;
  actor: Actor;
  input: ReferenceInput;
}): Promise<ReferenceView> {
  const who = requireRole(actor, 'collaborator');
  const parsed = ReferenceInput.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const { relationType, source, targetEntityId, target } = parsed.data;
  const errors: FieldError[] = [];

  const type = await store.relationTypes.findByName(relationType);
  if (!type) errors.push({ path: 'relationType', message: `there is no relation type "${relationType}"` });
  const sourceEnd = await checkAnchor(store, actor, 'source', source, errors);
  const targetEntity = await store.entities.findById(targetEntityId);
  if (!targetEntity || !canSee(viewerOf(actor), targetEntity))
    errors.push({ path: 'targetEntityId', message: `there is no entity "${targetEntityId}"` });
  const targetEnd = target ? await checkAnchor(store, actor, 'target', target, errors) : null;
  if (targetEnd && targetEntity && targetEnd.entityId !== targetEntity.id)
    errors.push({ path: 'target.fileId', message: 'the file does not belong to the target entity' });
  if (errors.length || !type || !sourceEnd || !targetEntity) throw new ValidationFailed(errors);

  const id = newId();
  await store.transaction(async (tx) => {
    await tx.references.insert({
      id,
      relationTypeId: type.id,
      relationType: type.name,
      sourceEntityId: sourceEnd.entityId,
      source: sourceEnd.anchor,
      targetEntityId: targetEntity.id,
      target: targetEnd?.anchor ?? null,
      orphaned: false,
      createdBy: who.id,
      createdAt: nowIso(),
    });
    await recordActivity({
      store: tx,
      actor: who,
      action: 'create',
      targetType: 'reference',
      targetId: id,
      note: {
        code: 'reference.created',
        params: {
          source: clip(sourceEnd.anchor.exact),
          relation: type.label,
          relationType: type.name,
          ...(targetEnd ? { target: clip(targetEnd.anchor.exact) } : {}),
          title: targetEntity.title,
        },
      },
    });
  });
  const created = await store.references.get(id);
  if (!created) throw new Error(`Reference ${id} vanished after insert`);
  return created;
}

const clip = (s: string) => (s.length > 60 ? `${cutText(s, 57)}…` : s);

/**
 * Checks that an anchor's file exists, is visible and quotes its text exactly at the offsets; returns the
 * owning entity and the anchor rebuilt from the stored text, or null after adding field errors.
 */
async function checkAnchor(
  store: Store,
  actor: Actor,
  side: 'source' | 'target',
  anchor: Anchor,
  errors: FieldError[],
): Promise<{ entityId: string; anchor: Anchor } | null> {
  const file = await store.files.findById(anchor.fileId);
  const entity = file ? await store.entities.findById(file.entityId) : null;
  if (!file || !entity || !canSee(viewerOf(actor), entity)) {
    errors.push({ path: `${side}.fileId`, message: `there is no file "${anchor.fileId}"` });
    return null;
  }
  const text = await store.files.fullText(file.id);
  if (text === null) {
    errors.push({ path: `${side}.fileId`, message: `the file has no text yet (status ${file.status})` });
    return null;
  }
  if (anchor.start >= anchor.end || anchor.end > text.length) {
    errors.push({
      path: `${side}.end`,
      message: `offsets ${anchor.start}–${anchor.end} are not inside the file's text (${text.length} characters)`,
    });
    return null;
  }
  if (text.slice(anchor.start, anchor.end) !== anchor.exact) {
    errors.push({
      path: `${side}.exact`,
      message: "the quote does not match the file's text at these offsets",
    });
    return null;
  }
  const rects = await anchorRects(store, file.id, anchor.start, anchor.end);
  return { entityId: entity.id, anchor: describeAnchor({ ...anchor, text, rects }) };
}
