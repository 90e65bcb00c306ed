import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json' with { type: 'json' };

/** Languages with a complete catalog; the other UN languages join as their catalogs arrive. */
export const LANGUAGES = [{ code: 'en', label: 'English' }] as const;

const resources = { en: { translation: en } };
const STORAGE_KEY = 'cp.lang';

function initialLanguage(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  const stored = window.localStorage.getItem(STORAGE_KEY);
  const wanted = fromUrl ?? stored ?? navigator.language.slice(0, 2);
  return wanted in resources ? wanted : 'en';
}

/** Sets `lang` and `dir` on <html>, so the whole layout (CSS logical properties) follows the language. */
export function applyDocumentLanguage(lng: string): void {
  document.documentElement.lang = lng;
  document.documentElement.dir = i18n.dir(lng);
}

/** Starts i18next with the bundled catalogs; call once before rendering. */
export function setupI18n(): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources,
    lng: initialLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  applyDocumentLanguage(i18n.language);
  i18n.on('languageChanged', (lng) => {
    window.localStorage.setItem(STORAGE_KEY, lng);
    applyDocumentLanguage(lng);
  });
  return i18n;
}
