/** What the PDF layout golden tests share when they print real-looking pages with pdf-lib. */
import type { PDFFont } from 'pdf-lib';

/** Greedy wrapping, as every layout engine does it: a word goes on the line when it fits the measure. */
export function wrap(text: string, font: PDFFont, size: number, measure: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > measure) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
