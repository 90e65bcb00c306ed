/**
 * Headings set in the body's own type (issue 14 item 2, "headings from relative size, weight and isolation,
 * centred titles included"): a short line alone between paragraph gaps, bold or not, left-aligned or centred,
 * is a heading; short lines that are the end of a paragraph, a clause before a list, an address block or a
 * caption in smaller type are not. Each PDF is placed line by line with pdf-lib, as a word processor prints.
 */
import { PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';
import { expect, it } from 'vitest';
import { filler } from '../../../test/fixtures/pdf/make-pdf.ts';
import { extractDocument } from '../extract-document.ts';
import { A4 } from './test-fixtures.ts';

const SIZE = 11;
const LEADING = 14;

function wrap(font: PDFFont, text: string, width: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  for (const word of text.split(' ')) {
    if (line.length > 0 && font.widthOfTextAtSize([...line, word].join(' '), SIZE) > width) {
      lines.push(line.join(' '));
      line = [];
    }
    line.push(word);
  }
  if (line.length > 0) lines.push(line.join(' '));
  return lines;
}

type Block =
  | { kind: 'body'; text: string }
  | { kind: 'line'; text: string; bold?: boolean; centred?: boolean; size?: number }
  | { kind: 'gap' };

/** Blocks down an A4 page at 11 pt: body paragraphs wrapped at 450 pt, single lines, and 10 pt gaps. */
async function pdfOf(blocks: Block[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.TimesRoman);
  const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
  const page = doc.addPage(A4);
  let y = 780;
  for (const b of blocks) {
    if (b.kind === 'gap') {
      y -= 10;
      continue;
    }
    if (b.kind === 'body') {
      for (const line of wrap(regular, b.text, 450)) {
        page.drawText(line, { x: 72, y, size: SIZE, font: regular });
        y -= LEADING;
      }
      continue;
    }
    const font = b.bold ? bold : regular;
    const size = b.size ?? SIZE;
    const x = b.centred ? (A4[0] - font.widthOfTextAtSize(b.text, size)) / 2 : 72;
    page.drawText(b.text, { x, y, size, font });
    y -= LEADING;
  }
  return doc.save({ useObjectStreams: false });
}

const gap: Block = { kind: 'gap' };
const body = (seed: number): Block => ({ kind: 'body', text: filler(seed, 3) });

it('finds headings in body type by isolation: plain, bold and centred; not clauses, addresses or captions', async () => {
  const bytes = await pdfOf([
    { kind: 'line', text: 'Preamble', centred: true },
    gap,
    body(301),
    gap,
    { kind: 'line', text: 'Scope of application' },
    gap,
    body(302),
    gap,
    { kind: 'line', text: 'Definitions', bold: true },
    gap,
    body(303),
    gap,
    // A clause introducing what follows is not a heading, though it stands alone.
    { kind: 'line', text: 'The Parties have agreed as follows:' },
    gap,
    body(304),
    gap,
    // An address block: short lines with no body paragraph right after each.
    { kind: 'line', text: 'Permanent Mission of Estonia' },
    { kind: 'line', text: 'Avenue de la Paix 11' },
    { kind: 'line', text: 'Geneva' },
    gap,
    body(305),
    gap,
    // A caption in smaller type.
    { kind: 'line', text: 'Figure 2 National incident reports', size: 9 },
    gap,
    body(306),
  ]);
  const ex = await extractDocument({ bytes, filename: 'agreement.pdf' });
  expect(ex.status).toBe('ready');
  const headings = ex.paragraphs.filter((p) => p.isHeading).map((p) => p.text);
  expect(headings).toEqual(['Preamble', 'Scope of application', 'Definitions']);
  // Every heading is its own paragraph, and each body paragraph stays whole.
  for (const seed of [301, 302, 303, 304, 305, 306])
    expect(ex.paragraphs.map((p) => p.text)).toContain(filler(seed, 3));
  // The headings reach the table of contents built from headings.
  expect(ex.toc?.entries.map((e) => e.label)).toEqual(expect.arrayContaining(headings));
});

it('does not take the short last line of a paragraph, or a one-line paragraph that is a sentence, for a heading', async () => {
  const bytes = await pdfOf([
    body(311),
    gap,
    { kind: 'line', text: 'This sentence stands alone.' },
    gap,
    body(312),
    gap,
    { kind: 'body', text: `${filler(313, 2)} Adopted` },
    gap,
    body(314),
  ]);
  const ex = await extractDocument({ bytes, filename: 'notes.pdf' });
  expect(ex.paragraphs.filter((p) => p.isHeading).map((p) => p.text)).toEqual([]);
});
