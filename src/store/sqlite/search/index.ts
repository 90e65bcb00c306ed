/** The FTS5 search engine: index maintenance (called by store/ingest code) and queries (called via the pool). */
export type { TitleSuggestion } from '../../../search/autocomplete.ts';
export { exportResults } from '../../../search/export.ts';
export type { SearchItem, SearchParams, SearchResult, Viewer } from '../../../search/search.ts';
export type { FileMatch } from '../../../search/within-file.ts';
export { autocompleteTitles } from './autocomplete.ts';
export { indexEntity, indexFile, reindexAll, removeEntity } from './indexer.ts';
export { search } from './search.ts';
export { searchWithinFile } from './within-file.ts';
export { createSearchPool, type SearchPool } from './worker-pool.ts';
