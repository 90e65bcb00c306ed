import { describe, expect, it } from 'vitest';
import { mapPropertyType, mapUwaziValues, UWAZI_PROPERTY_TYPES, uwaziDate } from './map-values.ts';

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

  it('reads Unix seconds as UTC days, refusing what is no date', () => {
    expect(uwaziDate(1088985600)).toBe('2004-07-05');
    expect(uwaziDate(-86400)).toBe('1969-12-31');
    expect(uwaziDate('soon')).toBeNull();
    expect(map('date', 'soon')).toEqual({ loss: 'soon is not a date' });
  });
});
