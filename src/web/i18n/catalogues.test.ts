import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES, type UiLanguage } from '../../domain/languages.ts';

type Catalogue = { [key: string]: string | Catalogue };

const load = (lng: string): Catalogue =>
  JSON.parse(readFileSync(new URL(`./${lng}.json`, import.meta.url), 'utf8')) as Catalogue;

function flatten(c: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** `{{count, number}}` → "count, number": the name and the format both have to match. */
const placeholders = (s: string) =>
  new Set([...s.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => m[1]!.replace(/\s*,\s*/g, ', ')));
const sorted = (s: Set<string>) => [...s].sort();

const en = flatten(load('en'));
/** Plural keys of English by their base (`search.resultCount`), the others as they are. */
const enPlurals = new Map<string, string>();
const enPlain = new Map<string, string>();
for (const [k, v] of en) {
  const base = k.replace(PLURAL, '');
  if (base !== k && en.has(`${base}_other`)) enPlurals.set(base, en.get(`${base}_other`)!);
  else enPlain.set(k, v);
}

/**
 * Latin words allowed in Arabic, Chinese and Russian: acronyms, formats, the query operator OR and the names
 * of the platform whose formats the portal reads (Uwazi) and of the programs files come from. File names
 * (`import.csv`) are not words.
 */
const LATIN_ALLOWED = new Set([
  ...['OR', 'PDF', 'CERT', 'KB', 'MB', 'CSV', 'ISO', 'JSON', 'ZIP', 'UTF', 'Uwazi'],
  // Formats and the programs a file's reason names, as UN translators keep them (Word, LibreOffice).
  ...['HTML', 'RTF', 'PNG', 'JPEG', 'docx', 'doc', 'xls', 'ppt', 'Word', 'Office', 'LibreOffice'],
]);
/** French and Spanish strings that are, correctly, spelt as in English. */
const SAME_AS_ENGLISH: Record<string, string[]> = {
  fr: [
    'nav.menu',
    'browse.type',
    'browse.colType',
    'browse.by.type',
    'browse.documents',
    'browse.colDocuments',
    'browse.documentCount_other',
    'document.title',
    'profile.source',
    'profile.sourceN',
    'viewer.pageLabel',
    'editor.version',
    'viewer.pages_other',
    'search.sort.date',
    'search.page',
    'connect.relation',
    'connect.template.Document',
    'connect.template.Organisation',
    'import.options',
    'editor.latitude',
    'editor.longitude',
    'settings.nav.site',
    'settings.reattach.paragraphOnPage',
  ],
  es: ['signin.roles.editor'],
};

/** Problems of one catalogue against English; empty when it is complete. */
function problems(lng: UiLanguage, cat = flatten(load(lng))): string[] {
  const found: string[] = [];
  const forms = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
  const expected = new Set([
    ...enPlain.keys(),
    ...[...enPlurals.keys()].flatMap((b) => forms.map((f) => `${b}_${f}`)),
  ]);
  for (const key of expected) {
    const value = cat.get(key);
    if (value === undefined) {
      found.push(`${lng}: missing ${key}`);
      continue;
    }
    if (!value.trim()) found.push(`${lng}: empty ${key}`);
    const base = key.replace(PLURAL, '');
    const source = enPlurals.get(base) ?? enPlain.get(key) ?? '';
    const want = placeholders(source);
    const got = placeholders(value);
    if (enPlurals.has(base)) {
      // A plural form may leave the number out ("one result", "دولتان"), never another value.
      want.delete('count, number');
      got.delete('count, number');
    }
    if (sorted(want).join('|') !== sorted(got).join('|'))
      found.push(
        `${lng}: ${key} has {{${sorted(got).join('}} {{')}}} instead of {{${sorted(want).join('}} {{')}}}`,
      );
    if (lng !== 'en' && ['ar', 'zh', 'ru'].includes(lng)) {
      const latin =
        value
          .replace(/\{\{[^}]*\}\}/g, '')
          .replace(/\b[a-z]+\.[a-z]{2,4}\b/g, '')
          .match(/[A-Za-z]{2,}/g) ?? [];
      const english = latin.filter((w) => !LATIN_ALLOWED.has(w));
      if (english.length) found.push(`${lng}: ${key} has Latin words ${english.join(' ')}`);
    }
    if (
      (lng === 'fr' || lng === 'es') &&
      value === source &&
      /[A-Za-z]{3,}/.test(value.replace(/\{\{[^}]*\}\}/g, ''))
    )
      if (!SAME_AS_ENGLISH[lng]?.includes(key)) found.push(`${lng}: ${key} is still English: ${value}`);
  }
  for (const key of cat.keys()) if (!expected.has(key)) found.push(`${lng}: extra key ${key}`);
  return found;
}

describe('interface catalogues', () => {
  it.each(UI_LANGUAGES)('%s has every key of English, no other, none empty, the same placeholders', (lng) => {
    expect(problems(lng)).toEqual([]);
  });

  it('finds what a catalogue lacks, adds, leaves empty, leaves in English or gets wrong in its placeholders', () => {
    const ru = flatten(load('ru'));
    ru.delete('nav.map');
    ru.delete('search.resultCount_few');
    ru.set('nav.extra', 'Лишнее');
    ru.set('nav.menu', ' ');
    ru.set('viewer.label', 'Страницы {{name}}');
    ru.set('map.percent', '{{value}} %');
    ru.set('status.loading', 'Loading…');
    expect(problems('ru', ru).sort()).toEqual(
      [
        'ru: missing nav.map',
        'ru: missing search.resultCount_few',
        'ru: extra key nav.extra',
        'ru: empty nav.menu',
        'ru: viewer.label has {{name}} instead of {{title}}',
        'ru: map.percent has {{value}} instead of {{value, number}}',
        'ru: status.loading has Latin words Loading',
      ].sort(),
    );
    // English as Russian: only "one" and "other", and every word Latin.
    const english = problems('ru', flatten(load('en')));
    expect(english).toContain('ru: missing browse.resultCount_many');
    expect(english.filter((p) => p.includes('Latin words')).length).toBeGreaterThan(200);
  });

  it('gives Arabic its six plural forms and Russian its three through i18next', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: Object.fromEntries(UI_LANGUAGES.map((l) => [l, { translation: load(l) }])),
      lng: 'ar',
      fallbackLng: false,
      interpolation: { escapeValue: false },
    });
    const ar = [0, 1, 2, 3, 11, 100].map((count) => i18n.t('search.resultCount', { count, lng: 'ar' }));
    expect(new Set(ar.map((s) => s.replace(/\d+/g, '#'))).size).toBe(5); // "many" and "other" share a noun
    expect(ar[1]).toBe('نتيجة واحدة');
    expect(ar[2]).toBe('نتيجتان');
    expect(ar[3]).toMatch(/^3 نتائج$/);
    const ru = [1, 3, 5, 21].map((count) => i18n.t('browse.documentCount', { count, lng: 'ru' }));
    expect(ru).toEqual(['1 документ', '3 документа', '5 документов', '21 документ']);
  });
});
