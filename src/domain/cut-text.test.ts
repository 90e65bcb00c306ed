import { describe, expect, it } from 'vitest';
import { cutText } from './cut-text.ts';

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('cutText', () => {
  it('leaves short text alone', () => {
    expect(cutText('abc', 3)).toBe('abc');
  });

  it('never cuts inside a surrogate pair', () => {
    const cut = cutText('ab😀😀', 3);
    expect(cut).toBe('ab');
    expect(cut).not.toMatch(loneSurrogate);
  });

  it('keeps emoji sequences and combining accents whole', () => {
    expect(cutText('x👩‍👩‍👧y', 5)).toBe('x');
    expect(cutText('e\u0301te\u0301', 4)).toBe('e\u0301t');
  });
});
