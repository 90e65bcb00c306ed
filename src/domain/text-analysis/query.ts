import type { QueryAst, Term } from '../query-language/ast.ts';
import { alignedTerms, foldedWords, hasCjkText, indexTerms } from './analyse.ts';

/*
 * Queries analysed like the texts they look for. A reader need not know a document's language, so a
 * term is analysed as each language would analyse it and matches any of those forms ("strategies" is
 * "strategi" in English, and stays "strategies" for a text of unknown language). The "only in my
 * language" switch narrows this to one language's form.
 */

/** Languages a Latin word is analysed as when the reader has not narrowed the search ('' = unstemmed). */
export const ALL_QUERY_LANGUAGES = ['en', 'fr', 'es', ''];

/** Which index a term's forms are for: the engines' entity/vector indexes, or the aligned FTS5 paragraph index. */
export type TermIndex = 'entity' | 'paragraph';

/**
 * The alternative term sequences a term (a word or a phrase) is matched as, deduplicated; each is a
 * phrase of space-separated terms. `languages` defaults to every language.
 */
export function termForms(
  text: string,
  { languages = ALL_QUERY_LANGUAGES, index = 'entity' }: { languages?: string[]; index?: TermIndex } = {},
): string[] {
  const analyse = index === 'paragraph' ? alignedTerms : indexTerms;
  const forms = new Set<string>();
  for (const language of languages.length ? languages : ALL_QUERY_LANGUAGES) {
    const form = analyse(text, language);
    if (form) forms.add(form);
  }
  return [...forms];
}

/** A prefix (`cyber*`) as matched against folded, unstemmed words. */
export const prefixForm = (text: string) => foldedWords(text);

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * The words of a CJK run as Intl.Segmenter cuts them (punctuation and spaces dropped), a one-character
 * word kept with the word before it (the first with the next): alone, 的 or 战 would match nearly every
 * Chinese text, and "战网" would be found in any text holding 战 and 网 apart.
 */
export function segmentWords(text: string): string[] {
  const words = [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
  const out: string[] = [];
  for (const w of words) {
    const last = out.length - 1;
    if (last >= 0 && ([...w].length === 1 || [...out[last]!].length === 1)) out[last] += w;
    else out.push(w);
  }
  return out;
}

/**
 * A Chinese query typed without spaces ("网络安全战略") becomes its words, each a clause of its own
 * (网络 AND 安全 AND 战略), as a space-separated query would: the words may then stand apart in a text
 * ("网络和信息安全的战略"), and the engines' phrase bonus still ranks texts holding them side by side
 * first. Only a lone plain word is cut: a quoted phrase, a prefix or an OR stays as typed.
 */
export function segmentCjkClauses(ast: QueryAst): QueryAst {
  const must = ast.must.flatMap((clause) => {
    const only = clause.any.length === 1 ? clause.any[0]! : null;
    if (only?.kind !== 'word' || only.prefix || !hasCjkText(only.text)) return [clause];
    const words = segmentWords(only.text);
    if (words.length < 2) return [clause];
    return words.map((text) => ({ any: [{ kind: 'word', text, prefix: false } satisfies Term] }));
  });
  return { must, not: ast.not };
}
