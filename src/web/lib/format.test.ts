import { describe, expect, it } from 'vitest';
import { formatList, shorten } from './format.ts';

describe('formatList', () => {
  const values = ['Cybercrime', 'Critical infrastructure', 'Capacity building'];

  it('joins values with the enumeration comma of each language, not the Latin one everywhere', () => {
    expect(formatList(['الجرائم الإلكترونية', 'البنية التحتية', 'بناء القدرات'], 'ar')).toBe(
      'الجرائم الإلكترونية، البنية التحتية، بناء القدرات',
    );
    expect(formatList(['网络犯罪', '关键基础设施', '能力建设'], 'zh')).toBe(
      '网络犯罪、关键基础设施、能力建设',
    );
    for (const lang of ['en', 'fr', 'es', 'ru']) expect(formatList(values, lang)).toBe(values.join(', '));
  });

  it('leaves a single value alone and an empty list empty', () => {
    expect(formatList(['فرنسا'], 'ar')).toBe('فرنسا');
    expect(formatList([], 'zh')).toBe('');
  });

  it('falls back to ", " for a language outside the six (the test pseudo-language)', () => {
    expect(formatList(['a', 'b'], 'en-XA')).toBe('a, b');
  });

  it('names things in a sentence with the language’s own "and" through Intl.ListFormat', () => {
    const names = ['A', 'B', 'C'];
    expect(formatList(names, 'en', 'and')).toBe('A, B, and C');
    expect(formatList(names, 'fr', 'and')).toBe('A, B et C');
    expect(formatList(names, 'zh', 'and')).toBe('A、B和C');
    expect(formatList(names, 'ar', 'and')).toBe('A وB وC');
    expect(formatList(names, 'ru', 'and')).toBe('A, B и C');
  });
});

describe('shorten', () => {
  it('trims a quote before cutting it, so no gap is left before the closing mark', () => {
    expect(shorten('1. This Plan implements the Strategy\n', 220)).toBe(
      '1. This Plan implements the Strategy',
    );
    expect(shorten('  one two three four five  ', 9)).toBe('one two t…');
  });
});
