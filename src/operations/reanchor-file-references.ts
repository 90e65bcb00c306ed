import { describeAnchor } from '../domain/anchoring/describe-anchor.ts';
import { createAnchorResolver } from '../domain/anchoring/resolve-anchor.ts';
import { withoutWhitespace } from '../domain/anchoring/whitespace-map.ts';
import type { Anchor } from '../domain/schemas/reference.ts';
import type { Store } from '../store/store.ts';
import { anchorRects } from './anchor-rects.ts';
import { NotFound } from './errors.ts';
import { type Actor, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';

/** What re-anchoring did to the connections of one file. */
export type ReanchorSummary = {
  /** Connections with an end in the file. */
  total: number;
  /** Ends still at their offsets. */
  unchanged: number;
  /** Ends found again by their quote (exact or approximate) at new offsets. */
  moved: number;
  /** Connections marked orphaned by this run. */
  orphaned: number;
};

/**
 * After a file's text was replaced (a new version, a re-extraction), finds every anchor on that file again
 * with `resolveAnchor`: moved ends get their new offsets, quote, context and rectangles
 * (from the new line geometry); ends that cannot be found keep
 * their old anchor and mark the connection orphaned. Connections are never deleted here.
 * A connection is orphaned while any of its ends is lost, so one whose ends all resolve again is un-marked.
 */
export async function reanchorFileReferences({
  store,
  actor,
  fileId,
}: {
  store: Store;
  actor: Actor;
  fileId: string;
}): Promise<ReanchorSummary> {
  const who = requireRole(actor, 'collaborator');
  const file = await store.files.findById(fileId);
  if (!file) throw new NotFound('File', fileId);
  const text = (await store.files.fullText(fileId)) ?? '';
  const resolve = createAnchorResolver(text);
  const summary: ReanchorSummary = { total: 0, unchanged: 0, moved: 0, orphaned: 0 };

  await store.transaction(async (tx) => {
    // Ends in other files did not change now; they count as found when their quote still sits there.
    const otherTexts = new Map<string, string>();
    const textOf = async (id: string) => {
      if (!otherTexts.has(id)) otherTexts.set(id, (await tx.files.fullText(id)) ?? '');
      return otherTexts.get(id)!;
    };
    const references = tx.references;
    for (const ref of await references.listAnchorsInFile(fileId)) {
      summary.total++;
      let lost = false;
      const follow = async (anchor: Anchor): Promise<Anchor> => {
        if (anchor.fileId !== fileId) {
          const other = await textOf(anchor.fileId);
          if (withoutWhitespace(other.slice(anchor.start, anchor.end)) !== withoutWhitespace(anchor.exact))
            lost = true;
          return anchor;
        }
        const found = resolve(anchor);
        if (!found) {
          lost = true;
          return anchor;
        }
        // Offsets, quote, context and rectangles follow the new text and layout, so the stored anchor agrees
        // with them again.
        const rects = await anchorRects(tx, fileId, found.start, found.end);
        const moved = describeAnchor({ fileId, text, start: found.start, end: found.end, rects });
        if (moved.start === anchor.start && moved.end === anchor.end && moved.exact === anchor.exact)
          summary.unchanged++;
        else summary.moved++;
        return moved;
      };
      const source = await follow(ref.source);
      const target = ref.target ? await follow(ref.target) : null;
      if (lost && !ref.orphaned) summary.orphaned++;
      await references.updateAnchors(ref.id, source, target, lost);
    }
    if (summary.total > 0)
      await recordActivity({
        store: tx,
        actor: who,
        action: 'reanchor',
        targetType: 'file',
        targetId: fileId,
        note: {
          code: 'file.reanchored',
          params: {
            filename: file.filename,
            total: summary.total,
            moved: summary.moved,
            orphaned: summary.orphaned,
          },
        },
      });
  });
  return summary;
}
