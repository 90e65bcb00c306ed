import type Database from 'better-sqlite3';
import {
  MAX_SUGGESTION_SOURCE,
  type SuggestionItem,
  type SuggestionResponse,
} from '../domain/schemas/suggestion.ts';
import { canSee, publishedOnly, type Viewer } from '../domain/visibility.ts';
import {
  SUGGEST_CANDIDATES_PER_RESULT,
  SUGGEST_HEADING_FACTOR,
  SUGGEST_MAX_POSTINGS,
  SUGGEST_MAX_TERMS,
  SUGGEST_MIN_TERMS,
  SUGGEST_PHRASE_WEIGHT,
} from '../store/sqlite/search/ranking.ts';
import {
  documentFrequencies,
  entityFiles,
  fileSource,
  paragraphCandidates,
  paragraphCount,
  paragraphSource,
  type SuggestCandidate,
  type SuggestSource,
  tokenizeWords,
} from '../store/sqlite/search/suggest-queries.ts';
import { contentPairs, isContent, sharedRuns, type Token, tokens, words } from './suggest-text.ts';

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

const quote = (word: string) => `"${word.replace(/"/g, '""')}"`;

/** Index tokens of words, per connection, so the temporary tokenizer table sees each word once. */
const stemCaches = new Map<string, Map<string, string[]>>();
const STEM_CACHE_SIZE = 200_000;

/** The index terms of the words of some texts, analysed in the source's language (cached per language). */
function stemmer(texts: string[], language: string | null) {
  let cache = stemCaches.get(language ?? '');
  if (!cache || cache.size > STEM_CACHE_SIZE) {
    cache = new Map<string, string[]>();
    stemCaches.set(language ?? '', cache);
  }
  const missing = [...new Set(texts.flatMap((t) => [...words(t)]))].filter((w) => !cache.has(w));
  for (const [w, stems] of tokenizeWords(missing, language)) cache.set(w, stems);
  return (word: string) => cache.get(word) ?? [];
}

/** Where the selection comes from, after the permission check; a failure outcome otherwise. */
function resolveSource(
  sqlite: Database.Database,
  p: SuggestParams,
): SuggestSource | Extract<SuggestOutcome, { ok: false }> {
  const hidden = (published: boolean) => !canSee(p.viewer, { published });
  if (p.paragraphId !== undefined) {
    const src = paragraphSource(sqlite, p.paragraphId);
    if (!src || hidden(src.published))
      return { ok: false, status: 404, what: 'Paragraph', id: p.paragraphId };
    return src;
  }
  const fileId = p.fileId ?? '';
  const file = fileSource(sqlite, fileId);
  if (!file || hidden(file.published)) return { ok: false, status: 404, what: 'File', id: fileId };
  const start = p.start ?? 0;
  const end = p.end ?? 0;
  if (!(start >= 0 && end > start && end <= file.fullText.length))
    return {
      ok: false,
      status: 400,
      field: 'end',
      message: file.fullText
        ? `The selection ${start}–${end} is outside the file's text (0–${file.fullText.length})`
        : 'The file has no text yet',
    };
  return { ...file, fileId, start, end, text: file.fullText.slice(start, end) };
}

export type SalientTerm = { word: string; stem: string; df: number; idf: number; weight: number };

/**
 * The selection's words by tf·idf (BM25 idf over paragraphs), content words only, each once by stem and
 * shown as first written. A word no other paragraph holds cannot find anything and is left out.
 */
export function salientTerms(
  sqlite: Database.Database,
  toks: Token[],
): { all: SalientTerm[]; idf: Map<string, number> } {
  const stems = [...new Set(toks.filter(isContent).map((t) => t.stem))];
  const df = documentFrequencies(sqlite, stems);
  return salience(toks, df, paragraphCount(sqlite));
}

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
 * The paragraphs most like a selection, in one entity's files or across the collection (not the source
 * file), for the "connect passage" dialog: bm25 over the selection's salient words, then a bonus for
 * phrases shared with it, each explained by the shared words and phrases. One read snapshot.
 */
export function suggestParagraphs(sqlite: Database.Database, params: SuggestParams): SuggestOutcome {
  return sqlite.transaction(() => runSuggest(sqlite, params))();
}

function runSuggest(sqlite: Database.Database, p: SuggestParams): SuggestOutcome {
  const limit = Math.max(1, Math.min(p.limit ?? 5, 20));
  const source = resolveSource(sqlite, p);
  if ('ok' in source) return source;
  let scope: string | null = null;
  if (p.targetEntityId !== undefined) {
    const target = entityFiles(sqlite, p.targetEntityId);
    if (!target || !canSee(p.viewer, target))
      return { ok: false, status: 404, what: 'Entity', id: p.targetEntityId };
    if (!target.fileIds.length) return { ok: true, result: { items: [], terms: [] } };
    scope = `file_id : (${target.fileIds.map(quote).join(' OR ')})`;
  }
  // A paragraph source may be megabytes long (old data, a file without line breaks): its words are taken
  // from a window as long as the longest selection, so the work per request stays bounded.
  const sourceText = source.text.slice(0, MAX_SUGGESTION_SOURCE);
  const stemsOf = stemmer([sourceText], source.language);
  const srcTokens = tokens(sourceText, stemsOf);
  const { all, idf } = salientTerms(sqlite, srcTokens);
  const terms = chooseTerms(all);
  if (!terms.length) return { ok: true, result: { items: [], terms: [] } };
  // The paragraph index holds analysed terms: the salient words are matched as their terms.
  const wordsMatch = `text : (${terms.map((t) => quote(t.stem)).join(' OR ')})`;
  const candidates = paragraphCandidates(sqlite, {
    match: scope ? `(${wordsMatch}) AND (${scope})` : wordsMatch,
    excludeFileId: scope ? null : source.fileId,
    exclude: { fileId: source.fileId, start: source.start, end: source.end },
    publishedOnly: publishedOnly(p.viewer),
    limit: limit * SUGGEST_CANDIDATES_PER_RESULT,
  });
  const stemsOfCandidates = stemmer(
    candidates.map((c) => c.text.slice(0, MAX_SUGGESTION_SOURCE)),
    source.language,
  );
  const items = rerank(stemsOfCandidates, sourceText, srcTokens, terms, idf, candidates, limit);
  return { ok: true, result: { items, terms: terms.map((t) => t.word) } };
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
