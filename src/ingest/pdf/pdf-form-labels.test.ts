/**
 * Golden tests for a form's labels as a reader takes them (decision 88, pdf/item-cuts.ts, pdf/table-cells.ts,
 * pdf/row-parts.ts), on pages placed with pdf-lib as a tax form prints them:
 *  - a line's sub-item letter set against its line number with no room ("31" | "a" before "Alimony paid") is
 *    a cell of its own, and lone letters in the letters' column ("b" over "c") do not wrap into each other;
 *  - a note of several sentences in a narrow margin column ("Joint return? / See page 12. / Keep a copy…")
 *    is one cell; one-word cells ("Blind." over "Blind.") stay apart;
 *  - so is a label ending in a colon in such a column with the bulleted line under it ("No. of children /
 *    on 6c who:" / "• lived with you", the margin-note rule), and the next bullet is an entry of its own;
 *  - a pointer after a box's line number points from the nearest label before it ("…see instructions ▶ |
 *    76 | ▶"). (The same after a brace, "Total boxes / checked | } ▶" in f1040, is checked by the tagged
 *    bench: there the form's drawn boxes part the brace from the check rows, which this page does not draw.)
 */
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import {
  beginMarkedContent,
  endMarkedContent,
  PDFDocument,
  type PDFFont,
  type PDFPage,
  StandardFonts,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { LETTER, paragraphTexts, put, SYMBOLS } from './test-fixtures.ts';

interface Form {
  doc: PDFDocument;
  page: PDFPage;
  regular: PDFFont;
  bold: PDFFont;
  signs: PDFFont;
}

/**
 * Draws in a marked-content span of its own, as a tagged form writes each cell (the tags are not read here:
 * pdf.js gives each span's text as an item of its own, as pdf-form-items.test.ts does).
 */
function span(f: Form, font: PDFFont, text: string, x: number, top: number, size: number) {
  f.page.pushOperators(beginMarkedContent('Span'));
  put(f.page, font, text, x, top, size);
  f.page.pushOperators(endMarkedContent());
}

async function form(): Promise<Form> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const signs = await doc.embedFont(readFileSync(SYMBOLS), { subset: true });
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  return { doc, page: doc.addPage(LETTER), regular, bold, signs };
}

/** A numbered row 12 pt high: line number | label with leaders | the amount column's number. */
function row(f: Form, top: number, n: string, label: string, box = 352) {
  put(f.page, f.bold, n, 113.5, top, 8);
  put(f.page, f.regular, `${label} . . . . . .`, 136.8, top, 8);
  put(f.page, f.bold, n, box, top, 8);
}

/** Line 6's exemptions: the sub-letters' column 10 pt apart, each before its label, and the dependents' heads. */
function exemptions(f: Form) {
  put(f.page, f.bold, '6a', 113.5, 237.7, 8);
  put(
    f.page,
    f.regular,
    'Yourself. If someone can claim you as a dependent, do not check box 6a',
    136.8,
    237.7,
    8,
  );
  put(f.page, f.bold, 'b', 122.4, 249.7, 8);
  put(f.page, f.bold, 'Spouse . . . . . . . . . . . . . . . . .', 151.2, 249.7, 8);
  put(f.page, f.bold, 'c', 122.4, 259.7, 8);
  put(f.page, f.bold, 'Dependents:', 136, 259.7, 8);
  put(f.page, f.regular, '(2) Dependent’s', 259, 261.3, 7);
  put(f.page, f.regular, '(3) Dependent’s', 333.4, 261.3, 7);
  put(f.page, f.regular, 'social security number', 250.6, 269.7, 7);
  put(f.page, f.regular, 'relationship to you', 329.6, 269.7, 7);
}

describe('form labels', () => {
  it('reads a sub-item letter set against its line number, and lone letters, as cells of their own', async () => {
    const f = await form();
    put(f.page, f.bold, 'Adjusted', 36, 640, 10);
    put(f.page, f.bold, 'Gross', 36, 652, 10);
    put(f.page, f.bold, 'Income', 36, 664, 10);
    row(f, 645.7, '29', 'Self-employed health insurance deduction');
    row(f, 657.7, '30', 'Penalty on early withdrawal of savings');
    // Line 31a: "31" and "a" two items with no room between them.
    span(f, f.bold, '31', 113.5, 669.7, 8);
    span(f, f.bold, 'a', 122.4, 669.7, 8);
    put(f.page, f.regular, 'Alimony paid', 136.8, 669.7, 8);
    put(f.page, f.bold, 'b', 192, 669.7, 8);
    put(f.page, f.regular, 'Recipient’s SSN', 201.3, 669.7, 8);
    put(f.page, f.bold, '31a', 349.7, 669.7, 8);
    row(f, 681.7, '32', 'IRA deduction');
    row(f, 693.7, '33', 'Student loan interest deduction');
    exemptions(f);
    const texts = await paragraphTexts(f.doc);
    expect(texts).toContain('31');
    expect(texts).toContain('a');
    expect(texts).toContain('Alimony paid');
    expect(texts).toContain('b Recipient’s SSN');
    expect(texts).toContain('31a');
    expect(texts).toContain('b');
    expect(texts).toContain('c');
    expect(texts).toContain('Dependents:');
  });

  it("reads a margin note's sentences as one cell, one-word cells apart", async () => {
    const f = await form();
    put(f.page, f.bold, 'Sign', 36, 633.8, 12);
    put(f.page, f.bold, 'Here', 36, 645.8, 12);
    const note = ['Joint return?', 'See page 12.', 'Keep a copy', 'for your', 'records.'];
    for (const [i, line] of note.entries()) put(f.page, f.regular, line, 36, 655.6 + 9 * i, 7.5);
    put(f.page, f.regular, 'Your signature', 100.8, 653, 7);
    put(f.page, f.regular, 'Date', 277.6, 653, 7);
    put(f.page, f.regular, 'Your occupation', 328, 653, 7);
    put(f.page, f.regular, 'Daytime phone number', 464.8, 653, 7);
    // Check boxes: one-word cells ending in a full stop, one under the other.
    put(f.page, f.regular, 'You were born before January 2, 1946,', 166, 69.7, 8);
    put(f.page, f.regular, 'Blind.', 345.2, 69.7, 8);
    put(f.page, f.bold, '39a', 417.6, 69.7, 8);
    put(f.page, f.regular, 'Spouse was born before January 2, 1946,', 166, 81.7, 8);
    put(f.page, f.regular, 'Blind.', 345.2, 81.7, 8);
    put(f.page, f.bold, '39b', 417.6, 81.7, 8);
    put(f.page, f.regular, 'If your spouse itemizes on a separate return, check here', 166, 93.7, 8);
    put(f.page, f.bold, '39c', 417.6, 93.7, 8);
    const texts = await paragraphTexts(f.doc);
    expect(texts).toContain('Joint return? See page 12. Keep a copy for your records.');
    expect(texts).toContain('Your signature');
    expect(texts.filter((t) => t === 'Blind.')).toHaveLength(2);
  });

  it('gives a margin label ending in a colon the bulleted line under it, and no more', async () => {
    const f = await form();
    put(f.page, f.bold, 'Exemptions', 36, 242.1, 10);
    exemptions(f);
    put(f.page, f.bold, 'Boxes checked', 489.6, 233.2, 7);
    put(f.page, f.bold, 'on 6a and 6b', 489.6, 240.2, 7);
    put(f.page, f.bold, 'No. of children', 489.6, 252.2, 7);
    put(f.page, f.bold, 'on 6c who:', 489.6, 259.2, 7);
    // The bullet in plain type, its words in bold, at the label's own pitch; the next one smaller.
    put(f.page, f.regular, '•', 489.6, 266.2, 7);
    put(f.page, f.bold, 'lived with you', 495, 266.2, 7);
    put(f.page, f.regular, '(1) First name', 108, 272.4, 7);
    put(f.page, f.regular, '•', 489.6, 274.3, 6.5);
    put(f.page, f.bold, 'did not live with', 494.7, 274.3, 6.5);
    put(f.page, f.bold, 'you due to divorce', 489.6, 280.8, 6.5);
    put(f.page, f.bold, 'or separation', 489.6, 287.3, 6.5);
    const texts = await paragraphTexts(f.doc);
    expect(texts).toContain('No. of children on 6c who: • lived with you');
    expect(texts).toContain('• did not live with you due to divorce or separation');
    expect(texts).toContain('Boxes checked on 6a and 6b');
  });

  it('gives a pointer after a box number to the nearest label before it', async () => {
    const f = await form();
    const line = (top: number, n: string, label: string) => {
      put(f.page, f.bold, n, 91.9, top, 8);
      put(f.page, f.regular, label, 115.2, top, 8);
      put(f.page, f.bold, n, 467.2, top, 8);
    };
    line(57.7, '38', 'Amount from line 37 (adjusted gross income) . . . . . . . . . . . . . .');
    line(93.7, '40', 'Itemized deductions (from Schedule A) or your standard deduction . . . .');
    // Line 76: the label's own pointer, the box's number, then a second pointer into the box.
    put(f.page, f.bold, 'Amount', 36, 572.3, 9.5);
    put(f.page, f.bold, 'You Owe', 36, 583.7, 9.5);
    line(560.7, '75', 'Amount of line 73 you want applied to your 2011 estimated tax . . . . .');
    put(f.page, f.bold, '76', 91.9, 572.7, 8);
    const owe = 'Amount you owe. Subtract line 72 from line 60. For details on how to pay, see instructions';
    put(f.page, f.regular, owe, 115.2, 572.7, 8);
    put(f.page, f.signs, '▶', 449.2, 572.7, 7);
    put(f.page, f.bold, '76', 467.2, 573.7, 8);
    put(f.page, f.signs, '▶', 481.9, 571.2, 6);
    line(585.7, '77', 'Estimated tax penalty (see instructions) . . . . . . .');
    const texts = await paragraphTexts(f.doc);
    expect(texts).toContain(`${owe} ▶ ▶`);
    expect(texts).toContain('76');
  });
});
