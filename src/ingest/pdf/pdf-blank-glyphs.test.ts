/** Golden tests: what is not text (blank pages, private-use glyphs, barcodes) makes no paragraphs. */
import { describe, expect, it } from 'vitest';
import {
  blankPdf,
  imageOnlyPdf,
  imageXObjectPdf,
  mixedFontsPdf,
} from '../../../test/fixtures/pdf/raw-pdf.ts';
import { extractDocument } from '../extract-document.ts';

const BODY_1 = 'States should cooperate on the security of ICTs and their use.';
const BODY_2 = 'Each State remains responsible for the acts attributed to it.';

describe('blank PDFs', () => {
  it('ends a PDF with blank pages ready with no paragraphs, its pages listed', async () => {
    const ex = await extractDocument({ bytes: blankPdf(3), filename: 'blank.pdf' });
    expect(ex.status).toBe('ready');
    expect(ex.paragraphs).toEqual([]);
    expect(ex.fullText).toBe('');
    expect(ex.pages.map((p) => [p.number, p.text])).toEqual([
      [1, ''],
      [2, ''],
      [3, ''],
    ]);
    expect(ex.reason ?? '').not.toMatch(/OCR/);
  });

  it.each([
    ['inline images', imageOnlyPdf(2)],
    ['an image XObject', imageXObjectPdf()],
  ])('still asks for OCR when the pages carry %s and no text', async (_, bytes) => {
    const ex = await extractDocument({ bytes, filename: 'scan.pdf' });
    expect(ex.status).toBe('needs-ocr');
    expect(ex.reason).toMatch(/OCR/);
  });
});

describe('glyphs that are not text', () => {
  it('drops runs of private-use glyphs (BMP and plane 15) and keeps the text around them', async () => {
    const ex = await extractDocument({
      bytes: mixedFontsPdf([
        ['F1', 11, 720, BODY_1],
        ['F2', 11, 660, 'ABCDEFGHIJKLMN'],
        ['F2', 11, 620, 'abababab'],
        ['F1', 11, 560, BODY_2],
      ]),
      filename: 'icons.pdf',
    });
    expect(ex.status).toBe('ready');
    expect(ex.paragraphs.map((p) => p.text)).toEqual([BODY_1, BODY_2]);
    expect(ex.fullText).not.toMatch(/[\uE000-\uF8FF]|[\u{F0000}-\u{10FFFD}]/u);
  });

  it('drops text set in a barcode font', async () => {
    const ex = await extractDocument({
      bytes: mixedFontsPdf([
        ['F3', 24, 740, '*CPP-2026-0042*'],
        ['F1', 11, 680, BODY_1],
        ['F1', 11, 620, BODY_2],
      ]),
      filename: 'barcode.pdf',
    });
    expect(ex.paragraphs.map((p) => p.text)).toEqual([BODY_1, BODY_2]);
  });

  it('ends a page of only private-use glyphs and no image ready with no paragraphs, not needs-ocr', async () => {
    const ex = await extractDocument({
      bytes: mixedFontsPdf([['F2', 11, 700, 'ABCDEFGHIJKLMNOP']]),
      filename: 'glyphs.pdf',
    });
    expect(ex.status).toBe('ready');
    expect(ex.paragraphs).toEqual([]);
  });
});
