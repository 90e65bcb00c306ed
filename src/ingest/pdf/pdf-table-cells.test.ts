/**
 * Golden tests for tables and forms in the geometric pipeline (issue 14 items 2 and 6; pdf/table-cells.ts):
 * each cell is a paragraph, as a tagged PDF's TD is. The pages are placed here with pdf-lib the way tax
 * forms and reports print them: a form's line numbers, labels with dot leaders and amount boxes, a label
 * wrapped down the margin, and rows written as one TJ string whose cells are set apart by kerning (pdf.js
 * bridges such a gap with a blank item).
 */
import {
  beginText,
  endText,
  moveText,
  PDFArray,
  PDFDocument,
  type PDFFont,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  StandardFonts,
  setFontAndSize,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { filler } from '../../../test/fixtures/pdf/make-pdf.ts';
import { A4, extractReady } from './test-fixtures.ts';

/** One row drawn as a single TJ: the cells' texts with kerning (thousandths of an em) moving between them. */
function drawTjRow(
  page: PDFPage,
  font: PDFFont,
  size: number,
  x: number,
  y: number,
  cells: Array<string | number>,
) {
  const key = page.node.newFontDictionary(font.name, font.ref);
  const parts = PDFArray.withContext(page.doc.context);
  for (const c of cells) parts.push(typeof c === 'string' ? font.encodeText(c) : PDFNumber.of(c));
  page.pushOperators(
    beginText(),
    setFontAndSize(key, size),
    moveText(x, y),
    PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [parts]),
    endText(),
  );
}

describe('form and table cells', () => {
  it('reads a tax form: line numbers, labels with leaders, boxes and a wrapped margin note as cells', async () => {
    const doc = await PDFDocument.create();
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    const page = doc.addPage(A4);
    page.drawText('Income statement 2025', { x: 50, y: 790, size: 16, font: bold });
    const intro = [
      'Fill in every line that applies to you. Amounts are in whole units of the national currency, rounded',
      'to the nearest unit; leave a line blank when it does not apply to you.',
    ];
    intro.forEach((t, i) => {
      page.drawText(t, { x: 50, y: 760 - i * 12, size: 9, font: regular });
    });
    const rows: Array<[string, string]> = [
      ['Wages, salaries, tips, etc. Attach Form(s) W-2 . . . . . . . . . . . .', '41,250'],
      ['Taxable interest. Attach Schedule B if required . . . . . . . . . . . .', '312'],
      ['Ordinary dividends. Attach Schedule B if required . . . . . . . . . . .', '1,045'],
      ['Alimony received . . . . . . . . . . . . . . . . . . . . .', '0'],
      ['Business income or (loss). Attach Schedule C or C-EZ . . . . . . . . . .', '7,800'],
      ['Capital gain or (loss). Attach Schedule D if required . . . . . . . . .', '2,210'],
    ];
    const note = [
      'Attach Form(s)',
      'W-2 here. Also',
      'attach Forms',
      'W-2G and',
      '1099-R if tax',
      'was withheld.',
    ];
    let y = 720;
    rows.forEach(([label, amount], i) => {
      const n = String(7 + i);
      page.drawText(note[i]!, { x: 50, y, size: 8, font: regular });
      page.drawText(n, { x: 128, y, size: 8, font: bold });
      page.drawText(label, { x: 150, y, size: 8, font: regular });
      page.drawText(n, { x: 470, y, size: 8, font: bold });
      page.drawText(amount, { x: 560 - regular.widthOfTextAtSize(amount, 8), y, size: 8, font: regular });
      y -= 11;
    });
    const after = filler(301, 3);
    page.drawText(after, { x: 50, y: y - 20, size: 9, font: regular, maxWidth: 480, lineHeight: 12 });
    const ex = await extractReady(doc);
    const texts = ex.paragraphs.map((p) => p.text);
    expect(texts.slice(0, 2)).toEqual(['Income statement 2025', intro.join(' ')]);
    const cells = rows.flatMap(([label, amount], i) => [String(7 + i), label, String(7 + i), amount]);
    // The margin note is one cell, read where it starts (beside line 7), then the rows left to right.
    expect(texts.slice(2, 2 + 1 + cells.length)).toEqual([note.join(' '), ...cells]);
    expect(texts[texts.length - 1]).toBe(after);
    // Cells are not headings (a bold line number would otherwise be one).
    expect(ex.paragraphs.slice(2).some((p) => p.isHeading)).toBe(false);
  });

  it('splits a table row written as one string with its cells kerned apart', async () => {
    const doc = await PDFDocument.create();
    const regular = await doc.embedFont(StandardFonts.TimesRoman);
    const page = doc.addPage(A4);
    const table: string[][] = [
      ['Country', 'Year', 'Lead agency', 'Status'],
      ['Albania', '2020', 'National Cyber Security Authority', 'Adopted'],
      ['Brazil', '2020', 'Institutional Security Office', 'Adopted'],
      ['Chile', '2017', 'Interministerial Committee on Cybersecurity', 'Under revision'],
      ['Estonia', '2019', 'Ministry of Economic Affairs', 'Adopted'],
    ];
    const columns = [60, 150, 210, 450];
    const size = 10;
    let y = 760;
    for (const row of table) {
      // Each cell's kerning moves the pen from the end of the previous cell to its column.
      const tj: Array<string | number> = [];
      let pen = columns[0]!;
      row.forEach((cell, i) => {
        if (i > 0) tj.push(-((columns[i]! - pen) * 1000) / size);
        tj.push(cell);
        pen = (i > 0 ? columns[i]! : pen) + regular.widthOfTextAtSize(cell, size);
      });
      drawTjRow(page, regular, size, columns[0]!, y, tj);
      y -= 16;
    }
    const body = filler(302, 3);
    page.drawText(body, { x: 60, y: y - 10, size: 11, font: regular, maxWidth: 470, lineHeight: 14 });
    const ex = await extractReady(doc);
    expect(ex.paragraphs.map((p) => p.text)).toEqual([...table.flat(), body]);
  });

  it('keeps justified prose whole though its word gaps are over an em, and hanging numbers with their text', async () => {
    const doc = await PDFDocument.create();
    const regular = await doc.embedFont(StandardFonts.TimesRoman);
    const page = doc.addPage(A4);
    // A narrow justified column: each line's words spread evenly to both edges (gaps of 1–2 em).
    const width = 190;
    const space = regular.widthOfTextAtSize(' ', 10);
    const lines: string[][] = [[]];
    for (const word of filler(303, 4).split(' ')) {
      const line = lines[lines.length - 1]!;
      const w = [...line, word].reduce((n, x) => n + regular.widthOfTextAtSize(x, 10) + space, -space);
      if (line.length > 0 && w > width - 36) lines.push([word]);
      else line.push(word);
    }
    const last = lines.pop()!;
    let y = 780;
    for (const line of lines) {
      const used = line.reduce((w, word) => w + regular.widthOfTextAtSize(word, 10), 0);
      const gap = (width - used) / (line.length - 1);
      let x = 60;
      for (const word of line) {
        page.drawText(word, { x, y, size: 10, font: regular });
        x += regular.widthOfTextAtSize(word, 10) + gap;
      }
      y -= 13;
    }
    page.drawText(last.join(' '), { x: 60, y, size: 10, font: regular });
    y -= 30;
    const items = [filler(304, 1), filler(305, 1), filler(306, 1)];
    items.forEach((t, i) => {
      page.drawText(`${i + 1}.`, { x: 60, y, size: 10, font: regular });
      page.drawText(t, { x: 90, y, size: 10, font: regular, maxWidth: 420, lineHeight: 13 });
      y -= 13 * (Math.ceil(regular.widthOfTextAtSize(t, 10) / 400) + 1);
    });
    const ex = await extractReady(doc);
    expect(ex.paragraphs.map((p) => p.text)).toEqual([
      [...lines.flat(), ...last].join(' '),
      ...items.map((t, i) => `${i + 1}. ${t}`),
    ]);
  });
});
