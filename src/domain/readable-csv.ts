import { localLabel } from './localize.ts';
import type { Template } from './schemas/template.ts';
import type { Thesaurus } from './schemas/thesaurus.ts';

/**
 * One CSV cell, safe to open in a spreadsheet: a value starting with = + - @ (or a tab or carriage return)
 * would run as a formula (CSV injection), so it gets a quote prefix; quotes, commas and line breaks quote
 * the cell.
 */
export function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV line (RFC 4180 line end, so spreadsheets on every system read it). */
export const csvLine = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** Spreadsheets take a file as UTF-8 (accents, Arabic, Chinese) only when it starts with this mark. */
export const UTF8_BOM = '\uFEFF';

/** Separates the values of a multi-valued cell, as Uwazi's CSV import reads them. */
export const MULTI_SEPARATOR = '|';

/** A column of a readable export: one property, under its label, shared by the templates that have it. */
export type PropertyColumn = { name: string; label: string };

/**
 * The property columns of an export: those of `template` when the search names one, else every property of
 * every template, by name, in template order, labelled by the first template that has it.
 */
export function propertyColumns(templates: Template[], template?: string, lang?: string): PropertyColumn[] {
  const columns = new Map<string, PropertyColumn>();
  for (const t of templates) {
    if (template && t.name !== template) continue;
    for (const p of t.properties)
      if (!columns.has(p.name))
        columns.set(p.name, {
          name: p.name,
          label: lang ? localLabel(p.label, p.labels, lang).text : p.label,
        });
  }
  return [...columns.values()];
}

/** Labels a reader knows for stored ids: thesaurus values by thesaurus, entities by id. */
export type Labels = {
  templates: Map<string, Template>;
  thesauri: Map<string, Thesaurus>;
  /** Titles of the related entities the viewer may see; an id missing here is left out of the cell. */
  titles: Map<string, string>;
  /** The reader's language: thesaurus labels in it where translated. */
  lang?: string;
};

/**
 * One metadata value as a person reads it: thesaurus labels, related entities' titles, a date range as
 * `from:to`, a place as `lat|lon`, a link as `label|url`; several values joined with MULTI_SEPARATOR.
 */
export function readableValue(template: string, property: string, value: unknown, labels: Labels): string {
  if (value === undefined || value === null) return '';
  const p = labels.templates.get(template)?.properties.find((x) => x.name === property);
  const many = Array.isArray(value) ? value : [value];
  const one = (v: unknown): string | null => {
    if (p?.type === 'select' || p?.type === 'multiselect') {
      const values = labels.thesauri.get(p.thesaurus ?? '')?.values ?? [];
      const value = values.find((x) => x.id === v);
      if (!value) return String(v);
      return labels.lang ? localLabel(value.label, value.labels, labels.lang).text : value.label;
    }
    if (p?.type === 'relationship') return labels.titles.get(String(v)) ?? null;
    if ((p?.type === 'daterange' || p?.type === 'multidaterange') && v && typeof v === 'object') {
      const r = v as { from?: string; to?: string };
      return `${r.from ?? ''}:${r.to ?? ''}`;
    }
    if (p?.type === 'geolocation' && v && typeof v === 'object') {
      const g = v as { lat: number; lon: number };
      return `${g.lat}|${g.lon}`;
    }
    if (p?.type === 'link' && v && typeof v === 'object') {
      // `label|url`, as Uwazi's CSV writes a link and the import reads it back.
      const l = v as { label?: string; url: string };
      return l.label ? `${l.label}${MULTI_SEPARATOR}${l.url}` : l.url;
    }
    return typeof v === 'string' ? v : JSON.stringify(v);
  };
  return many
    .map(one)
    .filter((s): s is string => s !== null && s !== '')
    .join(` ${MULTI_SEPARATOR} `);
}

/** The text of a snippet's HTML (escaped text with <mark>s), as a cell shows it. */
export function snippetText(html: string): string {
  return html
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
