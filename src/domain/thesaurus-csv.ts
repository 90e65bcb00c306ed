import { labelKey, unguard } from './csv/csv-cells.ts';
import { CsvFormatError, readCsv } from './csv/read-csv.ts';
import { DEFAULT_LANGUAGE, UI_LANGUAGES, type UiLanguage } from './languages.ts';
import { csvLine, UTF8_BOM } from './readable-csv.ts';
import type { CsvRowError } from './schemas/schema-admin.ts';
import type { Thesaurus, ThesaurusValue } from './schemas/thesaurus.ts';
import type { Labels } from './schemas/translations.ts';
import { valueIdFor } from './value-id.ts';

/**
 * One thesaurus as CSV: `id`, `group` (the id of its group value) and one column per UN language, named by
 * its code (the default language's column holds the value's own label). A BOM, so spreadsheets read UTF-8.
 */
export function thesaurusToCsv(t: Pick<Thesaurus, 'values'>): string {
  let out = UTF8_BOM + csvLine(['id', 'group', ...UI_LANGUAGES]);
  for (const v of t.values)
    out += csvLine([
      v.id,
      v.group ?? '',
      ...UI_LANGUAGES.map((l) => (l === DEFAULT_LANGUAGE ? v.label : (v.labels?.[l] ?? ''))),
    ]);
  return out;
}

export type ThesaurusCsvPlan = {
  /** The thesaurus's values after the import: existing ones first, in their order, then the new ones. */
  values: ThesaurusValue[];
  added: ThesaurusValue[];
  updated: { id: string; label: string; languages: string[] }[];
  unchanged: number;
  /** `message` in English; `code` and `params` for a client to say it in its reader's language. */
  errors: CsvRowError[];
};

/**
 * Plans importing a CSV of values into a thesaurus, without writing: a row is matched to an existing value
 * by its `id`, else by any of its labels equal (case and spacing aside) to a label of that value, and then
 * only fills or changes labels; an unmatched row adds a value (its id from the `id` cell or its label).
 * Values absent from the file stay. Never a duplicate: two rows naming the same value, or a new row whose
 * label another value already has, is an error of that row. Rows count as a spreadsheet's (header = 1).
 */
export function planThesaurusCsv(t: Pick<Thesaurus, 'name' | 'values'>, text: string): ThesaurusCsvPlan {
  const plan: ThesaurusCsvPlan = { values: [], added: [], updated: [], unchanged: 0, errors: [] };
  let table: ReturnType<typeof readCsv>;
  try {
    table = readCsv(text);
  } catch (err) {
    if (err instanceof CsvFormatError) {
      plan.errors.push({ row: err.row ?? 1, message: err.message, code: err.code, params: err.params });
      return plan;
    }
    throw err;
  }
  const col = (name: string) => table.header.findIndex((h) => h.toLowerCase() === name);
  const langCols = UI_LANGUAGES.map((l) => [l, col(l)] as const).filter(([, i]) => i >= 0);
  if (langCols.length === 0) {
    plan.errors.push({
      row: 1,
      message: `no language column: the header needs at least one of ${UI_LANGUAGES.join(', ')}`,
      code: 'thesaurusCsv.noLanguageColumn',
      params: { languages: UI_LANGUAGES.join(', ') },
    });
    return plan;
  }
  const idCol = col('id');
  const groupCol = col('group');
  const values = t.values.map((v) => ({ ...v, ...(v.labels ? { labels: { ...v.labels } } : {}) }));
  const byId = new Map(values.map((v) => [v.id, v]));
  const byLabel = new Map<string, ThesaurusValue>();
  const index = (v: ThesaurusValue) => {
    for (const l of [v.label, ...Object.values(v.labels ?? {})]) if (l) byLabel.set(labelKey(l), v);
  };
  values.forEach(index);
  const seen = new Map<string, number>();
  const added: ThesaurusValue[] = [];
  const groups: { value: ThesaurusValue; group: string; row: number }[] = [];
  table.rows.forEach((cells, i) => {
    const row = i + 2;
    const cell = (c: number) => (c >= 0 ? unguard(cells[c] ?? '').trim() : '');
    const texts = new Map<UiLanguage, string>(
      langCols.map(([l, c]) => [l, cell(c)] as [UiLanguage, string]).filter(([, s]) => s !== ''),
    );
    const id = cell(idCol);
    if (texts.size === 0 && !id) return; // an empty line
    if (texts.size === 0) {
      plan.errors.push({
        row,
        message: `value "${id}" has no label in any language`,
        code: 'thesaurusCsv.noLabel',
        params: { id },
      });
      return;
    }
    const tooLong = [...texts.values()].find((s) => s.length > 300);
    if (tooLong) {
      plan.errors.push({
        row,
        message: `a label is longer than 300 characters: "${tooLong.slice(0, 40)}…"`,
        code: 'thesaurusCsv.labelTooLong',
        params: { start: tooLong.slice(0, 40), max: 300 },
      });
      return;
    }
    let value = id ? byId.get(id) : undefined;
    if (!value) for (const s of texts.values()) value ??= byLabel.get(labelKey(s));
    if (id && value && value.id !== id) {
      plan.errors.push({
        row,
        message: `the label of "${id}" is already the label of "${value.id}"`,
        code: 'thesaurusCsv.labelTaken',
        params: { id, other: value.id },
      });
      return;
    }
    if (value) {
      const first = seen.get(value.id);
      if (first !== undefined) {
        plan.errors.push({
          row,
          message: `names the same value ("${value.id}") as row ${first}`,
          code: 'thesaurusCsv.sameValue',
          params: { id: value.id, first },
        });
        return;
      }
      seen.set(value.id, row);
      const changed: string[] = [];
      // Matched by a label, a label differing only in case or spacing is the same one, not a change.
      const byIdMatch = id !== '' && value.id === id;
      const differs = (a: string | undefined, b: string) =>
        a === undefined || (byIdMatch ? a !== b : labelKey(a) !== labelKey(b));
      for (const [l, s] of texts) {
        if (l === DEFAULT_LANGUAGE) {
          if (differs(value.label, s)) {
            value.label = s;
            changed.push(l);
          }
        } else if (differs(value.labels?.[l], s)) {
          value.labels = { ...value.labels, [l]: s } as Labels;
          changed.push(l);
        }
      }
      if (changed.length) plan.updated.push({ id: value.id, label: value.label, languages: changed });
      else plan.unchanged++;
      index(value);
    } else {
      if (id && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) {
        plan.errors.push({
          row,
          message: `id "${id}" must be lowercase letters, digits and dashes`,
          code: 'thesaurusCsv.badId',
          params: { id },
        });
        return;
      }
      const label = texts.get(DEFAULT_LANGUAGE) ?? [...texts.values()][0]!;
      const labels = Object.fromEntries([...texts].filter(([l]) => l !== DEFAULT_LANGUAGE)) as Labels;
      const fresh: ThesaurusValue = {
        id: id || valueIdFor(label, byId),
        label,
        ...(Object.keys(labels).length ? { labels } : {}),
      };
      byId.set(fresh.id, fresh);
      seen.set(fresh.id, row);
      index(fresh);
      added.push(fresh);
      value = fresh;
    }
    const group = cell(groupCol);
    if (group) groups.push({ value, group, row });
  });
  // Groups last: a group may be a value added further down the file.
  for (const { value, group, row } of groups) {
    const target = byId.get(group) ?? byLabel.get(labelKey(group));
    if (!target || target.id === value.id) {
      plan.errors.push({
        row,
        message: `no group value "${group}" in ${t.name}`,
        code: 'thesaurusCsv.noGroup',
        params: { group, thesaurus: t.name },
      });
      continue;
    }
    if (value.group !== target.id) {
      value.group = target.id;
      const known = plan.updated.find((u) => u.id === value.id);
      if (added.includes(value)) continue;
      if (known) known.languages.push('group');
      else {
        plan.updated.push({ id: value.id, label: value.label, languages: ['group'] });
        plan.unchanged--;
      }
    }
  }
  plan.values = [...values, ...added];
  plan.added = added;
  return plan;
}
