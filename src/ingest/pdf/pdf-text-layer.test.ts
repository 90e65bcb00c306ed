/**
 * The text layer of real PDFs (issue 14 items 1, 2 and 6): Chromium-printed golden pages
 * (test/fixtures/pdf/tagged, printed by bench/segmentation/print-html.ts --golden; expected paragraphs from
 * the HTML). Arabic paragraphs stay whole across their line breaks and lam-alef ligatures come out in
 * reading order; CJK radicals that a font draws with an ideograph's glyph come out as that ideograph.
 * Both pipelines: geometry (tags ignored) and the structure tree.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPdf } from './extract-pdf.ts';
import { foldGlyphText } from './glyph-text.ts';

const GOLDEN = new URL('../../../test/fixtures/pdf/tagged/', import.meta.url);
const golden = (name: string) => ({
  pdf: new Uint8Array(readFileSync(new URL(`${name}.pdf`, GOLDEN))),
  expected: JSON.parse(readFileSync(new URL(`${name}.json`, GOLDEN), 'utf8')) as {
    paragraphs: Array<{ text: string; isHeading: boolean }>;
    running: string[];
  },
});
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

async function paragraphsOf(pdf: Uint8Array, tags: boolean, running: string[]) {
  const r = await extractPdf(pdf, undefined, { tags });
  if (!r.ok) throw new Error(r.reason);
  r.paragraphs.forEach((p) => {
    expect(r.fullText.slice(p.start, p.end)).toBe(p.text);
  });
  // A one-page file has nothing that repeats: its running title is body text to the geometric pipeline.
  return r.paragraphs
    .map((p) => ({ text: p.text, isHeading: p.isHeading }))
    .filter((p) => !running.includes(p.text));
}

describe('Arabic pages', () => {
  const { pdf, expected } = golden('arabic');
  for (const tags of [false, true]) {
    it(`keeps each paragraph whole over its line breaks, letters in reading order (${tags ? 'tags' : 'geometry'})`, async () => {
      const got = await paragraphsOf(pdf, tags, expected.running);
      expect(got.map((p) => p.text)).toEqual(expected.paragraphs.map((p) => squash(p.text)));
      // The lam-alef ligature: "الاتصال", "ولا", "ألا" as written, not "التا صال", "ول ا", "أل ا".
      const all = got.map((p) => p.text).join('\n');
      expect(all).toContain('الاتصال');
      expect(all).toContain('ولا سيما');
      expect(all).not.toMatch(/[\ufb50-\ufdff\ufe70-\ufefc]/u);
    });
  }
  it('flags the title and section headings', async () => {
    const got = await paragraphsOf(pdf, false, expected.running);
    expect(got.filter((p) => p.isHeading).map((p) => p.text)).toEqual(
      expected.paragraphs.filter((p) => p.isHeading).map((p) => p.text),
    );
  });
});

describe('CJK radicals', () => {
  const { pdf, expected } = golden('chinese-radicals');
  for (const tags of [false, true]) {
    it(`reads 风, 户, 门, 马… as the ideographs, not as radicals (${tags ? 'tags' : 'geometry'})`, async () => {
      const got = await paragraphsOf(pdf, tags, expected.running);
      expect(got.map((p) => p.text)).toEqual(expected.paragraphs.map((p) => squash(p.text)));
      expect(got.map((p) => p.text).join('')).not.toMatch(/[\u2e80-\u2fdf]/u);
    });
  }

  it('folds the supplement by shared glyph, Kangxi radicals to simplified ideographs, and leaves real radicals', () => {
    expect(foldGlyphText('供应链⻛险')).toBe('供应链风险');
    expect(foldGlyphText('⻔⻢⻅⻋⻓⻬⻰⻦')).toBe('门马见车长齐龙鸟');
    expect(foldGlyphText('⼤量⽤⼾')).toBe('大量用户');
    // ⺀ has a glyph of its own in every Noto CJK font: it is a radical, written on purpose.
    expect(foldGlyphText('⺀')).toBe('⺀');
  });

  it('folds Arabic presentation forms to letters', () => {
    expect(foldGlyphText('ﻣﻘﺪﻣﺔ')).toBe('مقدمة');
    expect(foldGlyphText('ﻻ')).toBe('لا');
    expect(foldGlyphText('abc ١٢٣')).toBe('abc ١٢٣');
  });
});
