import {
  MAX_SUGGESTION_SOURCE,
  type SuggestionItem,
  type SuggestionResponse,
} from '../domain/schemas/suggestion.ts';
import type { Viewer } from '../domain/visibility.ts';
import {
  SUGGEST_HEADING_FACTOR,
  SUGGEST_MAX_POSTINGS,
  SUGGEST_MAX_TERMS,
  SUGGEST_MIN_TERMS,
  SUGGEST_PHRASE_WEIGHT,
} from './ranking.ts';
import { contentPairs, isContent, sharedRuns, type Token, tokens } from './suggest-text.ts';

// The engine-neutral half of paragraph suggestions: what is asked and answered, term choice and re-ranking.
// Each engine finds the candidates its own way (FTS5: store/sqlite/search/suggest.ts).

export type SuggestParams = {
  paragraphId?: string;
  fileId?: string;
  start?: number;
  end?: number;
  targetEntityId?: string;
  limit?: number;
  viewer: Viewer;
};

/** Plain data (it crosses the worker boundary): the route turns the failures into 404 and 400. */
export type SuggestOutcome =
  | { ok: true; result: SuggestionResponse }
  | { ok: false; status: 404; what: 'Paragraph' | 'File' | 'Entity'; id: string }
  | { ok: false; status: 400; field: string; message: string };

/** A paragraph found by an engine's bm25 over the salient words, before re-ranking. */
export type SuggestCandidate = {
  paragraphId: string;
  fileId: string;
  entityId: string;
  entityTitle: string;
  page: number;
  ordinal: number;
  text: string;
  isHeading: boolean;
  /** Negated bm25 of the text column: higher is better. */
  bm25: number;
};

export type SalientTerm = { word: string; stem: string; df: number; idf: number; weight: number };

/** salientTerms from the document frequencies of the selection's stems and the paragraph count (any engine). */
export function salience(
  toks: Token[],
  df: Map<string, number>,
  paragraphs: number,
): { all: SalientTerm[]; idf: Map<string, number> } {
  const tf = new Map<string, { word: string; n: number }>();
  for (const t of toks.filter(isContent)) {
    const e = tf.get(t.stem);
    if (e) e.n++;
    else tf.set(t.stem, { word: t.word, n: 1 });
  }
  const n = Math.max(paragraphs, ...df.values());
  const idf = new Map<string, number>();
  const all: SalientTerm[] = [];
  for (const [stem, { word, n: count }] of tf) {
    const d = df.get(stem) ?? 0;
    const i = Math.log(1 + (n - d + 0.5) / (d + 0.5));
    idf.set(stem, i);
    // The selection itself holds every one of its words once in the index.
    if (d - 1 < 1) continue;
    all.push({ word, stem, df: d, idf: i, weight: i * (1 + Math.log(count)) });
  }
  all.sort((a, b) => b.weight - a.weight || (a.stem < b.stem ? -1 : 1));
  return { all, idf };
}

/**
 * The words to search for: the most salient SUGGEST_MAX_TERMS, but past the first SUGGEST_MIN_TERMS only while the
 * paragraphs holding them (what FTS5 must read and score) stay within SUGGEST_MAX_POSTINGS. Common words add
 * little to bm25 and most of its cost; in a small collection the budget never binds.
 */
export function chooseTerms(all: SalientTerm[]): SalientTerm[] {
  const out: SalientTerm[] = [];
  let postings = 0;
  for (const t of all) {
    if (out.length >= SUGGEST_MAX_TERMS) break;
    if (out.length >= SUGGEST_MIN_TERMS && postings + t.df > SUGGEST_MAX_POSTINGS) continue;
    out.push(t);
    postings += t.df;
  }
  return out;
}

/**
 * Adds the phrase bonus and the heading factor to bm25, and says what each paragraph shares. `stemsOf`
 * knows the index tokens of every word of the candidates' windows (any engine's tokenizer).
 */
export function rerank(
  stemsOf: (word: string) => string[],
  sourceText: string,
  srcTokens: Token[],
  terms: SalientTerm[],
  idf: Map<string, number>,
  candidates: SuggestCandidate[],
  limit: number,
): SuggestionItem[] {
  const srcPairs = new Map<string, number>();
  for (const pair of contentPairs(sourceText, srcTokens).pairs) {
    if (!pair) continue;
    const [a, b] = pair.split(' ') as [string, string];
    srcPairs.set(pair, ((idf.get(a) ?? 0) + (idf.get(b) ?? 0)) / 2);
  }
  const salient = new Set(terms.map((t) => t.stem));
  // Shared words and phrases are looked for in a bounded window of each candidate (see sourceText).
  const windowOf = (text: string) => text.slice(0, MAX_SUGGESTION_SOURCE);
  const scored = candidates.map(({ bm25, isHeading, ...c }) => {
    const toks = tokens(windowOf(c.text), stemsOf);
    const { content, pairs } = contentPairs(windowOf(c.text), toks);
    const shared = new Set(pairs.filter((x): x is string => x !== null && srcPairs.has(x)));
    let bonus = 0;
    for (const pair of shared) bonus += srcPairs.get(pair)!;
    const score = (bm25 + SUGGEST_PHRASE_WEIGHT * bonus) * (isHeading ? SUGGEST_HEADING_FACTOR : 1);
    return { c, toks, content, pairs, shared, score: Math.round(score * 1000) / 1000 };
  });
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ c, toks, content, pairs, shared, score }) => ({
      ...c,
      score,
      sharedTerms: [...new Set(toks.filter((t) => salient.has(t.stem)).map((t) => t.word))],
      sharedPhrases: sharedRuns(windowOf(c.text), content, pairs, shared),
    }));
}
