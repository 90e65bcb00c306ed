/**
 * Golden tests for decision 86 (pdf/paragraphs.ts, what type alone does not make a heading), as such pages are
 * printed: a tax form whose labels are set a point larger than its notes, a paper whose figure carries bold
 * labels in small type beside body text with bold run-in headings, a table of contents whose chapter entries
 * are bold, and a line in body type standing alone that starts in lower case.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { filler } from '../../../test/fixtures/pdf/make-pdf.ts';
import { A4, contentsRows, extractReady, put, wrap } from './test-fixtures.ts';

const paragraphsOf = async (doc: PDFDocument) => (await extractReady(doc)).paragraphs;

const headings = (ps: Array<{ text: string; isHeading: boolean }>) =>
  ps.filter((p) => p.isHeading).map((p) => p.text);

describe('type alone does not make a heading', () => {
  it('reads a form’s labels set a point larger than its notes as labels, its bold title as a heading', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    const page = doc.addPage(A4);
    put(page, font, "n° d'identification national", 160, 30, 9);
    put(page, bold, 'Certificat de salaire et de retenue d’impôt 2019', 64, 60, 16);
    // The form's fine print in 7 pt, most of the page's characters, then its items: 8 pt labels one under the
    // other, over a fifth of them.
    const labels = [
      'salarié(e):',
      'Nature',
      'J) indemnisation par la Caisse Nationale de Santé',
      '1. salaires payés pour les heures supplémentaires',
      'Montant brut',
      'Retenue d’impôt sur les rémunérations',
      'Crédit d’impôt pour salariés',
      'Période d’occupation',
      'Cotisations sociales à charge du salarié',
      'Avantages en nature',
      'Indemnités de licenciement',
      'Revenus exemptés',
    ];
    let top = 100;
    for (const line of wrap(filler(720, 9), font, 7, 470)) {
      put(page, font, line, 60, top, 7);
      top += 9;
    }
    top += 12;
    for (const label of [...labels, ...labels.slice(5).map((l) => `${l} de l’année précédente`)]) {
      put(page, font, label, 60, top, 8);
      top += 16;
    }
    const ps = await paragraphsOf(doc);
    for (const label of [...labels, "n° d'identification national"])
      expect(ps.map((p) => p.text)).toContain(label);
    expect(headings(ps)).toEqual(['Certificat de salaire et de retenue d’impôt 2019']);
  });

  it('reads a figure’s small bold labels as labels, bold run-in headings one step down as headings', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.TimesRoman);
    const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
    const page = doc.addPage(A4);
    let top = 70;
    const para = (seed: number) => {
      for (const line of wrap(filler(seed, 3), font, 12, 470)) {
        put(page, font, line, 60, top, 12);
        top += 15;
      }
      top += 10;
    };
    put(page, bold, 'buildbot automation', 60, top, 14);
    top += 24;
    para(731);
    // A figure: boxes named in 5 pt bold, one above the other, well apart.
    for (const [i, label] of ['Nested Tree', 'i5', 'Exit Guard', 'i6'].entries()) {
      put(page, bold, label, 120 + 60 * i, top, 5);
      top += 20;
    }
    top += 10;
    para(732);
    put(page, bold, 'Desktop only', 60, top, 10);
    top += 16;
    para(733);
    const ps = await paragraphsOf(doc);
    expect(ps.map((p) => p.text)).toEqual(expect.arrayContaining(['Nested Tree', 'Exit Guard', 'i5', 'i6']));
    expect(headings(ps)).toEqual(['buildbot automation', 'Desktop only']);
  });

  it('reads a contents list’s bold chapter entry as an entry, the chapter’s own title as a heading', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.TimesRoman);
    const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
    const page = doc.addPage(A4);
    contentsRows(page, font, bold);
    let top = 227;
    for (const line of wrap(filler(741, 3), font, 10, 450)) {
      put(page, font, line, 72, top, 10);
      top += 12;
    }
    const ps = await paragraphsOf(doc);
    expect(ps.map((p) => p.text)).toContain('1 Document structures 1');
    expect(headings(ps)).toEqual(['Contents', '1 Document structures']);
  });

  it('reads a lone line in body type that starts in lower case as no heading', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage(A4);
    let top = 70;
    const block = (lines: string[]) => {
      for (const line of lines) {
        put(page, font, line, 60, top, 9);
        top += 11;
      }
      top += 12;
    };
    block(wrap(filler(751, 3), font, 9, 470));
    block(['r=0 at centre (concentric point)']);
    block(wrap(filler(752, 3), font, 9, 470));
    block(['Radial gradients']);
    block(wrap(filler(753, 3), font, 9, 470));
    const ps = await paragraphsOf(doc);
    expect(ps.map((p) => p.text)).toContain('r=0 at centre (concentric point)');
    expect(headings(ps)).toEqual(['Radial gradients']);
  });
});

describe('a lead sentence with its subject in bold', () => {
  it('reads a first line that opens in bold as a line of its paragraph, not a heading', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.TimesRoman);
    const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
    const page = doc.addPage(A4);
    put(page, bold, 'Spider-Man: Shattered Dimensions', 44, 93, 25);
    // The lead sentence: the subject in bold (more than half the first line's characters), then plain text.
    const subject = 'The Lizard (Dr. Curtis Connors)';
    put(page, bold, subject, 44, 127, 12);
    put(page, font, 'is a character', 44 + bold.widthOfTextAtSize(`${subject} `, 12), 127, 12);
    const rest = `appearing in American comic books published by Marvel Comics. ${filler(761, 3)}`;
    const lines = wrap(rest, font, 12, 317);
    lines.forEach((line, i) => {
      put(page, font, line, 44, 141 + 14 * i, 12);
    });
    const ps = await paragraphsOf(doc);
    expect(ps.map((p) => p.text)).toEqual([
      'Spider-Man: Shattered Dimensions',
      `${subject} is a character ${lines.join(' ')}`,
    ]);
    expect(headings(ps)).toEqual(['Spider-Man: Shattered Dimensions']);
  });
});
