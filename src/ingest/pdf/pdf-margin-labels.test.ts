/**
 * Golden tests for a form's labels that wrap in its margins beside the numbered rows (decision 81,
 * pdf/cell-wraps.ts, pdf/table-cells.ts), on a page placed with pdf-lib as a tax form prints it:
 *  - a right-margin label in 7 pt bold at 7 pt steps ("Boxes checked / on 6a and 6b") goes on past a section's
 *    margin heading in larger type on the left ("Exemptions" 10 pt): one label, not two cells;
 *  - the next label 9.5 pt further down ("No. of children / on 6c who:") is another one (past the first's pitch);
 *  - a left-margin note whose last words are bold ("…please use / Form 1040-V.") is one paragraph;
 *  - a footer whose parts stand over 3 ems apart is three paragraphs; a contents entry keeps its page number;
 *  - a line number alone on its row ("20" between "19" and "21") keeps the table open: the text cell above
 *    it goes on past it ("…pour travail de nuit," / "de dimanche…").
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../extract-document.ts';
import { LETTER, put } from './test-fixtures.ts';

describe('form margin labels', () => {
  it('keeps a margin label whole past a margin heading and an inline bold word, parts labels at a larger step', async () => {
    const doc = await PDFDocument.create();
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    const page = doc.addPage(LETTER);
    put(page, bold, 'U.S. Individual Income Tax Return', 108.8, 56, 12);
    // Numbered rows: number | label | number, 12 pt apart, as the form's body.
    const row = (top: number, n: string, label: string) => {
      put(page, bold, n, 122.4 - bold.widthOfTextAtSize(n, 8), top, 8);
      put(page, regular, label, 136.8, top, 8);
      put(page, bold, n, 467.2, top, 8);
    };
    row(225.7, '5', 'Qualifying widow(er) with dependent child');
    row(237.7, '6', 'Yourself. If someone can claim you as a dependent, do not check box 6a');
    row(249.7, '7', 'Spouse');
    row(261.7, '8', 'Dependents');
    row(273.7, '9', 'Total number of exemptions claimed');
    // The right margin's labels (7 pt bold) beside the rows; a section heading in the left margin.
    put(page, bold, 'Boxes checked', 489.6, 235.7, 7);
    put(page, bold, 'Exemptions', 36, 242.1, 10);
    put(page, bold, 'on 6a and 6b', 489.6, 242.7, 7);
    put(page, bold, 'No. of children', 489.6, 252.2, 7);
    put(page, bold, 'on 6c who:', 489.6, 259.2, 7);
    // Income rows with a left-margin note from the first row on, at its own 9.6 pt steps, its last words bold.
    const rows = [
      'Wages, salaries, tips, etc.',
      'Taxable interest',
      'Ordinary dividends',
      'Alimony received',
      'Other income',
    ];
    for (const [i, t] of rows.entries()) row(489.7 + 12 * i, String(17 + i), t);
    const note = ['Enclose, but do', 'not attach, any', 'payment. Also,', 'please use'];
    for (const [i, t] of note.entries()) put(page, regular, t, 36, 489.7 + 9.6 * i, 8);
    put(page, bold, 'Form 1040-V.', 36, 489.7 + 9.6 * 4, 8);
    const bytes = await doc.save({ useObjectStreams: false });
    const ex = await extractDocument({ bytes, filename: 'x.pdf' });
    expect(ex.status).toBe('ready');
    const texts = ex.paragraphs.map((p) => p.text);
    for (const p of ex.paragraphs) expect(ex.fullText.slice(p.start, p.end)).toBe(p.text);
    expect(texts).toContain('Boxes checked on 6a and 6b');
    expect(texts).toContain('No. of children on 6c who:');
    expect(texts).toContain('Exemptions');
    expect(texts).toContain('Enclose, but do not attach, any payment. Also, please use Form 1040-V.');
    expect(texts).toContain('Taxable interest');
  });

  it('parts a footer at wide gaps, keeps a contents row whole, reads a cell on past a lone line number', async () => {
    const doc = await PDFDocument.create();
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    const page = doc.addPage(LETTER);
    put(page, bold, 'Contents', 72, 60, 14);
    put(page, bold, '1 Document structures', 72, 82, 10);
    put(page, bold, '1', 286.4, 82, 10);
    const num = (n: string, top: number) =>
      put(page, regular, n, 60.4 - regular.widthOfTextAtSize(n, 8), top, 8);
    const rows: Array<[string, string, string]> = [
      ['17', 'C) exemptions', 'du'],
      ['18', 'salaires payés pour les heures supplémentaires', 'du'],
      ['19', 'suppléments de salaires pour travail de nuit,', 'nombre de jours imposables'],
    ];
    for (const [i, [n, t, r]] of rows.entries()) {
      num(n, 472 + 19 * i);
      put(page, regular, t, 85.5, 472 + 19 * i, 8);
      put(page, regular, r, 351, 472 + 19 * i, 8);
    }
    // The next row's number stands alone between the cells' first and second lines (10.2 pt apart).
    num('20', 515);
    put(page, regular, 'de dimanche et de jours fériés', 85.5, 520.2, 8);
    put(page, regular, 'au Luxembourg', 351, 520.2, 8);
    num('21', 536);
    put(page, regular, 'autres exemptions (à spécifier)', 85.5, 536, 8);
    put(page, regular, 'montant', 351, 536, 8);
    put(
      page,
      bold,
      'For Disclosure, Privacy Act, and Paperwork Reduction Act Notice, see instructions.',
      36,
      754,
      8,
    );
    put(page, regular, 'Cat. No. 11320B', 420.3, 754, 7);
    put(page, regular, 'Form 1040 (2010)', 509.6, 754, 7);
    const ex = await extractDocument({
      bytes: await doc.save({ useObjectStreams: false }),
      filename: 'x.pdf',
    });
    expect(ex.status).toBe('ready');
    const texts = ex.paragraphs.map((p) => p.text);
    expect(texts).toContain('1 Document structures 1');
    expect(texts).toContain('suppléments de salaires pour travail de nuit, de dimanche et de jours fériés');
    expect(texts).toContain('nombre de jours imposables au Luxembourg');
    expect(texts).toContain('20');
    expect(texts).toContain('Cat. No. 11320B');
    expect(texts).toContain('Form 1040 (2010)');
  });
});
