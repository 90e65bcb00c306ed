/** Grapheme segmentation is locale-independent for cutting; one segmenter serves every call. */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `text` cut to at most `max` UTF-16 code units at a grapheme boundary, so a cut never leaves half of a
 * surrogate pair (a lone surrogate), splits an emoji sequence or drops a combining accent from its letter.
 * `String.slice` counts code units and cuts anywhere.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { segment, index } of segmenter.segment(text)) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}
