import type { Line, Rect } from '../schemas/file.ts';

/** Separator between paragraphs in a file's full text (every extractor joins paragraphs with it). */
export const PARAGRAPH_SEPARATOR = '\n\n';

/** What `sliceFileText` needs of a paragraph. */
export type TextBlock = { start: number; end: number; text: string };

/**
 * `fullText.slice(start, end)` rebuilt from paragraphs in reading order: the full text is the paragraphs
 * joined by PARAGRAPH_SEPARATOR, so a client holding the paragraphs can quote any range exactly as the
 * server stores it (the server checks the quote against its own copy).
 */
export function sliceFileText(paragraphs: readonly TextBlock[], start: number, end: number): string {
  let out = '';
  let at = start;
  for (const p of paragraphs) {
    if (p.end <= at) continue;
    // The gap before this paragraph (all separator characters), as far as the range reaches into it.
    if (p.start > at) out += PARAGRAPH_SEPARATOR.slice(0, Math.min(end, p.start) - at);
    if (p.start >= end) break;
    const from = Math.max(at, p.start);
    const to = Math.min(end, p.end);
    out += p.text.slice(from - p.start, to - p.start);
    at = to;
    if (at >= end) break;
  }
  return out;
}

/**
 * Rectangles on one page that cover the text `start..end` (offsets into the file's text), one per line
 * touched. Within a line, x is interpolated by character count: proportional fonts make the ends approximate
 * by a few points, which a highlight tolerates; whole-line parts are exact.
 */
export function rectsForRange(lines: readonly Line[], start: number, end: number): Rect[] {
  const rects: Rect[] = [];
  for (const line of lines) {
    if (line.end <= start || line.start >= end) continue;
    const length = Math.max(1, line.end - line.start);
    const a = Math.max(0, start - line.start) / length;
    const b = Math.min(length, end - line.start) / length;
    const { rect } = line;
    rects.push({ ...rect, x: rect.x + rect.w * a, w: rect.w * (b - a) });
  }
  return rects;
}
