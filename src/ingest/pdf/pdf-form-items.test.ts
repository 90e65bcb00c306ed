/**
 * Golden tests for the form cells that pdf.js's items part (decision 75, pdf/item-cuts.ts, pdf/lines.ts), on
 * a page placed with pdf-lib the way a tax form prints its rows:
 *  - a line number right-aligned against its sub-letter with no gap at all ("8" | "a"), the rows around
 *    drawing both columns (numbers ending there, sub-letters starting there): two cells, not "8a";
 *  - a check box's bold letter a little past the label before it ("…is from: a ☐ Form(s) 8814"): its own cell;
 *  - a margin label in larger type just short of the row's number ("Payments" 10 pt, "61" 8 pt): two cells;
 *  - "62 | 2010 estimated tax payments… | 62", two equal wide gaps: cells, not a justified line's words.
 */
import {
  beginMarkedContent,
  endMarkedContent,
  PDFDocument,
  type PDFFont,
  type PDFPage,
  rgb,
  StandardFonts,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../extract-document.ts';
import { A4 } from './test-fixtures.ts';

describe('form cells parted at pdf.js items', () => {
  it('parts a line number from its sub-letter, a check box letter from its label, a margin label from a number', async () => {
    const doc = await PDFDocument.create();
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    const page = doc.addPage(A4);
    page.drawText('Form 1040 — U.S. Individual Income Tax Return', { x: 50, y: 800, size: 14, font: bold });
    // Line numbers end at x = 128, sub-letters start there; labels at 142; amounts' line numbers at 470.
    const edge = 128;
    // Each cell in a marked-content span of its own, as a tagged form writes it (the tags are not read here:
    // pdf.js gives each span's text as an item of its own, which is all this step needs).
    const span = (draw: () => void) => {
      page.pushOperators(beginMarkedContent('Span'));
      draw();
      page.pushOperators(endMarkedContent());
    };
    const row = (y: number, n: string, letter: string, label: string, right: string) => {
      if (n) span(() => page.drawText(n, { x: edge - bold.widthOfTextAtSize(n, 8), y, size: 8, font: bold }));
      if (letter) span(() => page.drawText(letter, { x: edge, y, size: 8, font: bold }));
      page.drawText(label, { x: 142, y, size: 8, font: regular });
      page.drawText(right, { x: 470, y, size: 8, font: bold });
    };
    row(700, '7', '', 'Wages, salaries, tips, etc. Attach Form(s) W-2', '7');
    row(688, '8', 'a', 'Taxable interest. Attach Schedule B if required', '8a');
    row(676, '', 'b', 'Tax-exempt interest. Do not include on line 8a', '8b');
    row(664, '9', 'a', 'Ordinary dividends. Attach Schedule B if required', '9a');
    row(652, '', 'b', 'Qualified dividends', '9b');
    row(640, '10', '', 'Taxable refunds, credits, or offsets of state and local income taxes', '10');
    // A check box's letter ~4 pt (half an em, as pdf.js measures the label) past the label, bold, then the box and what it stands for.
    const y = 616;
    page.drawText('44', { x: edge - bold.widthOfTextAtSize('44', 8), y, size: 8, font: bold });
    const tax = 'Tax (see instructions). Check if any tax is from:';
    page.drawText(tax, { x: 142, y, size: 8, font: regular });
    const ax = 142 + regular.widthOfTextAtSize(tax, 8) + 5.5;
    page.drawText('a', { x: ax, y, size: 8, font: bold });
    box(page, ax + 9, y - 1);
    page.drawText('Form(s) 8814', { x: ax + 22, y, size: 8, font: regular });
    page.drawText('44', { x: 470, y, size: 8, font: bold });
    // A margin label in 10 pt bold, 8.7 pt short of the row's 8 pt number; then rows with equal wide gaps.
    page.drawText('Payments', { x: 36, y: 591, size: 10, font: bold });
    marginRow(page, bold, regular, 592.4, '61', 'Federal income tax withheld from Forms W-2 and 1099');
    marginRow(page, bold, regular, 580.4, '62', '2010 estimated tax payments and amount applied');
    marginRow(page, bold, regular, 568.4, '63', 'Making work pay credit. Attach Schedule M');
    const ex = await extractDocument({
      bytes: await doc.save({ useObjectStreams: false }),
      filename: 'x.pdf',
    });
    expect(ex.status).toBe('ready');
    const texts = ex.paragraphs.map((p) => p.text);
    for (const p of ex.paragraphs) expect(ex.fullText.slice(p.start, p.end)).toBe(p.text);
    // "8" and "a" are two cells, as are "9" and "a"; the amounts' "8a" (one string) stays one.
    const at = (t: string) => texts.indexOf(t);
    expect(texts.slice(at('8'), at('8') + 4)).toEqual([
      '8',
      'a',
      'Taxable interest. Attach Schedule B if required',
      '8a',
    ]);
    expect(texts.slice(at('9'), at('9') + 3)).toEqual([
      '9',
      'a',
      'Ordinary dividends. Attach Schedule B if required',
    ]);
    expect(texts).not.toContain('8 a');
    expect(texts).toContain(tax);
    expect(texts.slice(at(tax), at(tax) + 3)).toEqual([tax, 'a', 'Form(s) 8814']);
    expect(texts).toContain('Payments');
    expect(texts).toContain('2010 estimated tax payments and amount applied');
    expect(texts.filter((t) => t === '62')).toHaveLength(2);
  });

  it('starts a row at a new line number beside margin cells, keeps halves parted by a drawn rule apart', async () => {
    const doc = await PDFDocument.create();
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    const page = doc.addPage(A4);
    page.drawText('Filing status and income', { x: 50, y: 800, size: 14, font: bold });
    const number = (n: string, y: number) => {
      page.drawText(n, { x: 122.4 - bold.widthOfTextAtSize(n, 8), y, size: 8, font: bold });
      page.drawText(n, { x: 467.2, y, size: 8, font: bold });
    };
    ['Single', 'Married filing jointly', 'Married filing separately'].forEach((t, i) => {
      const y = 740 - i * 12;
      number(String(i + 1), y);
      page.drawText(t, { x: 136.8, y, size: 8, font: regular });
    });
    // A margin label's lines are cells beside the rows (x = 36); row 21's label does not end a sentence and
    // row 22 follows at 11 pt, within a wrap's pitch.
    const rows: Array<[number, string, string]> = [
      [680, '20', 'Social security benefits and taxable amount'],
      [668, '21', 'Other income. List type and amount'],
      [657, '22', 'Combine the amounts in the far right column for lines 7 through 21'],
      [645, '23', 'Educator expenses'],
    ];
    const margin = ['Enclose, but do', 'not attach, any', 'payment.'];
    rows.forEach(([y, n, t], i) => {
      number(n, y);
      page.drawText(t, { x: 136.8, y, size: 8, font: regular });
      if (margin[i]) page.drawText(margin[i]!, { x: 36, y, size: 8, font: bold });
    });
    // Two halves of a form parted by a drawn rule, on rows that do not line up with each other.
    page.drawLine({ start: { x: 330, y: 620 }, end: { x: 330, y: 540 }, thickness: 1 });
    page.drawText('cotisations sociales', { x: 85.5, y: 600, size: 8, font: regular });
    page.drawText('non déductibles', { x: 85.5, y: 590, size: 8, font: regular });
    page.drawText('nom:', { x: 332, y: 590.9, size: 8, font: regular });
    page.drawText('adresse:', { x: 332, y: 571, size: 8, font: regular });
    page.drawText('cotisations déductibles', { x: 85.5, y: 560, size: 8, font: regular });
    const ex = await extractDocument({
      bytes: await doc.save({ useObjectStreams: false }),
      filename: 'x.pdf',
    });
    expect(ex.status).toBe('ready');
    const texts = ex.paragraphs.map((p) => p.text);
    expect(texts).toContain('Other income. List type and amount');
    expect(texts).toContain('Combine the amounts in the far right column for lines 7 through 21');
    expect(texts).toContain('cotisations sociales non déductibles');
    expect(texts).toContain('nom:');
  });
});

/** A check box: an 8 pt square stroked in black. */
function box(page: PDFPage, x: number, y: number) {
  page.drawRectangle({ x, y, width: 8, height: 8, borderColor: rgb(0, 0, 0), borderWidth: 0.5 });
}

/** A row of the payments block: number at the line numbers' edge, label, and the number again 14.4 pt on. */
function marginRow(page: PDFPage, bold: PDFFont, regular: PDFFont, y: number, n: string, label: string) {
  page.drawText(n, { x: 91.9, y, size: 8, font: bold });
  page.drawText(label, { x: 115.2, y, size: 8, font: regular });
  const end = 115.2 + regular.widthOfTextAtSize(label, 8);
  page.drawText(n, { x: end + 14.6, y, size: 8, font: bold });
}
