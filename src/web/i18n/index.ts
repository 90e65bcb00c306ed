import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  DEFAULT_LANGUAGE,
  intlLocale,
  isUiLanguage,
  LANGUAGE_INFO,
  languageOfPath,
  type UiLanguage,
} from '../../domain/languages.ts';
import en from './en.json' with { type: 'json' };

/** English comes with the entry chunk (default and fallback); the others are fetched when chosen. */
const catalogues: Record<Exclude<UiLanguage, 'en'>, () => Promise<{ default: Resource[string] }>> = {
  ar: () => import('./ar.json'),
  zh: () => import('./zh.json'),
  fr: () => import('./fr.json'),
  ru: () => import('./ru.json'),
  es: () => import('./es.json'),
};

/**
 * A test-only catalogue (the pseudo-language of e2e/pseudo-language.e2e.ts), handed in by a script the test
 * injects before the app starts. Never set in production: nothing in the app or the server writes it.
 */
type PseudoHook = { __cpPseudoCatalogue?: Resource[string] };
export const PSEUDO_LANGUAGE = 'en-XA';

/** Sets `lang` and `dir` on <html>, so the whole layout (CSS logical properties) follows the language. */
export function applyDocumentLanguage(lng: string): void {
  document.documentElement.lang = isUiLanguage(lng) ? LANGUAGE_INFO[lng].htmlLang : lng;
  document.documentElement.dir = isUiLanguage(lng) ? LANGUAGE_INFO[lng].dir : 'ltr';
}

/** Remembered for the server, which uses it before Accept-Language for an address without a language. */
function rememberLanguage(lng: UiLanguage): void {
  // biome-ignore lint/suspicious/noDocumentCookie: a plain cookie the server reads; no store API needed
  document.cookie = `cp.lang=${lng}; path=/; max-age=31536000; samesite=lax`;
}

/**
 * Starts i18next in the language of the address (`/fr/…`), after fetching that catalogue; call once and
 * await before rendering. Dates and numbers go through Intl in the language's locale (`{{count, number}}`).
 */
export async function setupI18n(language: UiLanguage): Promise<typeof i18n> {
  const resources: Resource = { en: { translation: en } };
  if (language !== 'en') resources[language] = { translation: (await catalogues[language]()).default };
  const pseudo = (window as PseudoHook).__cpPseudoCatalogue;
  if (pseudo) resources[PSEUDO_LANGUAGE] = { translation: pseudo };
  await i18n.use(initReactI18next).init({
    resources,
    lng: pseudo ? PSEUDO_LANGUAGE : language,
    // The pseudo-language must show a missing string as missing, not as English.
    fallbackLng: pseudo ? false : DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false },
  });
  i18n.services.formatter?.add('number', (value, lng, options) =>
    new Intl.NumberFormat(intlLocale(lng ?? language), options).format(value),
  );
  applyDocumentLanguage(i18n.language);
  rememberLanguage(language);
  return i18n;
}

/** The language of the address the app was opened at; null when it has none (the server normally adds it). */
export const languageOfLocation = (): UiLanguage | null =>
  typeof window === 'undefined' ? null : languageOfPath(window.location.pathname);
