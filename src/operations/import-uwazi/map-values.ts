import { MediaValue } from '../../domain/schemas/entity.ts';
import type { PropertyType } from '../../domain/schemas/template.ts';
import { valueId } from './names.ts';

/**
 * Uwazi's property types and their values in ours. Pure and reusable: the Uwazi import uses it on BSON
 * metadata, and a CSV import in Uwazi's format can use it on parsed cells (every Uwazi value is a list of
 * `{value, label?}`; a cell parser only has to build that list).
 */

/** Every property type Uwazi has (shared/propertyTypes.ts). */
export const UWAZI_PROPERTY_TYPES = [
  'text',
  'markdown',
  'numeric',
  'select',
  'multiselect',
  'relationship',
  'date',
  'multidate',
  'daterange',
  'multidaterange',
  'link',
  'image',
  'media',
  'preview',
  'geolocation',
  'generatedid',
  'nested',
  'newRelationship',
] as const;

/** Our type for an Uwazi type, and what is lost on the way; type null: the property is not imported. */
export function mapPropertyType(uwaziType: string): { type: PropertyType | null; loss?: string } {
  switch (uwaziType) {
    case 'text':
    case 'markdown':
    case 'select':
    case 'multiselect':
    case 'relationship':
    case 'date':
    case 'multidate':
    case 'daterange':
    case 'multidaterange':
    case 'link':
    case 'image':
    case 'media':
    case 'geolocation':
      return { type: uwaziType };
    case 'numeric':
      return { type: 'number' };
    case 'generatedid':
      return { type: 'generatedId' };
    case 'nested':
      return { type: 'text', loss: 'nested (legacy) values kept as structured JSON in a text property' };
    case 'preview':
      return { type: null, loss: 'preview holds no value (it shows the document thumbnail); not imported' };
    case 'newRelationship':
      return { type: null, loss: 'newRelationship (v2 graph query) has no stored value here; not imported' };
    default:
      return { type: null, loss: `unknown Uwazi property type "${uwaziType}"; not imported` };
  }
}

/** One Uwazi metadata value (`metadata.<name>[i]`). */
export type UwaziValue = { value?: unknown; label?: unknown; parent?: unknown };

/** What a value mapping needs from around it: which entity a sharedId became. */
export type ValueContext = {
  /** Our entity id for an Uwazi sharedId, or undefined when it was not imported. */
  entityId: (sharedId: string) => string | undefined;
  /**
   * A media or image address as it is here: an Uwazi uploaded file's becomes our copy's, with a loss when
   * there is no copy. Without it (a CSV in Uwazi's format) addresses are kept as they are.
   */
  fileUrl?: (url: string) => { url: string; loss?: string };
};

/**
 * Uwazi's media value with time links is `(url, {"timelinks":{"hh:mm:ss":"label"}})`; a plain one is the url.
 * The time links are returned as text for the report (our media value is one address).
 */
export function splitMediaValue(raw: string): { url: string; timelinks?: string } {
  const m = /^\(\s*([^\s,]+)\s*,\s*(\{[\s\S]*\})\s*\)$/.exec(raw.trim());
  if (!m) return { url: raw.trim() };
  let timelinks = m[2]!;
  try {
    const links = (JSON.parse(m[2]!) as { timelinks?: Record<string, unknown> }).timelinks ?? {};
    timelinks = Object.entries(links)
      .map(([at, label]) => `${at} ${str(label)}`)
      .join('; ');
  } catch {
    // Not JSON: the text as Uwazi stored it goes to the report.
  }
  return timelinks ? { url: m[1]!, timelinks } : { url: m[1]! };
}

/** Our metadata value (undefined: no value) and what could not be carried over, in words. */
export type MappedValue = { value?: unknown; loss?: string };

/** Unix seconds (UTC, as Uwazi stores dates) → YYYY-MM-DD; null when not a date we can write. */
export function uwaziDate(seconds: unknown): string | null {
  const n = typeof seconds === 'string' && seconds.trim() !== '' ? Number(seconds) : seconds;
  if (typeof n !== 'number' || !Number.isFinite(n)) return null;
  const d = new Date(n * 1000);
  const year = d.getUTCFullYear();
  if (Number.isNaN(d.getTime()) || year < 0 || year > 9999) return null;
  return d.toISOString().slice(0, 10);
}

function uwaziRange(v: unknown): { from?: string; to?: string } | null {
  if (!v || typeof v !== 'object') return null;
  const { from, to } = v as { from?: unknown; to?: unknown };
  const range: { from?: string; to?: string } = {};
  const f = from === null || from === undefined ? null : uwaziDate(from);
  const t = to === null || to === undefined ? null : uwaziDate(to);
  if (f) range.from = f;
  if (t) range.to = t;
  if (!range.from && !range.to) return null;
  // Uwazi does not order them; ours must be from ≤ to.
  if (range.from && range.to && range.from > range.to) return { from: range.to, to: range.from };
  return range;
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const isHttp = (u: string) => /^https?:\/\/[^\s]+$/i.test(u);

/**
 * Uwazi's list of values for one property (of Uwazi type `uwaziType`) → our metadata value. Values that
 * cannot be carried over are named in `loss`, never dropped silently.
 */
export function mapUwaziValues(
  uwaziType: string,
  values: UwaziValue[] | undefined,
  ctx: ValueContext,
): MappedValue {
  const list = (values ?? []).filter((v) => v && v.value !== null && v.value !== undefined && v.value !== '');
  if (list.length === 0) return {};
  const first = list[0]!;
  const extra = (what: string) =>
    list.length > 1 ? `${list.length - 1} more ${what} than our single value holds, dropped` : undefined;
  switch (uwaziType) {
    case 'text':
    case 'markdown':
    case 'generatedid':
      return { value: str(first.value), loss: extra('values') };
    case 'image':
    case 'media': {
      const { url, timelinks } =
        uwaziType === 'media' ? splitMediaValue(str(first.value)) : { url: str(first.value).trim() };
      const here = ctx.fileUrl?.(url) ?? { url };
      const others = [
        timelinks ? `time links not kept (our media value is one address): ${timelinks}` : undefined,
        extra('addresses'),
      ];
      const ok = MediaValue.safeParse(here.url).success;
      const losses = [
        ok ? here.loss : `"${url}" is not an http(s) address or a path; not imported`,
        ...others,
      ].filter((l): l is string => Boolean(l));
      const loss = losses.length ? losses.join('; ') : undefined;
      return ok ? { value: here.url, loss } : { loss };
    }
    case 'numeric': {
      const n = Number(first.value);
      return Number.isFinite(n)
        ? { value: n, loss: extra('numbers') }
        : { loss: `"${str(first.value)}" is not a number` };
    }
    case 'select':
      return { value: valueId(str(first.value)), loss: extra('selected values') };
    case 'multiselect':
      return { value: [...new Set(list.map((v) => valueId(str(v.value))))] };
    case 'relationship': {
      const ids: string[] = [];
      const missing: string[] = [];
      for (const v of list) {
        const id = ctx.entityId(str(v.value));
        if (id) ids.push(id);
        else missing.push(str(v.value));
      }
      return {
        value: ids.length ? [...new Set(ids)] : undefined,
        loss: missing.length ? `links to entities not in the dump: ${missing.join(', ')}` : undefined,
      };
    }
    case 'date': {
      const d = uwaziDate(first.value);
      return d ? { value: d, loss: extra('dates') } : { loss: `${str(first.value)} is not a date` };
    }
    case 'multidate': {
      const dates = list.map((v) => uwaziDate(v.value));
      const ok = dates.filter((d): d is string => d !== null);
      return {
        value: ok.length ? ok : undefined,
        loss: ok.length < dates.length ? `${dates.length - ok.length} values are not dates` : undefined,
      };
    }
    case 'daterange': {
      const r = uwaziRange(first.value);
      return r ? { value: r, loss: extra('ranges') } : { loss: 'a date range without dates' };
    }
    case 'multidaterange': {
      const ranges = list.map((v) => uwaziRange(v.value));
      const ok = ranges.filter((r): r is { from?: string; to?: string } => r !== null);
      return {
        value: ok.length ? ok : undefined,
        loss: ok.length < ranges.length ? `${ranges.length - ok.length} ranges without dates` : undefined,
      };
    }
    case 'link': {
      const links = list
        .map((v) => v.value as { label?: unknown; url?: unknown })
        .filter((l) => l && typeof l === 'object');
      const ok = links
        .filter((l) => isHttp(str(l.url)))
        .map((l) => ({ label: str(l.label).slice(0, 300), url: str(l.url) }));
      return {
        value: ok.length ? ok.slice(0, 20) : undefined,
        loss:
          ok.length < links.length || ok.length > 20
            ? 'links that are not http(s) URLs, or past 20, dropped'
            : undefined,
      };
    }
    case 'geolocation': {
      const g = first.value as { lat?: unknown; lon?: unknown; label?: unknown };
      const lat = Number(g?.lat);
      const lon = Number(g?.lon);
      if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
        return { loss: 'a geolocation without valid coordinates' };
      const label = str(g.label).slice(0, 300);
      return { value: label ? { lat, lon, label } : { lat, lon }, loss: extra('points') };
    }
    case 'nested':
      return { value: JSON.stringify(list.map((v) => v.value)) };
    default:
      return { loss: `values of Uwazi type "${uwaziType}" are not imported` };
  }
}
