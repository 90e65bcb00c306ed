import type { ThesaurusInput, ThesaurusValue } from '../../../../domain/schemas/thesaurus.ts';
import { valueIdFor } from '../../../../domain/value-id.ts';

/** The rule of `ThesaurusInput.name`, told before the form is sent. */
const NAME = /^[a-z][a-zA-Z0-9]{0,63}$/;

/** A thesaurus name from its label: camelCase ASCII ("Document types" → documentTypes); empty when none. */
export function thesaurusNameFor(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    // A key starts with a letter: words before the first letter ("2024 OEWG pillars") are left out.
    .replace(/^[^A-Za-z]+/, '')
    .split(' ')
    .filter(Boolean);
  const name = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
  return name.slice(0, 64);
}

/** What a field of the form says is wrong: a catalogue key and its values, or the API's own words. */
export type FormError = { key: string; values?: Record<string, string> } | { text: string };

export type NewThesaurusForm = { label: string; name: string; values: string };

/**
 * The thesaurus the form describes, or what is wrong with it, field by field. The first values come one per
 * line; their ids are made from their labels as the editor makes them. A value given twice is an error, not
 * silently dropped.
 */
export function readNewThesaurus(
  form: NewThesaurusForm,
  taken: ReadonlySet<string>,
):
  | { input: ThesaurusInput; errors: null }
  | { input: null; errors: Partial<Record<keyof NewThesaurusForm, FormError>> } {
  const errors: Partial<Record<keyof NewThesaurusForm, FormError>> = {};
  const label = form.label.trim();
  const name = form.name.trim();
  if (!label) errors.label = { key: 'settings.thesauri.errors.labelEmpty' };
  if (!name) errors.name = { key: 'settings.thesauri.errors.nameEmpty' };
  else if (!NAME.test(name))
    errors.name = { key: 'settings.thesauri.errors.nameInvalid', values: { example: 'documentTypes' } };
  else if (taken.has(name)) errors.name = { key: 'settings.thesauri.errors.nameTaken', values: { name } };
  const lines = form.values
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const seen = new Map<string, string>();
  const twice = new Set<string>();
  const values: ThesaurusValue[] = [];
  const ids = new Set<string>();
  for (const line of lines) {
    const key = line.toLocaleLowerCase();
    if (seen.has(key)) twice.add(line);
    else {
      seen.set(key, line);
      const id = valueIdFor(line, ids);
      ids.add(id);
      values.push({ id, label: line });
    }
  }
  if (twice.size)
    errors.values = {
      key: 'settings.thesauri.errors.valuesTwice',
      values: { values: [...twice].join(', ') },
    };
  else if (lines.some((l) => l.length > 300)) errors.values = { key: 'settings.thesauri.errors.valueLong' };
  if (Object.keys(errors).length) return { input: null, errors };
  return { input: { name, label, values }, errors: null };
}
