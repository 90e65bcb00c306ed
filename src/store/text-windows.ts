/** Characters per window, and how far each reaches into the next (a phrase across the cut still matches). */
const WINDOW = 4000;
const OVERLAP = 300;

/**
 * [start, end) of each window of a long text, cut at white space where there is some: both engines find a
 * long paragraph's snippet window by window instead of handing the whole text to the highlighter.
 */
export function textWindows(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + WINDOW);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start + WINDOW / 2) end = space;
      // Never between the two halves of a surrogate pair.
      else if (/[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
    }
    out.push([start, Math.min(text.length, end + OVERLAP)]);
    start = end;
  }
  return out;
}
