import type { Viewer } from '../domain/visibility.ts';
import type { TitleSuggestion } from './autocomplete.ts';
import type { SearchParams, SearchResult } from './search.ts';
import type { SuggestOutcome, SuggestParams } from './suggest.ts';
import type { FileMatch } from './within-file.ts';

/**
 * What operations ask of search, whatever engine answers (docs/ARCHITECTURE.md, decision 19). Every call
 * carries the viewer the operation derived from its actor (`viewerOf`), so the engine applies the one
 * visibility rule and never decides who reads. Results are plain data: the FTS5 implementation answers from
 * worker processes (`createSearchPool`), a PostgreSQL one would answer from its own connections.
 */
export type SearchProvider = {
  /**
   * A page of entities with facets, snippets and a cursor. `generation`: the write generation the caller
   * already read for this request (its ETag's), which a result cache then uses instead of reading it again.
   */
  search(params: SearchParams, opts?: { generation?: number }): Promise<SearchResult>;
  /** Every matching paragraph of one file, in reading order; null when the file is unknown or hidden. */
  searchWithinFile(params: WithinFileParams): Promise<{ matches: FileMatch[]; hints: string[] } | null>;
  /** Entity titles for pickers. */
  autocompleteTitles(params: AutocompleteParams): Promise<TitleSuggestion[]>;
  /** Paragraphs most like a passage; failures are plain outcomes the operation turns into errors. */
  suggestParagraphs(params: SuggestParams): Promise<SuggestOutcome>;
  /** The whole result set as CSV or JSON, page by page; the first chunk comes once the first page is in. */
  exportResults(params: SearchParams, format: 'csv' | 'json'): AsyncGenerator<string>;
  /** Lets calls in flight finish for up to `drainMs`, then releases the engine's resources. */
  close(opts?: { drainMs?: number }): Promise<void>;
};

export type WithinFileParams = { fileId: string; q: string; viewer: Viewer };
export type AutocompleteParams = { q: string; template?: string; limit?: number; viewer: Viewer };

/** The failures any provider may answer with (the HTTP layer makes both 503). */
export { SearchTimeout, SearchUnavailable } from './errors.ts';
export type { FileMatch, SearchParams, SearchResult, SuggestOutcome, SuggestParams, TitleSuggestion };
