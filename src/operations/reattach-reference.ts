import { describeAnchor } from '../domain/anchoring/describe-anchor.ts';
import { rankReattachParagraphs } from '../domain/anchoring/rank-reattach.ts';
import { resolveAnchor } from '../domain/anchoring/resolve-anchor.ts';
import { ReattachInput, type ReattachProposal, type ReattachSide } from '../domain/schemas/reattach.ts';
import type { Anchor } from '../domain/schemas/reference.ts';
import type { ReferenceView } from '../domain/schemas/reference-view.ts';
import type { Store } from '../store/store.ts';
import { anchorRects } from './anchor-rects.ts';
import { Conflict, fieldErrors, NotFound, ValidationFailed } from './errors.ts';
import { type Actor, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';

/** Longest quote a connection end may hold (as `Anchor.exact`). */
const MAX_QUOTE = 20_000;

/**
 * Whether an end is lost in its file's current text, by the rule re-anchoring applies (`resolveAnchor`): its
 * quote is not found, or found in more than one place about equally well. Text at the old offsets proves
 * nothing: in near-identical paragraphs the same words often sit there after a paragraph was removed.
 */
async function isLost(store: Store, anchor: Anchor) {
  const text = (await store.files.fullText(anchor.fileId)) ?? '';
  return resolveAnchor(text, anchor) === null;
}

async function orphanedReference(store: Store, id: string): Promise<ReferenceView> {
  const ref = await store.references.get(id);
  if (!ref) throw new NotFound('Reference', id);
  if (!ref.orphaned)
    throw new Conflict('This connection is attached; only an orphaned one is re-attached', {
      code: 'connectionAttached',
    });
  return ref;
}

/**
 * What re-attaching an orphaned connection starts from (editors and up): the end whose quote was lost (the
 * source when both were), its file as it is now, and the five paragraphs of that file most like the lost
 * quote, for the editor to choose from. Nothing is attached here.
 */
export async function proposeReattach({
  store,
  actor,
  id,
}: {
  store: Store;
  actor: Actor;
  id: string;
}): Promise<ReattachProposal> {
  requireRole(actor, 'editor');
  const ref = await orphanedReference(store, id);
  const side: ReattachSide =
    !(await isLost(store, ref.source)) && ref.target && (await isLost(store, ref.target))
      ? 'target'
      : 'source';
  const anchor = side === 'target' && ref.target ? ref.target : ref.source;
  const file = await store.files.findById(anchor.fileId);
  if (!file) throw new NotFound('File', anchor.fileId);
  const paragraphs = file.status === 'ready' ? await store.pages.listParagraphs(file.id) : [];
  return {
    reference: ref,
    side,
    fileId: file.id,
    filename: file.filename,
    fileStatus: file.status,
    lost: { exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix },
    candidates: rankReattachParagraphs(anchor, paragraphs).map((p) => ({
      paragraphId: p.id,
      page: p.page,
      start: p.start,
      end: p.end,
      text: p.text,
      score: p.score,
    })),
  };
}

/**
 * Re-anchors the lost end of an orphaned connection on the range an editor chose in its file's current text
 * (editors and up). The new anchor is built from the stored text (quote, context, rectangles), the
 * connection leaves the orphan list unless its other end is lost too, and the change is logged with the old
 * and new quotes, so what was lost stays readable in the activity log.
 */
export async function reattachReference({
  store,
  actor,
  id,
  input,
}: {
  store: Store;
  actor: Actor;
  id: string;
  input: ReattachInput;
}): Promise<ReferenceView> {
  const who = requireRole(actor, 'editor');
  const parsed = ReattachInput.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const { side, start, end } = parsed.data;
  return store.transaction(async (tx) => {
    const ref = await orphanedReference(tx, id);
    const old = side === 'source' ? ref.source : ref.target;
    if (!old)
      throw new ValidationFailed([{ path: 'side', message: 'this connection has no target passage' }]);
    const text = (await tx.files.fullText(old.fileId)) ?? '';
    if (end > text.length)
      throw new ValidationFailed([
        { path: 'end', message: `the range ${start}–${end} is outside the file's text (0–${text.length})` },
      ]);
    if (end - start > MAX_QUOTE)
      throw new ValidationFailed([
        { path: 'end', message: `a passage may be at most ${MAX_QUOTE} characters` },
      ]);
    if (!text.slice(start, end).trim())
      throw new ValidationFailed([{ path: 'start', message: 'the chosen range holds no text' }]);
    const rects = await anchorRects(tx, old.fileId, start, end);
    const anchor = describeAnchor({ fileId: old.fileId, text, start, end, rects });
    const source = side === 'source' ? anchor : ref.source;
    const target = side === 'target' ? anchor : ref.target;
    const other = side === 'source' ? ref.target : ref.source;
    const stillLost = other ? await isLost(tx, other) : false;
    await tx.references.updateAnchors(id, source, target, stillLost);
    const brief = (a: Anchor) => ({ start: a.start, end: a.end, exact: a.exact });
    await recordActivity({
      store: tx,
      actor: who,
      action: 'reattach',
      targetType: 'reference',
      targetId: id,
      note: {
        code: 'reference.reattached',
        params: {
          side,
          source: ref.sourcePlace.entityTitle,
          relation: ref.relationLabel,
          relationType: ref.relationType,
          target: ref.targetPlace.entityTitle,
          stillLost,
        },
      },
      changes: [{ field: side, before: brief(old), after: brief(anchor) }],
    });
    return (await tx.references.get(id))!;
  });
}
