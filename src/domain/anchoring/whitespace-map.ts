/**
 * Text with all whitespace removed, and for each remaining character its offset in the original.
 * Quotes are compared this way because extractors (and re-extractions) disagree on spacing and line breaks.
 */
export type StrippedText = { text: string; offsets: Int32Array };

const WHITESPACE = /\s/;

/** Removes whitespace from `text`, keeping the map back to original offsets. */
export function stripWhitespace(text: string): StrippedText {
  const offsets = new Int32Array(text.length);
  let out = '';
  let n = 0;
  let runStart = 0;
  // Build the string in runs rather than char by char: large files have millions of characters.
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || WHITESPACE.test(text[i]!)) {
      if (i > runStart) out += text.slice(runStart, i);
      runStart = i + 1;
      continue;
    }
    offsets[n++] = i;
  }
  return { text: out, offsets: offsets.subarray(0, n) };
}

/** The stripped index of the first non-whitespace character at or after original offset `offset`. */
export function toStrippedOffset(stripped: StrippedText, offset: number): number {
  let low = 0;
  let high = stripped.offsets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (stripped.offsets[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Original offsets `[start, end)` of the stripped range `[from, to)` (to > from). */
export const toOriginalRange = (stripped: StrippedText, from: number, to: number) => ({
  start: stripped.offsets[from]!,
  end: stripped.offsets[to - 1]! + 1,
});

/** `s` without whitespace. */
export const withoutWhitespace = (s: string) => s.replace(/\s+/g, '');
