import { cutText } from '../../domain/cut-text.ts';
import { intlLocale, isUiLanguage, LANGUAGE_INFO } from '../../domain/languages.ts';

/** Formats a partial date (YYYY, YYYY-MM or YYYY-MM-DD) in the reader's language, at its own precision. */
export function formatPartialDate(value: string, lang: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  if (!mo) return y ?? value;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
  const opts: Intl.DateTimeFormatOptions = d
    ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
    : { year: 'numeric', month: 'long', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(intlLocale(lang), opts).format(date);
}

/** The year of a partial date or ISO timestamp, or null. */
export function yearOf(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})/.exec(value);
  return m ? Number(m[1]) : null;
}

/** Percentage for display ("42 %" in English through i18n). */
export const percent = (share: number) => Math.round(share * 100);

/**
 * A quote cut to `max` characters with an ellipsis, for lists that show many passages. Trimmed: a passage
 * ending in a line break otherwise leaves a gap before the closing quotation mark (“… Strategy ”).
 */
export function shorten(text: string, max: number): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `${cutText(trimmed, max)}…` : trimmed;
}

/**
 * Values joined for display in the reader's language. `values` (a multi-select, several dates, the words two
 * passages share): the enumeration comma of the script ("، " in Arabic, "、" in Chinese) and no "and", since the
 * values are a set, not a sentence. `and`: the names in a sentence, through Intl.ListFormat ("France, Kenya
 * and Japan", "法国、肯尼亚和日本", "فرنسا وكينيا واليابان").
 */
export function formatList(
  values: readonly string[],
  lang: string,
  kind: 'values' | 'and' = 'values',
): string {
  if (kind === 'and') return new Intl.ListFormat(intlLocale(lang), { type: 'conjunction' }).format(values);
  return values.join(isUiLanguage(lang) ? LANGUAGE_INFO[lang].listSeparator : ', ');
}
