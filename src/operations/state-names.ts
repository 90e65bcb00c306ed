import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import type { EntityTranslations } from '../domain/schemas/translations.ts';

/** The UN languages other than English, in which state names come from i18n-iso-countries' CLDR-based data. */
const OTHER_LANGUAGES = ['ar', 'zh', 'fr', 'ru', 'es'] as const;

let registered = false;
function register() {
  if (registered) return;
  const require = createRequire(import.meta.url);
  for (const lang of OTHER_LANGUAGES)
    countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
  registered = true;
}

/**
 * A member state's short name in the other five UN languages (ISO 3166-1 alpha-2 code), as translations of
 * its title. The English title stays the portal's own (the UN's short name, e.g. "Türkiye"); a language the
 * package lacks a name for is left out, so the page shows the English name marked "not translated".
 */
export function stateNameTranslations(iso2: string): EntityTranslations {
  register();
  const out: EntityTranslations = {};
  for (const lang of OTHER_LANGUAGES) {
    const name = countries.getName(iso2, lang, { select: 'official' });
    // The Russian data writes some as "КНР (Китайская Народная Республика)": the name is the part in brackets.
    if (name) out[lang] = { title: /^\S+ \((.+)\)$/.exec(name)?.[1] ?? name };
  }
  return out;
}
