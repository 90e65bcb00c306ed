/**
 * Every constant that decides the order of search hits and suggestions, in one place, so tuning one is a
 * change here and its reason stays beside it. The FTS5 provider reads them; another engine's provider
 * (PostgreSQL's ts_rank weights) would map the same column weights onto its own ranking.
 */

/**
 * bm25 column weights of the entity index, in its column order: title ≫ metadata > full text; tags (the
 * facet tokens) never score.
 */
export const ENTITY_COLUMN_WEIGHTS = { title: 10, meta: 4, body: 1, tags: 0 } as const;
/** bm25 column weights of the paragraph index: its text; `file_id` (a filter column) never scores. */
export const PARAGRAPH_COLUMN_WEIGHTS = { text: 1, file_id: 0 } as const;

/**
 * Entities among the best-scored that get checked for the typed words side by side; those holding them
 * move above all the rest (a bonus of the best score + 1): an exact phrase ranks above scattered words.
 */
export const PHRASE_CANDIDATES = 200;

// Suggestions (the "connect passage" dialog): bm25 over the passage's salient words, then re-ranked.

/** Salient words searched for: enough to reach a paraphrase, few enough that rare words dominate bm25. */
export const SUGGEST_MAX_TERMS = 32;
/** Words always searched for, however common (a short selection may have only common words). */
export const SUGGEST_MIN_TERMS = 8;
/**
 * Budget of paragraphs holding the searched words (sum of their document frequencies): bounds the work
 * of one query however large the collection. Among 50,000 filler paragraphs (bench/suggest) 20,000 cut
 * collection-wide top-5 from 83 % to 61 %; 100,000 finds 2 of 83 pairs fewer than no budget and is 4×
 * faster than searching every word.
 */
export const SUGGEST_MAX_POSTINGS = 100_000;
/** Paragraphs re-ranked with the phrase bonus, per paragraph returned. */
export const SUGGEST_CANDIDATES_PER_RESULT = 6;
/**
 * Bonus per shared pair of neighbouring words, times the pair's mean idf: a shared phrase ("critical
 * information infrastructure") is stronger evidence of the same subject than the words scattered.
 */
export const SUGGEST_PHRASE_WEIGHT = 1;
/** Headings are short, so bm25 length normalisation over-rates them; a connection rarely targets one. */
export const SUGGEST_HEADING_FACTOR = 0.5;

/**
 * PostgreSQL: every match is ranked on its small vector (title, metadata, the text's opening); this many
 * of the best are then ranked again on their full text. Reading a full vector is the cost of PostgreSQL
 * ranking (a decompressed TOAST value per entity, ~0.1 ms), so it is paid for the candidates of the first
 * pages (three of 20), not for every match (200 cost 20–40 ms a search). Full-text scores only add to the
 * small one, so the re-ranked move up, never down: later pages keep the small vector's order after them.
 */
export const FULL_RANK_CANDIDATES = 60;

// Top lists of frequent words (store/sqlite/search/top-terms.ts): the bm25 of a word in most of the
// collection is served from a precomputed list instead of scoring every entity that holds it.

/** A word gets a list when at least this many entities hold it (fewer are scored fast enough). */
export const TOP_TERM_MIN_DOCS = 1000;
/** Most words listed: the most frequent ones, which cost the most. */
export const TOP_TERMS_MAX = 256;
/** Entities per list: 25 pages of 20 before a query falls back to scoring every match. */
export const TOP_TERM_DOCS = 500;
