/**
 * Golden tests for decision 82 (pdf/table-cells.ts, pdf/lines.ts, pdf/paragraphs.ts), as writers print such
 * pages: a table without rules whose first column would seem to wrap, a short table of contents above its
 * first section, a watermark across a page, and justified text whose sentence ends on the last line of a page
 * though its paragraph goes on.
 */
import { degrees, PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { A4, contentsRows, paragraphTexts, put, wrap } from './test-fixtures.ts';

/** Lines set justified to `measure`: every line but the last (unless `lastFull`) stretched, word by word. */
function justified(
  page: PDFPage,
  font: PDFFont,
  lines: string[],
  at: { x: number; top: number; size: number; pitch: number; measure: number },
  lastFull = false,
) {
  lines.forEach((line, i) => {
    const top = at.top + i * at.pitch;
    const words = line.split(' ');
    if ((i === lines.length - 1 && !lastFull) || words.length < 2) {
      put(page, font, line, at.x, top, at.size);
      return;
    }
    const natural = words.reduce((w, word) => w + font.widthOfTextAtSize(word, at.size), 0);
    const gap = (at.measure - natural) / (words.length - 1);
    let x = at.x;
    for (const word of words) {
      put(page, font, word, x, top, at.size);
      x += font.widthOfTextAtSize(word, at.size) + gap;
    }
  });
}

describe('tables and contents', () => {
  it('reads each entry of a table’s first column as its row’s cell when the next word would have fitted', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    const page = doc.addPage(A4);
    put(page, bold, 'Table sample', 72, 100, 20);
    const intro = 'The following table shows temperatures in Sydney and Melbourne from Monday to Friday.';
    put(page, font, intro, 72, 130, 11);
    put(page, font, 'Sydney', 228, 170, 12);
    put(page, font, 'Melbourne', 378, 170, 12);
    const rows = [
      ['Monday', '23', '15'],
      ['Tuesday', '28', '13'],
      ['Wednesday', '18', '20'],
      ['Thursday', '30', '22'],
      ['Friday', '17', '19'],
    ];
    rows.forEach(([day, a, b], i) => {
      put(page, font, day!, 78, 185 + i * 15.1, 12);
      put(page, font, a!, 228, 185 + i * 15.1, 12);
      put(page, font, b!, 378, 185 + i * 15.1, 12);
    });
    const got = await paragraphTexts(doc);
    for (const [day] of rows) expect(got).toContain(day);
    expect(got).toContain('Sydney');
  });

  it('reads a table of contents’ row as one line when no column runs through it', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.TimesRoman);
    const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
    const page = doc.addPage(A4);
    contentsRows(page, font, bold);
    put(page, bold, '1.1', 72, 227, 12);
    put(page, bold, 'Mathematics', 101, 227, 12);
    put(
      page,
      font,
      'Let p be a prime, then the residues form a field under addition and multiplication.',
      72,
      245,
      10,
    );
    const got = await paragraphTexts(doc);
    expect(got).toContain('1.1 Mathematics . . . . . . . . . . . . . 1');
    expect(got).not.toContain('1.1');
  });
});

describe('watermarks and page breaks', () => {
  it('leaves a watermark set at 45° in large type out of the text', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage(A4);
    const text =
      'The working group met three times during the reporting period and adopted its programme of work by consensus.';
    const lines = wrap(text, font, 11, 450);
    lines.forEach((l, i) => {
      put(page, font, l, 72, 90 + i * 14, 11);
    });
    page.drawText('DRAFT FOR COMMENT', { x: 150, y: 250, size: 48, font, rotate: degrees(45) });
    const got = await paragraphTexts(doc);
    expect(got).toEqual([text]);
  });

  it('goes on with a paragraph whose sentence ends on a stretched last line of a justified page', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.TimesRoman);
    const at = { x: 72, size: 11, pitch: 15, measure: 300 };
    const first =
      'National computer emergency response teams should be able to exchange technical information with their counterparts at any hour of the day, and the ministry will publish an annual report on their work.';
    const p1 = doc.addPage(A4);
    const firstLines = wrap(first, font, 11, 300);
    // The page's foot: a sentence ends at the end of a line that is stretched, so the paragraph goes on.
    const before = [
      'Several participants stressed that the protection of personal data',
      'must remain at the centre of any framework for cooperation between',
      'the computer emergency response teams of the States that take part,',
      'and that it must be kept under review by the competent authorities.',
    ];
    const after = [
      'The Group recalled that international law, and in particular the',
      'Charter of the United Nations, is applicable to the use of information',
      'and communications technologies by States.',
    ];
    const top = 780 - (firstLines.length + before.length) * 15 - 10;
    justified(p1, font, firstLines, { ...at, top });
    justified(p1, font, before, { ...at, top: top + firstLines.length * 15 + 10 }, true);
    const p2 = doc.addPage(A4);
    justified(p2, font, after, { ...at, top: 70 });
    const got = await paragraphTexts(doc);
    expect(got).toEqual([first, [...before, ...after].join(' ')]);
  });
});
