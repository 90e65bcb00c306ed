import { MULTI_SEPARATOR } from '../readable-csv.ts';
import { DateRangeValue, GeolocationValue, LinkValue, MediaValue, PartialDate } from '../schemas/entity.ts';
import type { Property } from '../schemas/template.ts';
import type { ThesaurusValue } from '../schemas/thesaurus.ts';

/** What converting cells needs beyond the property: its thesaurus, and entities by title for relationships. */
export type CellContext = {
  thesaurusValues: (property: Property) => ThesaurusValue[];
  /** Ids of entities of `template` (any when undefined) with this title, case and spacing ignored. */
  idsByTitle: (title: string, template: string | undefined) => string[];
  /** Unknown thesaurus labels become new values (the admin ticked "add new values"); else they are errors. */
  addNewValues: boolean;
};

/** A thesaurus value a cell names that does not exist yet: its label, and its group's label for `group::child`. */
export type NewValueText = { label: string; group?: string };

/** A cell converted: the value, or why not; `newValues` are thesaurus values to add before the row. */
export type CellResult = {
  value?: unknown;
  /** Why the cell cannot be read, in English; `code` and `params` say it for a client's own words. */
  error?: string;
  code?: string;
  params?: Record<string, string | number>;
  newValues?: NewValueText[];
};

/** A cell refused: the English reason and its code (`problems.csv.*` in the web app) with the cell. */
const refuse = (code: string, error: string, params: Record<string, string | number>): CellResult => ({
  error,
  code: `csv.${code}`,
  params,
});

/** The same label whatever its case, accents' composition and spacing: how a thesaurus value is matched. */
export const labelKey = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A cell as exported with the formula guard (readable-csv.ts prefixes `'` to a value starting with
 * = + - @, tab or CR) read back as the value it guards.
 */
export const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** The parts of a multi-valued cell, split on `|`, trimmed, empty parts dropped. */
export const parts = (cell: string) =>
  cell
    .split(MULTI_SEPARATOR)
    .map((s) => unguard(s.trim()))
    .filter((s) => s !== '');

const isUrl = (s: string) => /^https?:\/\/\S+$/i.test(s);

/** Finds a thesaurus value by id, label or any translated label; `group::child` names a grouped value. */
function findValue(values: ThesaurusValue[], text: string): ThesaurusValue | undefined {
  const [groupText, childText] = text.includes('::') ? text.split('::', 2) : [undefined, text];
  const key = labelKey(childText ?? '');
  const matches = (v: ThesaurusValue) =>
    v.id === childText?.trim() ||
    labelKey(v.label) === key ||
    Object.values(v.labels ?? {}).some((l) => l && labelKey(l) === key);
  if (groupText === undefined) return values.find(matches);
  const group = values.find(
    (v) => !v.group && (labelKey(v.label) === labelKey(groupText) || v.id === groupText),
  );
  return values.find((v) => v.group === group?.id && matches(v));
}

/** `group::child` or a plain label, as a value to add; an empty group (`::child`) is no group. */
function newValueText(text: string): NewValueText {
  if (!text.includes('::')) return { label: text.trim() };
  const [group = '', child = ''] = text.split('::', 2).map((s) => s.trim().replace(/\s+/g, ' '));
  return group ? { label: child, group } : { label: child };
}

/** `from:to` (either side may be empty) as a date range. */
function dateRange(cell: string): CellResult {
  const [from = '', to = ''] = cell.split(':', 2).map((s) => s.trim());
  const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  return DateRangeValue.safeParse(range).success
    ? { value: range }
    : refuse(
        'notDateRange',
        `"${cell}" is not a date range (from:to, dates as YYYY, YYYY-MM or YYYY-MM-DD)`,
        {
          cell,
        },
      );
}

/**
 * One cell of a property's column converted to the value the API takes, as Uwazi's CSV import reads it:
 * `|` between several values, `group::child` for a grouped thesaurus value, `from:to` for a date range,
 * `lat|lon` for a place, `label|url` for a link, a related entity by its title. An empty cell is no value.
 */
export function cellValue(property: Property, raw: string, ctx: CellContext): CellResult {
  const cell = unguard(raw.trim());
  if (cell === '') return {};
  switch (property.type) {
    case 'text':
    case 'markdown':
    case 'generatedId':
      return { value: unguard(raw) };
    case 'image':
    case 'media': {
      const m = MediaValue.safeParse(cell);
      return m.success
        ? { value: m.data }
        : refuse('notMedia', `"${cell}" is not an http(s) address or a path on this site (/api/v1/files/…)`, {
            cell,
          });
    }
    case 'number': {
      const n = Number(cell.replace(/\s/g, '').replace(/,(\d+)$/, '.$1'));
      return Number.isFinite(n) ? { value: n } : refuse('notNumber', `"${cell}" is not a number`, { cell });
    }
    case 'date':
      return PartialDate.safeParse(cell).success
        ? { value: cell }
        : refuse('notDate', `"${cell}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`, { cell });
    case 'daterange':
      return dateRange(cell);
    case 'multidate': {
      const bad = parts(cell).find((d) => !PartialDate.safeParse(d).success);
      return bad === undefined
        ? { value: parts(cell) }
        : refuse('notDate', `"${bad}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`, { cell: bad });
    }
    case 'multidaterange': {
      const ranges = parts(cell).map(dateRange);
      const bad = ranges.find((r) => r.error);
      return bad ?? { value: ranges.map((r) => r.value) };
    }
    case 'geolocation': {
      const [lat, lon] = parts(cell).map(Number);
      const g = GeolocationValue.safeParse({ lat, lon });
      return g.success
        ? { value: g.data }
        : refuse('notPlace', `"${cell}" is not a place (lat|lon in degrees)`, { cell });
    }
    case 'link': {
      const links: { label: string; url: string }[] = [];
      let label = '';
      for (const p of parts(cell)) {
        if (!isUrl(p)) {
          label = label ? `${label} | ${p}` : p;
          continue;
        }
        const l = LinkValue.safeParse({ label, url: p });
        if (!l.success) return refuse('notAddress', `"${p}" is not an http(s) address`, { cell: p });
        links.push(l.data);
        label = '';
      }
      if (label)
        return refuse('labelWithoutAddress', `"${label}" is not followed by an http(s) address (label|url)`, {
          cell: label,
        });
      return { value: links };
    }
    case 'select':
    case 'multiselect': {
      const texts = property.type === 'select' ? [cell] : parts(cell);
      const ids: string[] = [];
      const newValues: NewValueText[] = [];
      for (const text of texts) {
        const v = findValue(ctx.thesaurusValues(property), text);
        if (v) ids.push(v.id);
        else if (ctx.addNewValues && newValueText(text).label) newValues.push(newValueText(text));
        else
          return refuse(
            ctx.addNewValues ? 'notAValue' : 'notAValueAdd',
            `"${text}" is not a value of ${property.label}${ctx.addNewValues ? '' : ' (choose to add new values to add it)'}`,
            { cell: text, property: property.name, label: property.label },
          );
      }
      return { value: property.type === 'select' ? ids[0] : ids, newValues };
    }
    case 'relationship': {
      const ids: string[] = [];
      for (const title of parts(cell)) {
        const found = ctx.idsByTitle(title, property.targetTemplate);
        if (found.length === 0)
          return refuse('noSuchTitle', `no ${property.targetTemplate ?? 'entity'} is titled "${title}"`, {
            cell: title,
          });
        if (found.length > 1)
          return refuse(
            'manyTitled',
            `${found.length} ${property.targetTemplate ?? 'entities'} are titled "${title}"`,
            { cell: title, count: found.length },
          );
        ids.push(found[0]!);
      }
      return { value: ids };
    }
  }
}
