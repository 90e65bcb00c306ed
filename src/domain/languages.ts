/**
 * The six official UN languages the interface speaks. Shared by the server (which picks a language for an
 * address without one and writes `lang`/`dir` into the HTML) and the web app (catalogues, switcher, Intl).
 */
export const UI_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** English is the default: the catalogue every other is checked against, and the fallback of last resort. */
export const DEFAULT_LANGUAGE: UiLanguage = 'en';

export type LanguageInfo = {
  /** The language named in itself, as the switcher shows it. */
  name: string;
  dir: 'ltr' | 'rtl';
  /** BCP 47 tag for `<html lang>`: the script matters for Chinese (simplified, as at the UN). */
  htmlLang: string;
  /**
   * The tag given to Intl: UN Arabic texts write numbers and dates with Western digits, which `ar` alone
   * would write in Arabic-Indic ones.
   */
  intl: string;
  /**
   * What separates the values of a list shown as values (a multi-select, several dates): the enumeration
   * comma of the script, Arabic "، " and the Chinese enumeration comma "、", not the Latin ", ".
   */
  listSeparator: string;
};

export const LANGUAGE_INFO: Record<UiLanguage, LanguageInfo> = {
  ar: { name: 'العربية', dir: 'rtl', htmlLang: 'ar', intl: 'ar-u-nu-latn', listSeparator: '، ' },
  zh: { name: '中文', dir: 'ltr', htmlLang: 'zh-Hans', intl: 'zh-Hans', listSeparator: '、' },
  en: { name: 'English', dir: 'ltr', htmlLang: 'en', intl: 'en', listSeparator: ', ' },
  fr: { name: 'Français', dir: 'ltr', htmlLang: 'fr', intl: 'fr', listSeparator: ', ' },
  ru: { name: 'Русский', dir: 'ltr', htmlLang: 'ru', intl: 'ru', listSeparator: ', ' },
  es: { name: 'Español', dir: 'ltr', htmlLang: 'es', intl: 'es', listSeparator: ', ' },
};

export const isUiLanguage = (value: unknown): value is UiLanguage =>
  typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);

/** The Intl locale of an interface language (Western digits for Arabic, as in UN texts); others as given. */
export const intlLocale = (lng: string): string => (isUiLanguage(lng) ? LANGUAGE_INFO[lng].intl : lng);

/** The language an address starts with (`/fr/states/france` → fr), or null for a language-less address. */
export function languageOfPath(pathname: string): UiLanguage | null {
  const first = /^\/([^/?#]+)/.exec(pathname)?.[1];
  return isUiLanguage(first) ? first : null;
}

/**
 * The best interface language for an `Accept-Language` header (RFC 9110 quality values; `zh-CN`, `ar-EG`
 * count as zh and ar), or the default when it names none of the six or is missing or malformed.
 */
export function pickLanguage(acceptLanguage: string | undefined | null): UiLanguage {
  let best: { lang: UiLanguage; q: number; order: number } | null = null;
  (acceptLanguage ?? '').split(',').forEach((part, order) => {
    const [range = '', ...params] = part.trim().split(';');
    const primary = range.trim().toLowerCase().split('-')[0];
    if (!isUiLanguage(primary)) return;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0 || q > 1) return;
    if (!best || q > best.q) best = { lang: primary, q, order };
  });
  return (best as { lang: UiLanguage } | null)?.lang ?? DEFAULT_LANGUAGE;
}
