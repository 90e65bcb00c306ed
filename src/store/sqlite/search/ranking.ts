import { ENTITY_COLUMN_WEIGHTS, PARAGRAPH_COLUMN_WEIGHTS } from '../../../search/ranking.ts';

// The ranking constants are the engines' shared ones (src/search/ranking.ts); re-exported so the FTS5
// modules and the PostgreSQL engine keep one import for them. Only the SQL is this engine's own.
export * from '../../../search/ranking.ts';

const bm25 = (table: string, weights: Record<string, number>) =>
  `bm25(${table}, ${Object.values(weights)
    .map((w) => w.toFixed(1))
    .join(', ')})`;

/** The SQL ranking expressions (FTS5: lower is better). */
export const ENTITY_BM25 = bm25('search_entities_fts', ENTITY_COLUMN_WEIGHTS);
export const PARAGRAPH_BM25 = bm25('search_paragraphs_fts', PARAGRAPH_COLUMN_WEIGHTS);
