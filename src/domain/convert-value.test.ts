import { describe, expect, it } from 'vitest';
import { convertValue } from './convert-value.ts';
import type { ValidationContext } from './metadata-validation.ts';
import type { Property } from './schemas/template.ts';

const ctx: ValidationContext = {
  thesauri: new Map([
    [
      'status',
      {
        values: [
          { id: 'in-force', label: 'In force', labels: { fr: 'En vigueur' } },
          { id: 'draft', label: 'Draft' },
        ],
      },
    ],
  ]) as ValidationContext['thesauri'],
  templatesOf: (ids) => new Map(ids.filter((id) => id.startsWith('state-')).map((id) => [id, 'State'])),
};
const prop = (type: Property['type'], extra: Partial<Property> = {}): Property =>
  ({
    name: 'p',
    label: 'P',
    type,
    required: false,
    filterable: false,
    showInCard: false,
    ...extra,
  }) as Property;

describe('convertValue', () => {
  it('keeps what carries over and refuses the rest', () => {
    expect(convertValue('2019', prop('text'), prop('number'), ctx)).toEqual({ ok: true, value: 2019 });
    expect(convertValue('soon', prop('text'), prop('number'), ctx)).toEqual({ ok: false });
    expect(convertValue(12.5, prop('number'), prop('text'), ctx)).toEqual({ ok: true, value: '12.5' });
    expect(convertValue('2021', prop('date'), prop('number'), ctx)).toEqual({ ok: true, value: 2021 });
    expect(convertValue('2021-05', prop('date'), prop('number'), ctx)).toEqual({ ok: false });
    expect(convertValue('2021-05', prop('date'), prop('multidate'), ctx)).toEqual({
      ok: true,
      value: ['2021-05'],
    });
    expect(convertValue(['2020', '2021'], prop('multidate'), prop('date'), ctx)).toEqual({ ok: false });
    expect(convertValue({ lat: 1, lon: 2 }, prop('geolocation'), prop('text'), ctx)).toEqual({ ok: false });
  });

  it('moves between thesaurus values, their labels and text', () => {
    const select = prop('select', { thesaurus: 'status' });
    const multi = prop('multiselect', { thesaurus: 'status' });
    expect(convertValue('draft', select, multi, ctx)).toEqual({ ok: true, value: ['draft'] });
    expect(convertValue(['draft', 'in-force'], multi, select, ctx)).toEqual({ ok: false });
    expect(convertValue('in-force', select, prop('text'), ctx)).toEqual({ ok: true, value: 'In force' });
    expect(convertValue('en vigueur', prop('text'), select, ctx)).toEqual({ ok: true, value: 'in-force' });
    expect(convertValue('Repealed', prop('text'), select, ctx)).toEqual({ ok: false });
  });

  it('keeps relationship values only when they point at the new target template', () => {
    const to = prop('relationship', { targetTemplate: 'State' });
    const from = prop('relationship', { targetTemplate: 'Organisation' });
    expect(convertValue(['state-1'], prop('relationship'), to, ctx)).toEqual({
      ok: true,
      value: ['state-1'],
    });
    expect(convertValue(['org-1'], from, to, ctx)).toEqual({ ok: false });
  });
});
