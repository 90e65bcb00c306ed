import { isUiLanguage } from '../languages.ts';
import { TRANSLATABLE_TYPES } from '../metadata-validation.ts';
import type { Property, Template } from '../schemas/template.ts';
import { labelKey } from './csv-cells.ts';

/** What one column of an import file holds. */
export type CsvColumn =
  | { kind: 'title'; lang?: string }
  | { kind: 'property'; property: Property; lang?: string }
  | { kind: 'published' }
  | { kind: 'template' }
  | { kind: 'language' }
  | { kind: 'file' }
  | { kind: 'attachments' }
  /** Written by the readable export for people (the best passage, its page, the id of the exporting
   * portal); they are no values of an entity, so an export can be imported unchanged. */
  | { kind: 'ignored' };

const SPECIAL: Record<string, CsvColumn['kind']> = {
  title: 'title',
  published: 'published',
  template: 'template',
  language: 'language',
  file: 'file',
  attachments: 'attachments',
  'best passage': 'ignored',
  page: 'ignored',
  id: 'ignored',
};

/** A column that cannot be read, in English, with its code and values for a client's own words. */
export type ColumnError = {
  column: string;
  message: string;
  code: string;
  params?: Record<string, string | number>;
};

/**
 * The meaning of each column of an import file for one template: a property by its name or by its label
 * in any language (case ignored), `name__fr` for the French value of a title, text, markdown or link, or
 * one of the special columns. A column that names nothing is an error: a misspelt header would otherwise
 * drop a whole column of values without a word.
 */
export function planColumns(
  header: string[],
  template: Template,
): { columns: CsvColumn[]; errors: ColumnError[] } {
  const errors: ColumnError[] = [];
  const byKey = new Map<string, Property>();
  for (const p of template.properties) {
    byKey.set(p.name.toLowerCase(), p);
    for (const l of [p.label, ...Object.values(p.labels ?? {})])
      if (l && !byKey.has(labelKey(l))) byKey.set(labelKey(l), p);
  }
  const seen = new Set<string>();
  const columns = header.map((name): CsvColumn => {
    const [base = '', lang] = name.split(/__(?=[a-z]{2}$)/);
    if (lang !== undefined && !isUiLanguage(lang)) {
      errors.push({
        column: name,
        message: `"${lang}" is not one of the six UN languages (ar zh en fr ru es)`,
        code: 'csv.unknownLanguage',
        params: { lang },
      });
      return { kind: 'ignored' };
    }
    const key = labelKey(base);
    const property = byKey.get(key);
    const special = SPECIAL[key];
    let column: CsvColumn;
    // "title" is always the title; otherwise a property wins over a special name it shares ("Page").
    if (special === 'title') column = { kind: 'title', ...(lang ? { lang } : {}) };
    else if (property) column = { kind: 'property', property, ...(lang ? { lang } : {}) };
    else if (special && !lang) column = { kind: special } as CsvColumn;
    else {
      errors.push({
        column: name,
        message: `names no property of ${template.label} (${template.name})`,
        code: 'csv.noProperty',
        params: { template: template.label },
      });
      return { kind: 'ignored' };
    }
    if (column.kind === 'property' && lang && !TRANSLATABLE_TYPES.has(column.property.type))
      errors.push({
        column: name,
        message: `${column.property.label} (${column.property.type}) is the same in every language; use one column "${base}"`,
        code: 'csv.sharedColumn',
        params: { property: column.property.name, label: column.property.label, column: base },
      });
    const id =
      column.kind === 'property' ? `p:${column.property.name}:${lang ?? ''}` : `${column.kind}:${lang ?? ''}`;
    if (column.kind !== 'ignored' && seen.has(id))
      errors.push({ column: name, message: 'appears twice', code: 'csv.twice' });
    seen.add(id);
    return column;
  });
  if (!columns.some((c) => c.kind === 'title' && !c.lang))
    errors.push({
      column: 'title',
      message: 'the file needs a "title" column',
      code: 'csv.noTitleColumn',
      params: { column: 'title' },
    });
  return { columns, errors };
}
