import { DEFAULT_LANGUAGE } from './languages.ts';
import { TRANSLATABLE_TYPES } from './metadata-validation.ts';
import type { Entity } from './schemas/entity.ts';
import type { Template } from './schemas/template.ts';
import type { Labels } from './schemas/translations.ts';
import { indexTerms } from './text-analysis/index.ts';

/** A label in the reader's language, or the default one with `translated: false` (the UI marks it). */
export type LocalLabel = { text: string; translated: boolean };

/**
 * The label to show a reader of `lang`: its translation when there is one, else the default `label`.
 * A label whose default is already in the reader's language counts as translated.
 */
export function localLabel(
  label: string,
  labels: Labels | undefined,
  lang: string,
  defaultLanguage: string = DEFAULT_LANGUAGE,
): LocalLabel {
  const own = labels?.[lang as keyof Labels];
  if (own) return { text: own, translated: true };
  return { text: label, translated: lang === defaultLanguage };
}

/** An entity's values as a reader of one language sees them. */
export type LocalizedEntity = {
  title: string;
  metadata: Record<string, unknown>;
  /** Fields shown in the entity's own language because the reader's is missing: `title`, property names. */
  untranslated: string[];
};

/**
 * An entity as a reader of `lang` sees it (decision 31): the title and the text, markdown and link values in
 * that language where they exist, otherwise the entity's own-language values, named in `untranslated` so the
 * page can say "not translated" instead of leaving a section empty. Shared values pass through.
 */
export function localizeEntity(
  entity: Pick<Entity, 'title' | 'language' | 'metadata' | 'translations'>,
  template: Pick<Template, 'properties'> | undefined,
  lang: string,
): LocalizedEntity {
  if (lang === entity.language) return { title: entity.title, metadata: entity.metadata, untranslated: [] };
  const t = entity.translations[lang as keyof Entity['translations']];
  const untranslated: string[] = [];
  const title = t?.title ?? entity.title;
  if (!t?.title) untranslated.push('title');
  const metadata = { ...entity.metadata };
  for (const p of template?.properties ?? []) {
    if (!TRANSLATABLE_TYPES.has(p.type) || metadata[p.name] === undefined) continue;
    const own = t?.metadata?.[p.name];
    if (own !== undefined) metadata[p.name] = own;
    else untranslated.push(p.name);
  }
  return { title, metadata, untranslated };
}

/** Languages in which an entity has a title: its own and every translated one (for "available in"). */
export function titleLanguages(entity: Pick<Entity, 'language' | 'translations'>): string[] {
  const others = Object.entries(entity.translations).flatMap(([l, t]) => (t?.title ? [l] : []));
  return [entity.language, ...others.filter((l) => l !== entity.language)];
}

/** A text of an entity in one language, as the search index analyses it. */
export type LanguageText = { text: string; language: string };

/**
 * An entity's translated title and texts (text, markdown, link labels) with their languages, for the
 * search index: a reader in Cairo finds a state by its Arabic name. Shared values are not repeated.
 */
export function translatedTexts(
  translations: Entity['translations'],
  properties: Pick<Template, 'properties'>['properties'],
): { titles: LanguageText[]; texts: LanguageText[] } {
  const titles: LanguageText[] = [];
  const texts: LanguageText[] = [];
  const byName = new Map(properties.map((p) => [p.name, p]));
  for (const [language, t] of Object.entries(translations ?? {})) {
    if (t?.title) titles.push({ text: t.title, language });
    for (const [name, value] of Object.entries(t?.metadata ?? {})) {
      const p = byName.get(name);
      if (!p || !TRANSLATABLE_TYPES.has(p.type)) continue;
      if (typeof value === 'string') texts.push({ text: value, language });
      else if (Array.isArray(value))
        for (const link of value as { label?: string }[])
          if (link?.label) texts.push({ text: link.label, language });
    }
  }
  return { titles, texts };
}

/** Texts analysed each in its own language (domain/text-analysis), one per line, for an index column. */
export const analysedLines = (texts: LanguageText[]): string =>
  texts.map((x) => indexTerms(x.text, x.language)).join('\n');
