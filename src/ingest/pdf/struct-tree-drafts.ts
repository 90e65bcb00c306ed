/**
 * Tagged pages → paragraph drafts, or null when the structure tree is not to be trusted and the geometric
 * pipeline should segment the file instead. The drafts are the same shape the geometric pipeline builds
 * (lines from the same layout step), so offsets, rectangles, page texts and splitting stay one code path.
 */

import { joinInDocument, vocabularyOf } from './hyphen-vocabulary.ts';
import type { PdfLine } from './lines.ts';
import { type ParagraphDraft, TERMINATOR } from './paragraphs.ts';
import { findRunningLines } from './running.ts';
import { isHeadingRole, type TaggedBlock, type TaggedPage } from './struct-tree.ts';

/**
 * Share of the text (outside artifacts) that paragraph-level elements must reach. Trees written by hand,
 * by old converters or by editors that tag only some pages cover far less; browsers, Word and Acrobat
 * cover all of it. Below this the text's structure is mostly unknown, and geometry knows more.
 */
export const MIN_COVERAGE = 0.9;
/**
 * A tree that wraps whole pages in one P is tagged but not segmented: when blocks longer than this hold
 * most of the text, geometry is trusted instead.
 */
const GIANT_BLOCK_CHARS = 3000;
const GIANT_SHARE = 0.5;
/**
 * Untagged text in the top or bottom margin of a tagged file is page furniture its producer did not mark
 * as an artifact (Chromium's header and footer templates): the same bands the running-line finder watches.
 */
const MARGIN_ZONE = 0.12;

export type TagVerdict =
  | { use: true; drafts: ParagraphDraft[]; coverage: number }
  | { use: false; why: 'untagged' | 'low-coverage' | 'page-sized-blocks'; coverage: number };

const inMargin = (l: PdfLine, height = 842) =>
  l.top + l.h < MARGIN_ZONE * height || l.top > (1 - MARGIN_ZONE) * height;

/** A line at least this share of its column's width is a full line (ragged-right lines fall short by less). */
const FULL_LINE = 0.9;

/** Per container, the width of its widest paragraph line on the page: the column width. */
function columnWidths(blocks: TaggedBlock[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of blocks) {
    // Body text only: a title set across both columns is wider than either.
    if (b.role !== 'P') continue;
    for (const l of b.lines) out.set(b.parent, Math.max(out.get(b.parent) ?? 0, l.w));
  }
  return out;
}

const textOf = (b: TaggedBlock) => b.lines.reduce((n, l) => n + l.text.length, 0);

/** Whether an element beginning a page is the rest of the last element of the previous page. */
interface Open {
  role: string;
  last: PdfLine;
  /** The last line spans its column: the text was cut by the page, whatever its punctuation. */
  full: boolean;
  draft: ParagraphDraft;
}

/**
 * A paragraph cut by a page break fills its page to the bottom and starts the next one at the top: one
 * that ends high on its page (a cover line, a page of its own) was not cut.
 */
const CUT_ZONE = 0.35;

function continues(prev: Open, next: TaggedBlock, heights: { prev: number; next: number }): boolean {
  const first = next.lines[0]!;
  if (prev.last.top + prev.last.h < (1 - CUT_ZONE) * heights.prev || first.top > CUT_ZONE * heights.next)
    return false;
  if (next.orphan || isHeadingRole(next.role) || isHeadingRole(prev.role)) return false;
  // pdf.js hands out each page's fragment of the tree without element identities, so the split element
  // shows as two: a list item without its label is the rest of one, a paragraph by its unfinished sentence.
  if (prev.role === 'LI' && next.role === 'LI' && next.unlabelled) return true;
  // A sentence may end at the foot of a page inside a paragraph: a last line as wide as its column says so
  // (a paragraph's own last line stops short).
  return next.role === prev.role && next.role === 'P' && (prev.full || !TERMINATOR.test(prev.last.text));
}

export function tagDrafts(pages: Array<TaggedPage | null>, heights: number[]): TagVerdict {
  let text = 0;
  let covered = 0;
  let tagged = false;
  for (const p of pages) {
    if (!p) continue;
    text += p.textChars;
    covered += p.coveredChars;
    if (p.blocks.some((b) => !b.orphan)) tagged = true;
  }
  const coverage = text === 0 ? 0 : covered / text;
  if (!tagged) return { use: false, why: 'untagged', coverage };
  if (coverage < MIN_COVERAGE) return { use: false, why: 'low-coverage', coverage };
  const all = pages.flatMap((p) => p?.blocks ?? []);
  const giant = all.filter((b) => textOf(b) > GIANT_BLOCK_CHARS).reduce((n, b) => n + textOf(b), 0);
  const total = all.reduce((n, b) => n + textOf(b), 0);
  if (total > 0 && giant > GIANT_SHARE * total) return { use: false, why: 'page-sized-blocks', coverage };

  // Page numbers and running headers that were not marked as artifacts are dropped as in the geometric path.
  const running = findRunningLines(
    pages.map((p) => (p?.blocks ?? []).flatMap((b) => b.lines)),
    heights,
  );
  const words = vocabularyOf(all.flatMap((b) => b.lines.map((l) => l.text)));
  const drafts: ParagraphDraft[] = [];
  /** Per container, the element that ended the previous page, while it may still go on. */
  let open = new Map<string, Open>();
  pages.forEach((p, i) => {
    const blocks = (p?.blocks ?? [])
      .map((b) => ({
        ...b,
        lines: b.lines.filter((l) => !running.has(l) && !(b.orphan && inMargin(l, heights[i]))),
      }))
      .filter((b) => b.lines.length > 0);
    const columns = columnWidths(blocks);
    const started = new Set<string>();
    const next = new Map<string, Open>();
    for (const b of blocks) {
      const prev = started.has(b.parent) ? undefined : open.get(b.parent);
      // Only the first element of its container on the page, after no heading of that container.
      const join =
        prev !== undefined && continues(prev, b, { prev: heights[i - 1] ?? 842, next: heights[i] ?? 842 });
      started.add(b.parent);
      if (isHeadingRole(b.role)) for (const k of open.keys()) if (k.startsWith(b.parent)) started.add(k);
      const draft: ParagraphDraft = join
        ? prev.draft
        : { lines: [], joins: [], isHeading: isHeadingRole(b.role) };
      for (const l of b.lines) {
        const last = draft.lines[draft.lines.length - 1];
        if (last) draft.joins.push(joinInDocument(last.text, l.text, words));
        draft.lines.push(l);
      }
      if (!join) drafts.push(draft);
      // What the page ends with, per container: a later element of the container, or of a container inside
      // it (a list after a paragraph), closes it. One of an outer container does not: the tree keeps a box
      // whole before the text that flows around it, even when the page break cuts both.
      for (const k of [...next.keys()]) if (b.parent === k || b.parent.startsWith(`${k}/`)) next.delete(k);
      const last = b.lines[b.lines.length - 1]!;
      const full = last.w >= FULL_LINE * (columns.get(b.parent) ?? Number.POSITIVE_INFINITY);
      if (!b.orphan) next.set(b.parent, { role: b.role, last, full, draft });
    }
    // Never across an empty page.
    open = next;
  });
  return { use: true, drafts, coverage };
}
