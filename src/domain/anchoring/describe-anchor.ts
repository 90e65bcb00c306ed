import type { Rect } from '../schemas/file.ts';
import type { Anchor } from '../schemas/reference.ts';

/** Characters of context kept on each side of a quote (as Hypothesis does): enough to tell repeats apart. */
export const CONTEXT_LENGTH = 32;

/** True for the second half of a UTF-16 surrogate pair; context is never cut between the two halves. */
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Builds the anchor of `text.slice(start, end)`: TextPosition + TextQuote selectors with 32 characters of
 * prefix and suffix, plus the rectangles to draw. Throws RangeError when the offsets are not inside the text.
 */
export function describeAnchor({
  fileId,
  text,
  start,
  end,
  rects = [],
}: {
  fileId: string;
  text: string;
  start: number;
  end: number;
  rects?: Rect[];
}): Anchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end)
    throw new RangeError(`Offsets ${start}–${end} are not a non-empty range inside a text of ${text.length}`);
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isLowSurrogate(text.charCodeAt(suffixEnd))) suffixEnd--;
  return {
    fileId,
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
    rects,
  };
}
