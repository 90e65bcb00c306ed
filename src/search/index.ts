/** The search module: index maintenance (called by store/ingest code) and queries (called via the pool). */
export { autocompleteTitles, type TitleSuggestion } from './autocomplete.ts';
export { exportResults } from './export.ts';
export { indexEntity, indexFile, reindexAll, removeEntity } from './indexer.ts';
export { type SearchItem, type SearchParams, type SearchResult, search, type Viewer } from './search.ts';
export { type FileMatch, searchWithinFile } from './within-file.ts';
export { createSearchPool, type SearchPool } from './worker-pool.ts';
