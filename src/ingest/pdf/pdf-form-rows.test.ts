/**
 * Golden tests for the form rules of decision 67 (pdf/table-cells.ts, pdf/running.ts), each page placed with
 * pdf-lib the way a tax form or a browser's print prints it:
 *  - a margin label in its own smaller type and pitch beside the form's rows, so that some of its lines share
 *    a row with cells and some do not: the label stays one paragraph, the rows stay cells;
 *  - a label that does not end a sentence, and under it the next numbered row: the next row's text is its own
 *    cell, not the label's second line;
 *  - an arrow "▶" after a label's leaders, in a smaller symbol font: part of the label;
 *  - a one-page print with its title and "1 / 1" in the print margins: neither is a paragraph.
 */
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { filler } from '../../../test/fixtures/pdf/make-pdf.ts';
import { A4, extractReady, SYMBOLS } from './test-fixtures.ts';

describe('form rows', () => {
  it('keeps a margin label at its own pitch whole beside the rows, starts a row at its number, joins arrows', async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    const symbols = await doc.embedFont(readFileSync(SYMBOLS), { subset: true });
    const page = doc.addPage(A4);
    page.drawText('Income statement 2025', { x: 50, y: 790, size: 16, font: bold });
    const intro = filler(311, 2);
    page.drawText(intro, { x: 50, y: 764, size: 9, font: regular, maxWidth: 480, lineHeight: 12 });
    const rows: Array<[string, string]> = [
      ['Wages, salaries, tips, etc. Attach Form(s) W-2 . . . . . . . . . . . .', '41,250'],
      ['Taxable interest. Attach Schedule B if required . . . . . . . . . . . .', '312'],
      ['Ordinary dividends. Attach Schedule B if required . . . . . . . . . . .', '1,045'],
      ['Qualified dividends . . . . . . . . . . . . . . . . . . . .', '880'],
      ['Alimony received . . . . . . . . . . . . . . . . . . . . .', '0'],
      ['Other income. List type and amount', '150'],
      ['Add lines 7 through 12. This is your total income', '45,437'],
      ['Educator expenses . . . . . . . . . . . . . . . . . . . .', '250'],
    ];
    // The label is set smaller and tighter than the rows (7.8 pt at 9.3 pt pitch beside 8 pt rows at 12 pt):
    // its lines fall on the rows' baselines only now and then.
    const note = [
      'Attach Form(s)',
      'W-2 here. Also',
      'attach Forms',
      'W-2G and',
      '1099-R if tax',
      'was withheld.',
    ];
    const top = 700;
    note.forEach((t, i) => {
      page.drawText(t, { x: 50, y: top + 4 - i * 9.3, size: 7.8, font: bold });
    });
    rows.forEach(([label, amount], i) => {
      const y = top - i * 12;
      const n = String(7 + i);
      page.drawText(n, { x: 128, y, size: 8, font: bold });
      page.drawText(label, { x: 150, y, size: 8, font: regular });
      if (i === 6) {
        // The total's label points at its box with an arrow, 6 pt in a symbol font, a little lower.
        const end = 150 + regular.widthOfTextAtSize(label, 8) + 4;
        page.drawText('▶', { x: end, y: y - 1.5, size: 6, font: symbols });
      }
      page.drawText(n, { x: 470, y, size: 8, font: bold });
      page.drawText(amount, { x: 560 - regular.widthOfTextAtSize(amount, 8), y, size: 8, font: regular });
    });
    const after = filler(312, 3);
    page.drawText(after, {
      x: 50,
      y: top - rows.length * 12 - 24,
      size: 9,
      font: regular,
      maxWidth: 480,
      lineHeight: 12,
    });
    const ex = await extractReady(doc);
    const texts = ex.paragraphs.map((p) => p.text);
    expect(texts.slice(0, 2)).toEqual(['Income statement 2025', intro]);
    const cells = rows.flatMap(([label, amount], i) => [
      String(7 + i),
      i === 6 ? `${label} ▶` : label,
      String(7 + i),
      amount,
    ]);
    // The label is one paragraph; the rows' cells are read in order, each once.
    expect(texts).toContain(note.join(' '));
    expect(texts.filter((t) => t !== note.join(' ')).slice(2, 2 + cells.length)).toEqual(cells);
    expect(texts[texts.length - 1]).toBe(after);
  });

  it('drops the title and page number a browser prints in the margins of a one-page file', async () => {
    const doc = await PDFDocument.create();
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    const page = doc.addPage(A4);
    // Chromium's print header and footer: date and title at the top, address and "1 / 1" at the bottom, 8 pt.
    page.drawText('30/11/2026, 10:12', { x: 22, y: 826, size: 8, font: regular });
    page.drawText('Cyber Policy Portal — national strategy', { x: 230, y: 826, size: 8, font: regular });
    page.drawText('1/1', { x: 560, y: 12, size: 8, font: regular });
    const title = 'National cybersecurity strategy';
    page.drawText(title, { x: 60, y: 770, size: 16, font: bold });
    const body = [filler(313, 4), filler(314, 3)];
    page.drawText(body[0]!, { x: 60, y: 740, size: 11, font: regular, maxWidth: 470, lineHeight: 14 });
    page.drawText(body[1]!, { x: 60, y: 640, size: 11, font: regular, maxWidth: 470, lineHeight: 14 });
    const ex = await extractReady(doc);
    expect(ex.paragraphs.map((p) => p.text)).toEqual([title, ...body]);
    expect(ex.paragraphs[0]!.isHeading).toBe(true);
  });
});
