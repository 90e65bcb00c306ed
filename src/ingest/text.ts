/**
 * Plain text and Markdown: paragraphs are separated by blank lines; "#" lines (and setext underlines) are
 * headings; list items start their own paragraph; other hard line breaks inside a paragraph are soft wraps.
 */
import type { TextBlock } from './types.ts';

const ATX_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const SETEXT_UNDERLINE = /^\s{0,3}(=+|-+)\s*$/;
const LIST_ITEM = /^\s*([-*+•–]|\d{1,3}[.)]|\([a-z0-9]{1,4}\))\s+\S/;
const FENCE = /^\s*(```|~~~)/;

export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: string[] = [];
  const flush = () => {
    // Soft wraps stay "\n" here: normalisation makes them spaces, and an over-long paragraph is cut there.
    if (current.length > 0) blocks.push({ text: current.join('\n'), isHeading: false });
    current = [];
  };
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || FENCE.test(line)) {
      flush();
      continue;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx) {
      flush();
      blocks.push({ text: atx[2]!, isHeading: true });
      continue;
    }
    const next = lines[i + 1];
    // "Title\n=====": only when the title is a single line of its own, otherwise "---" is a rule.
    if (
      current.length === 0 &&
      next !== undefined &&
      SETEXT_UNDERLINE.test(next) &&
      line.trim().length <= 120
    ) {
      blocks.push({ text: line, isHeading: true });
      i += 1;
      continue;
    }
    if (SETEXT_UNDERLINE.test(line) && /^\s*-{3,}\s*$|^\s*={3,}\s*$/.test(line)) {
      flush(); // a thematic break
      continue;
    }
    if (LIST_ITEM.test(line)) flush();
    current.push(line);
  }
  flush();
  return blocks;
}
