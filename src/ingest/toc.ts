/**
 * A file's table of contents at extraction: the PDF's outline when it has one (each entry anchored to the
 * paragraph its destination lands on), otherwise its headings, levelled by type size.
 */
import { normalizeText } from './normalize.ts';
import type { ExtractedParagraph } from './types.ts';

/** A TOC entry before paragraph ids exist: `ordinal` is the paragraph's place in the file. */
export type TocDraft = { label: string; level: number; page: number; ordinal: number | null };

/** A file's TOC and where it came from. */
export type TocOf = { source: 'outline' | 'headings'; entries: TocDraft[] };

/** An outline item with its destination resolved: page (1-based) and, when known, the top (points, y down). */
export type OutlineItem = { title: string; level: number; page: number; top: number | null };

const MAX_LEVEL = 6;
/** Outlines of thousands of entries exist (a bookmark per paragraph); the panel needs the structure. */
export const MAX_TOC_ENTRIES = 2000;

const key = (s: string) =>
  normalizeText(s)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Outline → entries: the paragraph of the destination page whose text starts with the entry's title, else
 * the first one at or below the destination's top, else the first paragraph on (or running over) the page.
 */
export function tocFromOutline(items: OutlineItem[], paragraphs: ExtractedParagraph[]): TocDraft[] {
  return items.slice(0, MAX_TOC_ENTRIES).map((item) => {
    const label = normalizeText(item.title) || `Page ${item.page}`;
    const want = key(label);
    const onPage = paragraphs.filter((p) => p.page === item.page);
    const byTitle = want ? onPage.find((p) => key(p.text).startsWith(want)) : undefined;
    const topOf = (p: ExtractedParagraph) => p.rects.find((r) => r.page === item.page)?.y ?? 0;
    const byTop = item.top === null ? undefined : onPage.find((p) => topOf(p) + 2 >= (item.top ?? 0));
    const running = paragraphs.find((p) => p.page <= item.page && p.pageEnd >= item.page);
    const target = byTitle ?? byTop ?? onPage[0] ?? running;
    return {
      label,
      level: Math.min(MAX_LEVEL, Math.max(1, item.level)),
      page: item.page,
      ordinal: target?.ordinal ?? null,
    };
  });
}

/** "2.3.1 Scope" → 3: the depth a heading's own numbering gives it. */
const numberingDepth = (text: string) => {
  const m = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s/.exec(text);
  return m ? m[1]!.split('.').length : 0;
};

/**
 * Headings → entries. `sizes[ordinal]` is a heading's type size where the file has one (PDF): the largest
 * size is level 1, the next level 2… Numbered headings ("2.3 Scope") go at least as deep as their number.
 */
export function tocFromHeadings(paragraphs: ExtractedParagraph[], sizes?: number[]): TocDraft[] {
  const headings = paragraphs.filter((p) => p.isHeading);
  const distinct = [...new Set(headings.map((p) => sizes?.[p.ordinal] ?? 0))].sort((a, b) => b - a);
  return headings.slice(0, MAX_TOC_ENTRIES).map((p) => {
    const bySize = distinct.indexOf(sizes?.[p.ordinal] ?? 0) + 1;
    return {
      label: p.text.length > 200 ? `${p.text.slice(0, 199)}…` : p.text,
      level: Math.min(MAX_LEVEL, Math.max(bySize, numberingDepth(p.text))),
      page: p.page,
      ordinal: p.ordinal,
    };
  });
}
