/**
 * Golden tests for a form's signs, braces and boxes (decision 85, pdf/item-cuts.ts, pdf/cell-wraps.ts,
 * pdf/table-cells.ts), on pages placed with pdf-lib as a tax form prints them:
 *  - a pointer sign in larger type drawn over the label after it ("▲" 12 pt over "Your signature" 7 pt) or
 *    standing off it ("▶" 6 pt before "Check here…") is apart from it; one set against its label at a word
 *    space ("▶ c Type:") stays with it;
 *  - a word on a wrapped cell's first row, inside the width its next line shows ("Check   if" /
 *    "self-employed"), is that line's last word, not a cell of its own;
 *  - a tall "{" gathers the label left of it ("Check" / "if:") where the rows right of it start anew (a "}"
 *    likewise the label right of it);
 *  - a form's right half begun on rows of its own goes on past a line number of the left half level with its
 *    second line ("nombre de jours non imposables" / "au Luxembourg" beside "21").
 */
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { LETTER, paragraphTexts, put, SYMBOLS } from './test-fixtures.ts';

describe('form signs, braces and boxes', () => {
  it('parts a pointer sign from the label it is drawn over or stands off, keeps one set against its label', async () => {
    const doc = await PDFDocument.create();
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    doc.registerFontkit(fontkit);
    const signs = await doc.embedFont(readFileSync(SYMBOLS), { subset: true });
    const page = doc.addPage(LETTER);
    put(page, bold, 'Sign Here', 36, 120, 12);
    // The signature row: a large "▲" whose box runs under the label, then the row's other cells.
    put(page, signs, '▲', 90.9, 140.9, 12);
    put(page, regular, 'Your signature', 100.8, 138, 7);
    put(page, regular, 'Date', 277.6, 138, 7);
    put(page, regular, 'Your occupation', 328, 138, 7);
    put(page, regular, 'Daytime phone number', 464.8, 138, 7);
    put(page, regular, 'Spouse’s signature. If a joint return, both must sign.', 100.8, 165, 7);
    put(page, regular, 'Date', 277.6, 165, 7);
    put(page, regular, 'Spouse’s occupation', 328, 165, 7);
    // A fund row: a small "▶" 0.75 em off the text it leads; a bank row: "▶" a word space before its letter.
    put(page, bold, 'Presidential', 36, 220, 7.5);
    put(page, bold, 'Election Campaign', 36, 228.1, 7.5);
    put(page, signs, '▶', 111.9, 226.6, 6);
    put(
      page,
      regular,
      'Check here if you, or your spouse if filing jointly, want $3 to go to this fund',
      122.4,
      228.8,
      8,
    );
    put(page, bold, 'You', 483.6, 227.6, 7);
    put(page, bold, 'Spouse', 534.2, 227.6, 7);
    put(page, regular, 'Routing number', 115.2, 260, 8);
    put(page, signs, '▶', 328, 258.5, 6);
    put(page, bold, 'c', 333.8, 260, 8);
    put(page, regular, 'Type:', 340, 260, 8);
    put(page, regular, 'Checking', 390, 260, 8);
    put(page, regular, 'Savings', 450, 260, 8);
    const texts = await paragraphTexts(doc);
    expect(texts).toContain('▲');
    expect(texts).toContain('Your signature');
    expect(texts).toContain(
      'Check here if you, or your spouse if filing jointly, want $3 to go to this fund',
    );
    expect(texts).toContain('▶ c Type:');
  });

  it('reads a word inside a wrapped cell with its line, and a label a tall brace gathers as one', async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const signs = await doc.embedFont(readFileSync(SYMBOLS), { subset: true });
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    const page = doc.addPage(LETTER);
    // Numbered rows 12 pt apart: number | sub-letter | label… | amount column.
    const row = (top: number, n: string, label: string) => {
      put(page, bold, n, 91.9, top, 8);
      put(page, regular, label, 115.2, top, 8);
      put(page, bold, n, 467.2, top, 8);
    };
    row(57.7, '38', 'Amount from line 37 (adjusted gross income)');
    // Line 39a: "Check / if:" left of a tall "{", two check rows, a "}" and "Total boxes / checked".
    put(page, bold, '39', 91.9, 69.7, 8);
    put(page, bold, 'a', 100.8, 69.7, 8);
    put(page, regular, 'Check', 115.2, 70.7, 8);
    put(page, regular, 'if:', 115.2, 81.7, 8);
    put(page, regular, '{', 146, 76.6, 24);
    put(page, regular, 'You were born before January 2, 1946,', 176, 69.7, 8);
    put(page, regular, 'Blind.', 345.2, 69.7, 8);
    put(page, regular, 'Spouse was born before January 2, 1946,', 176, 81.7, 8);
    put(page, regular, 'Blind.', 345.2, 81.7, 8);
    put(page, regular, '}', 378, 76.4, 24);
    put(page, signs, '▶', 432, 76.4, 10);
    put(page, bold, 'Total boxes', 400, 70.7, 8);
    put(page, bold, 'checked', 400, 81.7, 8);
    put(page, bold, '39a', 446, 81.7, 8);
    row(105.7, '40', 'Itemized deductions (from Schedule A) or your standard deduction');
    row(117.7, '41', 'Subtract line 40 from line 38');
    // The preparer's rows: "Check" and "if" 2.5 ems apart on the first row, "self-employed" under both.
    put(page, bold, 'Paid', 36, 210.1, 10);
    put(page, regular, 'Print/Type preparer’s name', 100.6, 203.5, 7);
    put(page, regular, 'Date', 328, 204, 7);
    put(page, regular, 'Check', 400, 209.5, 7);
    put(page, regular, 'if', 437.6, 209.5, 7);
    put(page, regular, 'self-employed', 400, 216.5, 7);
    put(page, regular, 'PTIN', 466.7, 203.5, 7);
    put(page, regular, 'Firm’s name', 100.8, 229.5, 7);
    put(page, regular, 'Firm’s EIN', 400, 228.1, 7);
    const texts = await paragraphTexts(doc);
    expect(texts).toContain('Check if:');
    expect(texts).toContain('You were born before January 2, 1946,');
    expect(texts).toContain('Spouse was born before January 2, 1946,');
    expect(texts).toContain('Check if self-employed');
    expect(texts).toContain('Date');
  });

  it("reads a form half's label on past a line number of the other half level with its second line", async () => {
    const doc = await PDFDocument.create();
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    const put842 = (text: string, x: number, top: number, size = 8) =>
      page.drawText(text, { x, y: 842 - top, size, font: regular });
    // The left half: numbered rows; the right half (from "K)"): labels on rows of their own.
    const left: Array<[string, number, string]> = [
      ['18', 491.4, 'indemnités de congé'],
      ['19', 510, 'suppléments de salaires'],
      ['20', 530, 'suppléments de salaires pour travail de nuit'],
      ['21', 561.4, '2. autres exemptions (à spécifier)'],
      ['22', 577.1, 'total des exemptions'],
      ['23', 592.4, 'montant imposable'],
    ];
    // Each numbered row ends in the amount column, across the page.
    for (const [n, top, label] of left) {
      put842(n, 51.4, top);
      put842(label, 85.5, top);
      put842('0,00', 520, top);
    }
    put842('du', 354.8, 495.4);
    put842('au', 449.6, 495.4);
    put842('K)', 332, 520.1);
    put842('nombre de jours imposables', 351, 525);
    put842('au Luxembourg', 351, 535.2);
    put842('nombre de jours non imposables', 351, 550.9);
    put842('au Luxembourg', 351, 561.1);
    put842('montant net exonéré', 351, 587.3);
    const texts = await paragraphTexts(doc);
    expect(texts).toContain('nombre de jours imposables au Luxembourg');
    expect(texts).toContain('nombre de jours non imposables au Luxembourg');
    expect(texts).toContain('2. autres exemptions (à spécifier)');
  });

  it("parts a table's header cells set closer than a word gap allows where the columns under them start", async () => {
    const doc = await PDFDocument.create();
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    const page = doc.addPage([595.92, 842.88]);
    const at = (font: PDFFont, text: string, x: number, top: number, size: number) =>
      page.drawText(text, { x, y: 842.88 - top, size, font });
    at(bold, 'Annex: National strategies reviewed', 56.2, 87, 18);
    at(regular, 'Capacity-building programmes were requested by several delegations.', 56.2, 116.2, 11);
    // The header: each cell's text drawn on its own, "Year" 3.5 pt after "Country", over the year column.
    at(bold, 'Country', 57.7, 198, 10);
    at(bold, 'Year', 102.4, 198, 10);
    at(bold, 'Lead agency', 270, 198, 10);
    at(bold, 'Status', 485.7, 198, 10);
    const rows: Array<[string, string, string, string]> = [
      ['Albania', '2020', 'National Cyber Security Authority', 'Adopted'],
      ['Brazil', '2020', 'Institutional Security Office', 'Adopted'],
      ['Chile', '2017', 'Interministerial Committee on Cybersecurity', 'Under revision'],
      ['Estonia', '2019', 'Ministry of Economic Affairs and Communications', 'Adopted'],
    ];
    for (const [i, [country, year, agency, status]] of rows.entries()) {
      const top = 215.2 + 18.8 * i;
      at(regular, country, 59.2, top, 10);
      at(regular, year, 102.6, top, 10);
      at(regular, agency, 140, top, 10);
      at(regular, status, 465.2, top, 10);
    }
    // A list under the table: its numbers hang before the text column and stay with their text.
    at(regular, '1.', 91.5, 320, 10);
    at(regular, 'Yes. Complete below.', 102.6, 320, 10);
    const texts = await paragraphTexts(doc);
    expect(texts).toContain('Country');
    expect(texts).toContain('Year');
    expect(texts).toContain('Lead agency');
    expect(texts).toContain('2017');
    expect(texts).toContain('Interministerial Committee on Cybersecurity');
    expect(texts).toContain('1. Yes. Complete below.');
  });
});
