import type { Viewer } from '../domain/visibility.ts';
import type { CardFact, FieldSnippet } from './card.ts';
import type { SortMode } from './cursor.ts';
import type { FacetResult, FilterInput } from './facets.ts';
import type { Snippet } from './snippets.ts';

// What a search asks and answers, whatever the engine (the FTS5 one is store/sqlite/search/search.ts).
export type { Viewer };

export type SearchParams = {
  q?: string;
  filters?: Record<string, FilterInput>;
  template?: string;
  yearFrom?: number;
  yearTo?: number;
  sort?: SortMode;
  cursor?: string;
  limit?: number;
  viewer: Viewer;
  /** Off for exports: no snippets, no facets. */
  snippets?: boolean;
  /** Off: no card facts or metadata passages (the benchmark's comparison); on by default with snippets. */
  cards?: boolean;
  facets?: boolean;
};

export type SearchItem = {
  entity: {
    id: string;
    title: string;
    template: string;
    metadata: Record<string, unknown>;
    published: boolean;
  };
  templateLabel: string;
  facts: CardFact[];
  score: number;
  snippets: Snippet[];
  fields: FieldSnippet[];
};

export type SearchResult = {
  total: number;
  items: SearchItem[];
  facets: Record<string, FacetResult>;
  nextCursor: string | null;
  hints: string[];
};
