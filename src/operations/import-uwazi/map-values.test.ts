import { describe, expect, it } from 'vitest';
import {
  mapPropertyType,
  mapUwaziValues,
  splitMediaValue,
  UWAZI_PROPERTY_TYPES,
  uwaziDate,
} from './map-values.ts';

const ctx = { entityId: (sharedId: string) => ({ a1: 'E1', b2: 'E2' })[sharedId] };
const map = (type: string, ...values: unknown[]) =>
  mapUwaziValues(
    type,
    values.map((value) => ({ value })),
    ctx,
  );

describe('Uwazi values in our metadata', () => {
  it('gives every Uwazi property type a type of ours or a stated loss', () => {
    for (const type of UWAZI_PROPERTY_TYPES) {
      const { type: ours, loss } = mapPropertyType(type);
      expect(ours !== null || Boolean(loss), type).toBe(true);
    }
    expect(mapPropertyType('multidaterange').type).toBe('multidaterange');
    expect(mapPropertyType('nested')).toMatchObject({ type: 'text', loss: expect.stringMatching(/JSON/) });
    expect(mapPropertyType('preview')).toMatchObject({
      type: null,
      loss: expect.stringMatching(/not imported/),
    });
  });

  it('maps each type the fixture does not use', () => {
    expect(map('numeric', '12.5')).toEqual({ value: 12.5 });
    expect(map('numeric', 'many')).toEqual({ loss: '"many" is not a number' });
    expect(map('generatedid', 'X7Q2')).toEqual({ value: 'X7Q2' });
    expect(map('image', '/api/files/abc.jpg')).toEqual({ value: '/api/files/abc.jpg' });
    expect(map('daterange', { from: 946684800, to: null })).toEqual({ value: { from: '2000-01-01' } });
    expect(map('daterange', { from: 978307200, to: 946684800 })).toEqual({
      value: { from: '2000-01-01', to: '2001-01-01' },
    });
    expect(
      map('link', { label: 'UN', url: 'https://un.org' }, { label: 'bad', url: 'javascript:alert(1)' }),
    ).toEqual({
      value: [{ label: 'UN', url: 'https://un.org' }],
      loss: expect.stringMatching(/not http/),
    });
    expect(map('geolocation', { lat: 46.2, lon: 6.1, label: 'Geneva' }, { lat: 1, lon: 2 })).toEqual({
      value: { lat: 46.2, lon: 6.1, label: 'Geneva' },
      loss: '1 more points than our single value holds, dropped',
    });
    expect(map('relationship', 'a1', 'zz', 'b2')).toEqual({
      value: ['E1', 'E2'],
      loss: 'links to entities not in the dump: zz',
    });
    expect(map('select', 'Not An Id')).toEqual({ value: 'not-an-id' });
    expect(map('text')).toEqual({});
  });

  it('keeps media and image addresses, rewritten when they name an Uwazi file, refusing other schemes', () => {
    expect(mapPropertyType('media')).toEqual({ type: 'media' });
    expect(mapPropertyType('image')).toEqual({ type: 'image' });
    const fileUrl = (url: string) =>
      url === '/api/files/a.mp4'
        ? { url: '/api/v1/files/F1/download' }
        : url.startsWith('/api/files/')
          ? { url, loss: `"${url}" is missing` }
          : { url };
    const withFiles = { ...ctx, fileUrl };
    const one = (type: string, value: string) => mapUwaziValues(type, [{ value }], withFiles);
    expect(one('media', '/api/files/a.mp4')).toEqual({ value: '/api/v1/files/F1/download' });
    expect(one('image', '/api/files/gone.jpg')).toEqual({
      value: '/api/files/gone.jpg',
      loss: '"/api/files/gone.jpg" is missing',
    });
    expect(one('media', 'https://www.youtube.com/watch?v=x')).toEqual({
      value: 'https://www.youtube.com/watch?v=x',
    });
    expect(one('media', '(/api/files/a.mp4, {"timelinks":{"00:01:05":"Opening statement"}})')).toEqual({
      value: '/api/v1/files/F1/download',
      loss: 'time links not kept (our media value is one address): 00:01:05 Opening statement',
    });
    expect(one('image', 'javascript:alert(1)')).toEqual({
      loss: '"javascript:alert(1)" is not an http(s) address or a path; not imported',
    });
    expect(splitMediaValue(' https://v.example/x ')).toEqual({ url: 'https://v.example/x' });
  });

  it('reads Unix seconds as UTC days, refusing what is no date', () => {
    expect(uwaziDate(1088985600)).toBe('2004-07-05');
    expect(uwaziDate(-86400)).toBe('1969-12-31');
    expect(uwaziDate('soon')).toBeNull();
    expect(map('date', 'soon')).toEqual({ loss: 'soon is not a date' });
  });
});
