import type { QueryAst, Term } from '../query-language/ast.ts';
import { hasCjkText, tokens } from './analyse.ts';
import { foldWord } from './fold.ts';
import { termForms } from './query.ts';

/*
 * Where a query's words are in a text, found by the same analysis the indexes hold: a token sequence
 * whose terms are one of a term's forms ("strategies" marks "Strategy", "الأمن" marks "بالامن"). What the
 * PostgreSQL engine marks snippets and highlights with (its ts_headline would re-parse the text with a
 * configuration that knows nothing of these terms); the FTS5 engine gets the same marks from its
 * aligned paragraph index.
 */

export type Matcher = {
  /** Each form as its terms (aligned analysis: a CJK run is one term). */
  phrases: string[][];
  /** Folded prefixes (`cyber*`): a token whose folded word starts with one. */
  prefixes: string[];
  /** CJK terms, matched literally (the paragraph analysis keeps CJK runs whole). */
  literals: string[];
};

/** What the positive terms of a query mark, analysed in `languages` (all when unset). */
export function queryMatcher(ast: QueryAst, languages?: string[]): Matcher {
  const m: Matcher = { phrases: [], prefixes: [], literals: [] };
  const add = (t: Term) => {
    if (hasCjkText(t.text)) {
      m.literals.push(t.text);
      return;
    }
    if (t.kind === 'word' && t.prefix) {
      const p = foldWord(t.text);
      if (p) m.prefixes.push(p);
    }
    for (const form of termForms(t.text, { languages, index: 'paragraph' })) m.phrases.push(form.split(' '));
  };
  for (const clause of ast.must) for (const t of clause.any) add(t);
  return m;
}

export type Range = { start: number; end: number };

/** The matches of a matcher in a text analysed in `language`, in order, not overlapping, the first `max`. */
export function matchRanges(
  text: string,
  language: string | null,
  m: Matcher,
  max = Number.MAX_SAFE_INTEGER,
): { ranges: Range[]; capped: boolean } {
  const found: Range[] = [];
  if (m.phrases.length || m.prefixes.length) {
    const toks = tokens(text, language);
    const first = new Map<string, string[][]>();
    for (const p of m.phrases) first.set(p[0]!, [...(first.get(p[0]!) ?? []), p]);
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      let end = -1;
      for (const p of first.get(t.term) ?? [])
        if (p.every((term, k) => toks[i + k]?.term === term))
          end = Math.max(end, toks[i + p.length - 1]!.end);
      if (end < 0 && m.prefixes.length) {
        const word = foldWord(text.slice(t.start, t.end));
        if (m.prefixes.some((p) => word.startsWith(p))) end = t.end;
      }
      if (end >= 0) found.push({ start: t.start, end });
    }
  }
  if (m.literals.length) {
    for (const lit of m.literals)
      for (let at = text.indexOf(lit); at >= 0; at = text.indexOf(lit, at + lit.length))
        found.push({ start: at, end: at + lit.length });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const ranges: Range[] = [];
  for (const r of found) {
    const last = ranges.at(-1);
    if (last && r.start < last.end) continue;
    if (ranges.length >= max) return { ranges, capped: true };
    ranges.push(r);
  }
  return { ranges, capped: false };
}
