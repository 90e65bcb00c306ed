import { describe, expect, it } from 'vitest';
import { cleanFilename, contentDisposition, MAX_FILENAME_LENGTH } from './file-name.ts';

const isWellFormed = (s: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('cleanFilename', () => {
  it('keeps the last path segment of a client path', () => {
    expect(cleanFilename('C:\\Users\\me\\report.pdf')).toBe('report.pdf');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
  });

  it.each([
    ['right-to-left override', 'invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['isolates and marks', 'a\u2066b\u2069c\u200Fd\u200E.pdf', 'abcd.pdf'],
    ['control characters', 'a\u0000b\u0007c\u007fd\u0085.txt', 'abcd.txt'],
    ['line separators and BOM', 'a\u2028b\u2029c\uFEFF.txt', 'abc.txt'],
  ])('strips %s', (_, name, clean) => {
    expect(cleanFilename(name)).toBe(clean);
  });

  it('keeps emoji sequences (the zero-width joiner inside them) and accents', () => {
    expect(cleanFilename('👩‍👩‍👧 Stratégie.pdf')).toBe('👩‍👩‍👧 Stratégie.pdf');
  });

  it('cuts a long name between characters, never inside an emoji pair, and keeps the extension', () => {
    const name = `${'😀'.repeat(300)}.pdf`;
    const clean = cleanFilename(name);
    expect(clean.length).toBeLessThanOrEqual(MAX_FILENAME_LENGTH);
    expect(isWellFormed(clean)).toBe(true);
    expect(clean.endsWith('😀.pdf')).toBe(true);
  });

  it('cuts at a character boundary of a flag or family emoji (graphemes, not code units)', () => {
    const clean = cleanFilename(`${'x'.repeat(248)}🇫🇷🇫🇷.docx`);
    expect(clean.length).toBeLessThanOrEqual(MAX_FILENAME_LENGTH);
    expect(clean).toMatch(/^x{248}(🇫🇷)*\.docx$/);
  });

  it('names a file that is nothing but stripped characters "upload"', () => {
    expect(cleanFilename('\u202E\u0000')).toBe('upload');
    expect(cleanFilename('')).toBe('upload');
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and an RFC 5987 filename* that encodes every non-attr-char', () => {
    const header = contentDisposition('attachment', "l'état (v2)*.pdf");
    expect(header).toBe(
      `attachment; filename="l'_tat (v2)*.pdf"; filename*=UTF-8''l%27%C3%A9tat%20%28v2%29%2A.pdf`,
    );
  });

  it('never lets quotes or line breaks into the header', () => {
    const header = contentDisposition('inline', 'a"b\r\nSet-Cookie: x.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toMatch(/^inline; filename="a_bSet-Cookie: x.pdf"; filename\*=UTF-8''/);
  });

  it('cleans bidi controls out of stored names too', () => {
    expect(contentDisposition('attachment', 'invoice\u202Efdp.exe')).toContain(
      "filename*=UTF-8''invoicefdp.exe",
    );
  });
});
