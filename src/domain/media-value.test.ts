import { describe, expect, it } from 'vitest';
import { convertValue } from './convert-value.ts';
import { cellValue } from './csv/csv-cells.ts';
import { TRANSLATABLE_TYPES, type ValidationContext, validateMetadata } from './metadata-validation.ts';
import { fileDownloadPath, fileIdOfPath } from './schemas/entity.ts';
import type { Property } from './schemas/template.ts';

const ctx: ValidationContext = { thesauri: new Map(), templatesOf: () => new Map() };
const prop = (type: Property['type']): Property =>
  ({ name: 'clip', label: 'Clip', type, required: false, filterable: false, showInCard: false }) as Property;
const cells = { thesaurusValues: () => [], idsByTitle: () => [], addNewValues: false };

describe('media and image values (decision 53)', () => {
  it('takes http(s) addresses and paths on this site, and refuses any other scheme', () => {
    for (const type of ['media', 'image'] as const) {
      const ok = (v: string) => validateMetadata({ properties: [prop(type)] }, { clip: v }, ctx).ok;
      expect(ok('https://www.youtube.com/watch?v=x')).toBe(true);
      expect(ok(fileDownloadPath('F1'))).toBe(true);
      expect(ok('/api/files/kept-from-uwazi.jpg')).toBe(true);
      for (const bad of [
        'javascript:alert(1)',
        '//evil.example/x',
        'data:image/png;base64,AA',
        'a picture',
        'https:// x',
      ])
        expect(ok(bad), bad).toBe(false);
    }
    expect(TRANSLATABLE_TYPES.has('media')).toBe(true);
  });

  it('names our own file by its download path', () => {
    expect(fileIdOfPath(fileDownloadPath('abc_1-Z'))).toBe('abc_1-Z');
    expect(fileIdOfPath('/api/v1/files/abc/versions/1/download')).toBeNull();
    expect(fileIdOfPath('https://elsewhere.org/api/v1/files/abc/download')).toBeNull();
  });

  it('reads a CSV cell as an address, with a clear error for anything else', () => {
    expect(cellValue(prop('media'), ' https://vimeo.com/1 ', cells)).toEqual({
      value: 'https://vimeo.com/1',
    });
    expect(cellValue(prop('image'), '/api/v1/files/F1/download', cells)).toEqual({
      value: '/api/v1/files/F1/download',
    });
    expect(cellValue(prop('media'), 'javascript:alert(1)', cells).error).toBe(
      '"javascript:alert(1)" is not an http(s) address or a path on this site (/api/v1/files/…)',
    );
  });

  it('converts between media, image, text and link where the address carries over', () => {
    const url = 'https://example.org/a.mp4';
    expect(convertValue(url, prop('text'), prop('media'), ctx)).toEqual({ ok: true, value: url });
    expect(convertValue('not an address', prop('text'), prop('media'), ctx)).toEqual({ ok: false });
    expect(convertValue(url, prop('media'), prop('image'), ctx)).toEqual({ ok: true, value: url });
    expect(convertValue(url, prop('media'), prop('text'), ctx)).toEqual({ ok: true, value: url });
    expect(convertValue([{ label: 'A', url }], prop('link'), prop('media'), ctx)).toEqual({
      ok: true,
      value: url,
    });
    expect(convertValue(url, prop('media'), prop('link'), ctx)).toEqual({
      ok: true,
      value: [{ label: '', url }],
    });
    expect(convertValue('/api/v1/files/F1/download', prop('image'), prop('link'), ctx)).toEqual({
      ok: false,
    });
  });
});
