/**
 * Files without pages (DOCX, HTML, text): blocks → full text, logical pages and paragraphs with offsets.
 */
import { normalizeText, PARAGRAPH_SEPARATOR } from './normalize.ts';
import { splitBlock } from './split-long.ts';
import type { ExtractedPage, ExtractedParagraph, ExtractorResult, TextBlock } from './types.ts';

/** Target size of a logical page: roughly one printed page of prose, so citations by page stay meaningful. */
export const LOGICAL_PAGE_CHARS = 3000;

export function assembleBlocks(blocks: TextBlock[]): ExtractorResult {
  // Over-long blocks become several paragraphs (split-long.ts), cut at their hard line breaks first.
  const clean = blocks.flatMap((b) =>
    splitBlock(b.text, normalizeText).map((text) => ({ text, isHeading: b.isHeading })),
  );
  if (clean.length === 0) return { ok: false, reason: 'The file contains no text.' };
  const paragraphs: ExtractedParagraph[] = [];
  const pages: ExtractedPage[] = [];
  let offset = 0;
  let pageNo = 1;
  let pageStart = 0;
  let pageChars = 0;
  const closePage = (end: number) => {
    pages.push({ number: pageNo, width: 0, height: 0, start: pageStart, end, text: '', lines: [] });
    pageNo += 1;
  };
  clean.forEach((b, i) => {
    const start = i === 0 ? 0 : offset + PARAGRAPH_SEPARATOR.length;
    // Break only between paragraphs; a paragraph longer than a page gets a page of its own.
    if (pageChars > 0 && pageChars + b.text.length > LOGICAL_PAGE_CHARS) {
      closePage(offset);
      pageStart = start;
      pageChars = 0;
    }
    const end = start + b.text.length;
    paragraphs.push({
      ordinal: i,
      page: pageNo,
      pageEnd: pageNo,
      start,
      end,
      text: b.text,
      isHeading: b.isHeading,
      language: null,
      rects: [],
    });
    pageChars += b.text.length;
    offset = end;
  });
  closePage(offset);
  const fullText = clean.map((b) => b.text).join(PARAGRAPH_SEPARATOR);
  for (const p of pages) p.text = fullText.slice(p.start, p.end);
  return { ok: true, status: 'ready', reason: null, fullText, pages, paragraphs };
}
