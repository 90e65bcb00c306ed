import { describe, expect, it } from 'vitest';
import { PARAGRAPH_SEPARATOR, rectsForRange, sliceFileText } from './file-text.ts';

function blocks(texts: string[]) {
  let at = 0;
  return texts.map((text) => {
    const b = { start: at, end: at + text.length, text };
    at = b.end + PARAGRAPH_SEPARATOR.length;
    return b;
  });
}

describe('sliceFileText', () => {
  const texts = ['Heading', 'First paragraph of text.', 'Second one, longer than the first.', 'End'];
  const full = texts.join(PARAGRAPH_SEPARATOR);
  const paragraphs = blocks(texts);

  it('equals the full text sliced, for every range (within, across and at separators)', () => {
    for (let s = 0; s < full.length; s += 1)
      for (let e = s + 1; e <= full.length; e += 1)
        expect(sliceFileText(paragraphs, s, e)).toBe(full.slice(s, e));
  });

  it('is empty for an empty or out-of-range range', () => {
    expect(sliceFileText(paragraphs, 5, 5)).toBe('');
    expect(sliceFileText(paragraphs, full.length + 3, full.length + 9)).toBe('');
  });
});

describe('rectsForRange', () => {
  const lines = [
    { start: 0, end: 10, rect: { page: 1, x: 100, y: 50, w: 200, h: 12 } },
    { start: 11, end: 21, rect: { page: 1, x: 100, y: 64, w: 100, h: 12 } },
    { start: 23, end: 30, rect: { page: 1, x: 100, y: 90, w: 70, h: 12 } },
  ];

  it('covers whole lines exactly and interpolates partial ones by characters', () => {
    const rects = rectsForRange(lines, 5, 16);
    expect(rects).toHaveLength(2);
    expect(rects[0]).toMatchObject({ x: 200, w: 100, y: 50 });
    expect(rects[1]).toMatchObject({ x: 100, w: 50, y: 64 });
  });

  it('returns nothing for a range on no line of the page', () => {
    expect(rectsForRange(lines, 40, 50)).toEqual([]);
    expect(rectsForRange(lines, 21, 23)).toEqual([]);
  });
});
