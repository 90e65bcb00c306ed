/** What the PDF layout golden tests share when they print real-looking pages with pdf-lib. */
import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { expect } from 'vitest';
import { extractDocument } from '../extract-document.ts';

export const A4: [number, number] = [595.28, 841.89];
/** US Letter, the page of the tax forms. */
export const LETTER: [number, number] = [612, 792];
/**
 * Debian's fonts-noto-core (scripts/ensure-system-deps.js): form signs (▶ and the like) with their Unicode,
 * which the standard 14 fonts do not have.
 */
export const SYMBOLS = '/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf';

/** Draws text with its top `top` points below the page's top edge. */
export function put(page: PDFPage, font: PDFFont, text: string, x: number, top: number, size: number) {
  page.drawText(text, { x, y: page.getHeight() - top, size, font });
}

/**
 * The top of a book's contents page and its first chapter's title below it: a bold chapter entry and a
 * dotted section entry with their page numbers, then the chapter's own title in the heading size.
 */
export function contentsRows(page: PDFPage, font: PDFFont, bold: PDFFont): void {
  put(page, bold, 'Contents', 72, 136, 14.3);
  put(page, bold, '1 Document structures', 72, 158, 10);
  put(page, bold, '1', 286, 158, 10);
  put(page, font, '1.1', 87, 170, 10);
  put(page, font, 'Mathematics . . . . . . . . . . . . .', 110, 170, 10);
  put(page, font, '1', 287, 170, 10);
  put(page, bold, '1 Document structures', 72, 203, 14.3);
}

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

/** The document saved and extracted: ready, each paragraph's offsets pointing at its own text. */
export async function extractReady(doc: PDFDocument) {
  const ex = await extractDocument({ bytes: await doc.save({ useObjectStreams: false }), filename: 'x.pdf' });
  expect(ex.status).toBe('ready');
  for (const p of ex.paragraphs) expect(ex.fullText.slice(p.start, p.end)).toBe(p.text);
  return ex;
}

/** The paragraphs' texts of the document, extracted as `extractReady` does. */
export async function paragraphTexts(doc: PDFDocument): Promise<string[]> {
  return (await extractReady(doc)).paragraphs.map((p) => p.text);
}
