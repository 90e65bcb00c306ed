import type Database from 'better-sqlite3';
import { MAX_SUGGESTION_SOURCE } from '../../../domain/schemas/suggestion.ts';
import { canSee, publishedOnly } from '../../../domain/visibility.ts';
import { SUGGEST_CANDIDATES_PER_RESULT } from '../../../search/ranking.ts';
import {
  chooseTerms,
  rerank,
  type SalientTerm,
  type SuggestOutcome,
  type SuggestParams,
  salience,
} from '../../../search/suggest.ts';
import { isContent, type Token, tokens, words } from '../../../search/suggest-text.ts';
import {
  documentFrequencies,
  entityFiles,
  fileSource,
  paragraphCandidates,
  paragraphCount,
  paragraphSource,
  type SuggestSource,
  tokenizeWords,
} from './suggest-queries.ts';

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
