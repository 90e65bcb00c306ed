import { UI_LANGUAGES } from '../../domain/languages.ts';
import type { Labels } from '../../domain/schemas/translations.ts';
import { type BsonDoc, idOf, type UwaziDump } from './read-dump.ts';

const CONTENT_LANGUAGES: ReadonlySet<string> = new Set(UI_LANGUAGES);

/** Is `lang` one of the six languages our records hold (decision 31)? */
export const isContentLanguage = (lang: string): lang is (typeof UI_LANGUAGES)[number] =>
  CONTENT_LANGUAGES.has(lang);

/**
 * The labels of templates, properties, thesauri and their values, and relation types in other languages,
 * from Uwazi's `translationsV2` rows (`{language, key, value, context: {id}}`), else from the older
 * `translations` documents (one per locale, `contexts[].values[]`). Keyed by context id (template, thesaurus
 * or relation type id) and the default-language text. A value equal to its key is Uwazi's untranslated
 * placeholder and is left out, so our "not translated" mark shows for it.
 */
export function labelIndex(dump: UwaziDump, defaultLanguage: string) {
  const index = new Map<string, Labels>();
  const add = (context: string, lang: string, key: unknown, value: unknown) => {
    if (lang === defaultLanguage || !isContentLanguage(lang)) return;
    if (typeof key !== 'string' || typeof value !== 'string') return;
    const text = value.trim();
    if (!text || text === key) return;
    const k = `${context}\u0000${key}`;
    index.set(k, { ...index.get(k), [lang]: text.slice(0, 300) });
  };
  if (dump.translationsV2.length) {
    for (const r of dump.translationsV2) {
      const context = (r.context ?? {}) as BsonDoc;
      add(idOf(context.id), String(r.language), r.key, r.value);
    }
  } else {
    for (const t of dump.translations) {
      for (const c of (t.contexts ?? []) as BsonDoc[])
        for (const v of (c.values ?? []) as BsonDoc[]) add(idOf(c.id), String(t.locale), v.key, v.value);
    }
  }
  return (context: string, key: string): Labels | undefined => index.get(`${context}\u0000${key}`);
}
