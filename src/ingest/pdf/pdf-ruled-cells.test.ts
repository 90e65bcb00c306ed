/**
 * Golden tests for cells told apart by the rules drawn between them (issue 14 items 2 and 6; pdf/rules.ts):
 * a bordered table whose cells stand a few points apart (an HTML table printed with 3 px padding), which no
 * gap in the text can split, and a tax form's rows whose two wide gaps happen to be equal (which read as a
 * justified line before).
 */
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { filler } from '../../../test/fixtures/pdf/make-pdf.ts';
import { A4, paragraphTexts } from './test-fixtures.ts';

describe('cells split by ruling lines', () => {
  it('reads each cell of a bordered table with 3-point padding as a paragraph', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.TimesRoman);
    const page = doc.addPage(A4);
    const intro = filler(311, 3);
    page.drawText(intro, { x: 60, y: 780, size: 11, font, maxWidth: 470, lineHeight: 14 });
    const table: string[][] = [
      ['Albania', '2020', 'National Cyber Security Authority', 'Adopted'],
      ['Brazil', '2020', 'Institutional Security Office', 'Adopted'],
      ['Chile', '2017', 'Interministerial Committee on Cybersecurity', 'Under revision'],
      ['Estonia', '2019', 'Ministry of Economic Affairs and Communications', 'Adopted'],
      ['Kenya', '2022', 'National Computer and Cybercrimes Coordination Committee', 'Draft'],
    ];
    const size = 10;
    const pad = 3;
    // Each column as wide as its widest cell plus padding: neighbours' texts are 2 × 3 pt + a border apart.
    const widths = table[0]!.map(
      (_, c) => Math.max(...table.map((r) => font.widthOfTextAtSize(r[c]!, size))) + 2 * pad,
    );
    const left = 60;
    const rowHeight = size + 2 * pad + 2;
    let top = 700;
    for (const row of table) {
      let x = left;
      row.forEach((cell, c) => {
        page.drawRectangle({
          x,
          y: top - rowHeight,
          width: widths[c]!,
          height: rowHeight,
          borderColor: rgb(0.53, 0.53, 0.53),
          borderWidth: 0.75,
        });
        page.drawText(cell, { x: x + pad, y: top - rowHeight + pad + 2, size, font });
        x += widths[c]!;
      });
      top -= rowHeight;
    }
    const after = filler(312, 3);
    page.drawText(after, { x: 60, y: top - 30, size: 11, font, maxWidth: 470, lineHeight: 14 });
    expect(await paragraphTexts(doc)).toEqual([intro, ...table.flat(), after]);
  });

  it('reads a form row as cells when its two wide gaps are equal (not a justified line)', async () => {
    const doc = await PDFDocument.create();
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage(A4);
    const intro = filler(313, 3);
    page.drawText(intro, { x: 50, y: 780, size: 9, font: regular, maxWidth: 480, lineHeight: 12 });
    const labels = [
      'Moving expenses. Attach Form 3903',
      'One-half of self-employment tax. Attach Schedule SE',
      'Self-employed SEP, SIMPLE, and qualified plans',
      'Self-employed health insurance deduction',
      'Penalty on early withdrawal of savings',
    ];
    let y = 720;
    const cells: string[] = [];
    labels.forEach((label, i) => {
      const n = String(26 + i);
      page.drawText(n, { x: 113.5, y, size: 8, font: regular });
      page.drawText(label, { x: 136.8, y, size: 8, font: regular });
      // Dot leaders every 12 pt up to the box, each dot drawn on its own (as the IRS's form does), then the
      // line number again in its box: 14.4 pt from the first number to the label, 13.8 from the last dot.
      const end = 136.8 + regular.widthOfTextAtSize(label, 8);
      let dots = 0;
      for (let x = 336; x > end + 8; x -= 12) {
        page.drawText('.', { x, y, size: 8, font: regular });
        dots += 1;
      }
      page.drawText(n, { x: 352, y, size: 8, font: regular });
      cells.push(n, [label, ...Array(dots).fill('.')].join(' '), n);
      y -= 12;
    });
    const after = filler(314, 3);
    page.drawText(after, { x: 50, y: y - 20, size: 9, font: regular, maxWidth: 480, lineHeight: 12 });
    expect(await paragraphTexts(doc)).toEqual([intro, ...cells, after]);
  });
});
