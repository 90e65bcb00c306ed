/**
 * Golden tests for hard layouts met in real reports (issue 14 item 2): a side box beside the body, numbers in
 * their own column, paragraphs crossing mirrored odd/even pages, an empty page between two texts, centred
 * bold titles. Each PDF is placed line by line here with pdf-lib, as a word processor would print it.
 */
import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { filler } from '../../../test/fixtures/pdf/make-pdf.ts';
import { extractDocument } from '../extract-document.ts';
import { A4 } from './test-fixtures.ts';

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Words of `text` wrapped into lines no wider than `width`. */
function wrap(font: PDFFont, size: number, text: string, width: number, firstIndent = 0): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  for (const word of text.split(' ')) {
    const avail = width - (lines.length === 0 ? firstIndent : 0);
    if (line.length > 0 && font.widthOfTextAtSize([...line, word].join(' '), size) > avail) {
      lines.push(line.join(' '));
      line = [];
    }
    line.push(word);
  }
  if (line.length > 0) lines.push(line.join(' '));
  return lines;
}

async function newDoc(): Promise<{ doc: PDFDocument; fonts: Fonts }> {
  const doc = await PDFDocument.create();
  return {
    doc,
    fonts: {
      regular: await doc.embedFont(StandardFonts.TimesRoman),
      bold: await doc.embedFont(StandardFonts.TimesRomanBold),
    },
  };
}

const texts = async (doc: PDFDocument) => {
  const ex = await extractDocument({ bytes: await doc.save({ useObjectStreams: false }), filename: 'x.pdf' });
  expect(ex.status).toBe('ready');
  ex.paragraphs.forEach((p) => {
    expect(ex.fullText.slice(p.start, p.end)).toBe(p.text);
  });
  for (const page of ex.pages) expect(ex.fullText.slice(page.start, page.end)).toBe(page.text);
  // Pages follow each other in the text: a side box never pulls a later page's text before its own.
  for (let i = 1; i < ex.pages.length; i++)
    expect(ex.pages[i]!.start).toBeGreaterThanOrEqual(ex.pages[i - 1]!.end);
  return ex;
};

describe('side boxes', () => {
  it('reads a framed box beside the body as its own paragraphs, after the paragraph it starts beside', async () => {
    const { doc, fonts } = await newDoc();
    const page = doc.addPage(A4);
    const body = [filler(201, 4), filler(202, 5), filler(203, 4)];
    const box = ['Box 1. What is a CERT?', filler(204, 3)];
    let y = 770;
    for (const [i, para] of body.entries()) {
      // The last paragraph runs below the box, across the full width.
      if (i === 2) y = Math.min(y, 540);
      for (const line of wrap(fonts.regular, 11, para, i === 2 ? 475 : 320)) {
        page.drawText(line, { x: 60, y, size: 11, font: fonts.regular });
        y -= 14;
      }
      y -= 8;
    }
    // The box: a frame at the right, its text in a smaller size, starting level with the first paragraph.
    page.drawRectangle({
      x: 400,
      y: 560,
      width: 140,
      height: 222,
      borderColor: rgb(0, 0, 0),
      borderWidth: 0.5,
    });
    let by = 768;
    page.drawText(box[0]!, { x: 408, y: by, size: 9, font: fonts.bold });
    by -= 14;
    for (const line of wrap(fonts.regular, 9, box[1]!, 124)) {
      page.drawText(line, { x: 408, y: by, size: 9, font: fonts.regular });
      by -= 11;
    }
    const ex = await texts(doc);
    expect(ex.paragraphs.map((p) => p.text)).toEqual([body[0], ...box, body[1], body[2]]);
    expect(ex.paragraphs[1]!.isHeading).toBe(true);
  });

  it('keeps a paragraph whole when a box beside it lets it continue on the next page', async () => {
    const { doc, fonts } = await newDoc();
    const p1 = doc.addPage(A4);
    const p2 = doc.addPage(A4);
    const first = filler(211, 3);
    const crossing = filler(212, 12);
    const next = filler(213, 3);
    const box = filler(214, 3);
    let y = 770;
    for (const line of wrap(fonts.regular, 11, first, 320)) {
      p1.drawText(line, { x: 60, y, size: 11, font: fonts.regular });
      y -= 14;
    }
    y = 200;
    const lines = wrap(fonts.regular, 11, crossing, 320);
    const onFirst = lines.slice(0, 8);
    for (const line of onFirst) {
      p1.drawText(line, { x: 60, y, size: 11, font: fonts.regular });
      y -= 14;
    }
    let by = 200;
    for (const line of wrap(fonts.regular, 9, box, 124)) {
      p1.drawText(line, { x: 408, y: by, size: 9, font: fonts.regular });
      by -= 11;
    }
    y = 770;
    for (const line of [...lines.slice(8), ...['', ...wrap(fonts.regular, 11, next, 320)]]) {
      if (line) p2.drawText(line, { x: 60, y, size: 11, font: fonts.regular });
      y -= line ? 14 : 8;
    }
    // The crossing paragraph must not end with a sentence on page 1 for the join to be expected.
    expect(onFirst[onFirst.length - 1]).not.toMatch(/\.$/);
    const ex = await texts(doc);
    expect(ex.paragraphs.map((p) => p.text)).toEqual([first, box, crossing, next]);
  });
});

describe('numbers in their own column', () => {
  it('joins "2." standing in a number column to its text, as UN resolutions print them', async () => {
    const { doc, fonts } = await newDoc();
    const page = doc.addPage(A4);
    const items = [filler(221, 2), filler(222, 3), filler(223, 1), filler(224, 2), filler(225, 2)];
    let y = 770;
    items.forEach((text, i) => {
      page.drawText(`${i + 1}.`, { x: 72, y, size: 11, font: fonts.regular });
      for (const line of wrap(fonts.regular, 11, text, 420)) {
        page.drawText(line, { x: 108, y, size: 11, font: fonts.regular });
        y -= 14;
      }
      y -= 6;
    });
    const ex = await texts(doc);
    expect(ex.paragraphs.map((p) => p.text)).toEqual(items.map((t, i) => `${i + 1}. ${t}`));
  });

  it('joins bullets set apart from their text', async () => {
    const { doc, fonts } = await newDoc();
    const page = doc.addPage(A4);
    const intro = 'The strategy pursues the following aims:';
    const items = [filler(231, 2), filler(232, 1), filler(233, 2), filler(234, 1)];
    page.drawText(intro, { x: 72, y: 770, size: 11, font: fonts.regular });
    let y = 750;
    for (const text of items) {
      page.drawText('•', { x: 90, y, size: 11, font: fonts.regular });
      for (const line of wrap(fonts.regular, 11, text, 400)) {
        page.drawText(line, { x: 108, y, size: 11, font: fonts.regular });
        y -= 14;
      }
    }
    const ex = await texts(doc);
    expect(ex.paragraphs.map((p) => p.text)).toEqual([intro, ...items.map((t) => `• ${t}`)]);
  });
});

describe('page-crossing paragraphs', () => {
  /** Odd pages have a wide inner margin on the left, even pages on the right (a printed book). */
  async function mirrored(blank: boolean) {
    const { doc, fonts } = await newDoc();
    const text = filler(241, 14);
    const after = filler(242, 2);
    const lines = wrap(fonts.regular, 11, text, 380);
    const odd = doc.addPage(A4);
    let y = 200;
    const split = 9;
    for (const line of lines.slice(0, split)) {
      odd.drawText(line, { x: 120, y, size: 11, font: fonts.regular });
      y -= 14;
    }
    if (blank) doc.addPage(A4);
    const even = doc.addPage(A4);
    y = 770;
    for (const line of lines.slice(split)) {
      even.drawText(line, { x: 72, y, size: 11, font: fonts.regular });
      y -= 14;
    }
    y -= 8;
    for (const line of wrap(fonts.regular, 11, after, 380)) {
      even.drawText(line, { x: 72, y, size: 11, font: fonts.regular });
      y -= 14;
    }
    expect(lines[split - 1]).not.toMatch(/\.$/);
    expect(lines[split]).toMatch(/^\p{Ll}/u);
    return { doc, text, after, lines, split };
  }

  it('joins a paragraph across mirrored odd and even margins', async () => {
    const { doc, text, after } = await mirrored(false);
    const ex = await texts(doc);
    expect(ex.paragraphs.map((p) => p.text)).toEqual([text, after]);
    expect([ex.paragraphs[0]!.page, ex.paragraphs[0]!.pageEnd]).toEqual([1, 2]);
  });

  it('never joins across an empty page', async () => {
    const { doc, text, after, lines, split } = await mirrored(true);
    const ex = await texts(doc);
    expect(ex.paragraphs.map((p) => p.text)).toEqual([
      lines.slice(0, split).join(' '),
      text.slice(lines.slice(0, split).join(' ').length + 1),
      after,
    ]);
  });
});

describe('centred titles', () => {
  it('tags centred bold titles at body size as headings, one paragraph per title', async () => {
    const { doc, fonts } = await newDoc();
    const page = doc.addPage(A4);
    const centre = (text: string, y: number, font: PDFFont) =>
      page.drawText(text, { x: (A4[0] - font.widthOfTextAtSize(text, 11)) / 2, y, size: 11, font });
    const t1 = 'Resolution adopted by the General Assembly on 22 December 2025';
    const t2a = '80/243. Developments in the field of information and';
    const t2b = 'telecommunications in the context of international security';
    centre(t1, 770, fonts.bold);
    centre(t2a, 740, fonts.bold);
    centre(t2b, 726, fonts.bold);
    const paras = [filler(251, 3), filler(252, 3)];
    let y = 700;
    for (const para of paras) {
      for (const [i, line] of wrap(fonts.regular, 11, para, 450, 36).entries()) {
        page.drawText(line, { x: i === 0 ? 108 : 72, y, size: 11, font: fonts.regular });
        y -= 14;
      }
    }
    const ex = await texts(doc);
    expect(ex.paragraphs.map((p) => [p.text, p.isHeading])).toEqual([
      [t1, true],
      [`${t2a} ${t2b}`, true],
      [paras[0], false],
      [paras[1], false],
    ]);
  });
});
