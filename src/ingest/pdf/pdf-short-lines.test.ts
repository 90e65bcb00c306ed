/**
 * Golden tests for pages of short lines and for headers nothing repeats (decision 74, pdf/paragraphs.ts and
 * pdf/running.ts), as word processors print them: one-line paragraphs with spacing after each (the line pitch
 * is measured after wrapped lines only), a label column beside its fields (no line gives a measure, so the
 * flow's widest line or the page's text edge does), a caption wrapped in a narrow box beside the body (which
 * stays whole), and a title printed in small type at the top of page 2 of a two-page statement.
 */
import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { A4, LETTER, paragraphTexts, wrap } from './test-fixtures.ts';

/** Lines top-down from `top` (distance from the page's top edge) at `pitch`. */
function column(
  page: PDFPage,
  font: PDFFont,
  lines: string[],
  x: number,
  top: number,
  size: number,
  pitch: number,
) {
  lines.forEach((text, i) => {
    page.drawText(text, { x, y: page.getHeight() - top - i * pitch, size, font });
  });
}

describe('pages of short lines', () => {
  it('reads one-line paragraphs spaced wider than a line pitch as paragraphs, in each column', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage(LETTER);
    // A form's field captions, 2.7 em apart: the spacing after each is no line pitch.
    const left = ['Check box, unchecked', 'Check box, checked', 'Check box, read-only'];
    column(page, font, left, 32, 29, 10, 27);
    const radios = ['Radio button, unselected', 'Radio button, selected', 'Radio button, read-only'];
    column(page, font, radios, 32, 137, 10, 27);
    column(page, font, radios, 194, 137, 10, 27);
    // Two sentences set 2 em apart in a word processor's default style.
    column(page, font, ['The first paragraph.', 'The second paragraph.'], 32, 300, 12, 25);
    const got = await paragraphTexts(doc);
    expect([...got].sort()).toEqual(
      [...left, ...radios, ...radios, 'The first paragraph.', 'The second paragraph.'].sort(),
    );
  });

  it('reads a label column beside its fields line by line, and one-word lines 2 em apart', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage(LETTER);
    // A two-column table without rules, at single spacing: labels on the left, fields on the right.
    column(page, font, ['Name', 'Id', 'Age'], 78, 83, 11, 13.9);
    const fields = [
      'Click or tap here to enter text.',
      'Click or tap here to enter text.',
      'Click or tap to enter a date.',
      'Click or tap to enter a date.',
      'Click or tap to enter a date.',
    ];
    column(page, font, fields, 311, 83, 11, 13.9);
    column(page, font, ['Organization'], 78, 138.7, 11, 13.9);
    // Short items in a word processor's list style: one paragraph each, 22.5 pt apart.
    const items = ['Text six', 'Text seven', 'Text eight', 'Text nine', 'Text ten'];
    column(page, font, items, 72, 436.5, 11, 22.5);
    const got = await paragraphTexts(doc);
    expect([...got].sort()).toEqual([...['Name', 'Id', 'Age', 'Organization'], ...fields, ...items].sort());
  });

  it('keeps a caption wrapped in a narrow box beside the body whole', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.TimesRoman);
    const page = doc.addPage(A4);
    const body =
      'Dawn of Justice is the second film in which the actor plays a comic book superhero; he played another one in an earlier film of the same name, and was initially reluctant to accept the part, citing that he did not fit the traditional mold, but he was persuaded by the director after reading the script and seeing how the character would be presented to an older audience in the film.';
    const bodyLines = wrap(body, font, 12, 322);
    column(page, font, bodyLines, 230, 120, 12, 14.3);
    const caption =
      'From left: the director, Holly Hunter, Jeremy Irons, Gal Gadot, Jesse Eisenberg, Amy Adams, Henry Cavill and Ben Affleck at the 2015 San Diego Comic-Con';
    column(page, font, wrap(caption, font, 10, 145), 48, 166, 10, 14);
    const got = await paragraphTexts(doc);
    expect(got).toContain(caption);
    expect(got).toContain(body);
  });
});

describe('a header nothing repeats', () => {
  it('drops a small-type title atop page 2 of a two-page statement, keeps the letterhead above the title', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.TimesRoman);
    const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
    const text =
      'The delegation reaffirms its commitment to an open, secure, stable, accessible and peaceful information and communications technology environment, and to the framework of responsible State behaviour that all States have endorsed.';
    const p1 = doc.addPage(A4);
    column(p1, font, ['REPUBLIC OF KENYA'], 72, 88, 10, 12);
    column(p1, bold, ['Statement to the Open-ended Working Group'], 72, 129, 20, 26);
    let top = 180;
    for (let i = 0; i < 3; i++) {
      const lines = wrap(text, font, 12, 451);
      column(p1, font, lines, 72, top, 12, 16.5);
      top += lines.length * 16.5 + 10;
    }
    column(p1, font, ['1 / 2'], 287, 806, 9, 12);
    const p2 = doc.addPage(A4);
    // Printed from page 2 on only: nothing repeats it, its small type and the gap under it say what it is.
    column(p2, font, ['Statement to the Open-ended Working Group'], 72, 46, 8.5, 12);
    column(p2, font, ['Republic of Kenya'], 450, 46, 8.5, 12);
    const closing =
      'The delegation thanks the Chair for the conduct of this session and looks forward to the next one.';
    column(p2, font, wrap(closing, font, 12, 451), 72, 90, 12, 16.5);
    column(p2, font, ['2 / 2'], 287, 806, 9, 12);
    const got = await paragraphTexts(doc);
    expect(got[0]).toBe('REPUBLIC OF KENYA');
    expect(got[1]).toBe('Statement to the Open-ended Working Group');
    expect(got.slice(2)).toEqual([text, text, text, closing]);
  });
});
