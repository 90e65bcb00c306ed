import { describe, expect, it } from 'vitest';
import { ThesaurusInput } from '../../../../domain/schemas/thesaurus.ts';
import en from '../../../i18n/en.json' with { type: 'json' };
import { readNewThesaurus, thesaurusNameFor } from './newThesaurus.ts';

const taken = new Set(['regions', 'documentTypes']);
const keyOf = (e: unknown) => (e && typeof e === 'object' && 'key' in e ? String(e.key) : '');
/** A catalogue key exists in the English catalogue (what the screen shows is never a bare key). */
const inCatalogue = (key: string) =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], en) !== undefined;

describe('new thesaurus form', () => {
  it('makes a camelCase key from the name', () => {
    expect(thesaurusNameFor('Document types')).toBe('documentTypes');
    expect(thesaurusNameFor('Régions du monde')).toBe('regionsDuMonde');
    expect(thesaurusNameFor('2024 OEWG pillars')).toBe('oewgPillars');
    expect(thesaurusNameFor('مناطق')).toBe('');
  });

  it('reads a valid form into the API’s input, ids made from the labels', () => {
    const read = readNewThesaurus(
      {
        label: ' Threat actors ',
        name: 'threatActors',
        values: 'State actors\n\n Criminal groups \nHacktivists\nمجموعات',
      },
      taken,
    );
    expect(read.errors).toBeNull();
    expect(read.input).toEqual({
      name: 'threatActors',
      label: 'Threat actors',
      values: [
        { id: 'state-actors', label: 'State actors' },
        { id: 'criminal-groups', label: 'Criminal groups' },
        { id: 'hacktivists', label: 'Hacktivists' },
        { id: 'value', label: 'مجموعات' },
      ],
    });
    expect(ThesaurusInput.safeParse(read.input).success).toBe(true);
    expect(readNewThesaurus({ label: 'Empty', name: 'empty', values: '' }, taken).input?.values).toEqual([]);
  });

  it('says what is wrong, field by field, with keys the catalogue has', () => {
    const empty = readNewThesaurus({ label: '  ', name: '', values: '' }, taken);
    expect(empty.input).toBeNull();
    expect(keyOf(empty.errors?.label)).toBe('settings.thesauri.errors.labelEmpty');
    expect(keyOf(empty.errors?.name)).toBe('settings.thesauri.errors.nameEmpty');
    const bad = readNewThesaurus({ label: 'X', name: 'Threat actors', values: '' }, taken);
    expect(keyOf(bad.errors?.name)).toBe('settings.thesauri.errors.nameInvalid');
    const used = readNewThesaurus({ label: 'Regions', name: 'regions', values: '' }, taken);
    expect(used.errors?.name).toEqual({
      key: 'settings.thesauri.errors.nameTaken',
      values: { name: 'regions' },
    });
    const twice = readNewThesaurus({ label: 'Kinds', name: 'kinds', values: 'Law\nStrategy\nlaw' }, taken);
    expect(twice.errors?.values).toEqual({
      key: 'settings.thesauri.errors.valuesTwice',
      values: { values: 'law' },
    });
    const long = readNewThesaurus({ label: 'Kinds', name: 'kinds', values: 'x'.repeat(301) }, taken);
    expect(keyOf(long.errors?.values)).toBe('settings.thesauri.errors.valueLong');
    for (const r of [empty, bad, used, twice, long])
      for (const e of Object.values(r.errors ?? {})) expect(inCatalogue(keyOf(e))).toBe(true);
  });
});
