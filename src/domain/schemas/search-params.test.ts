import { describe, expect, it } from 'vitest';
import { SEARCH_LIMIT_MAX, SearchQuery, searchQueryParams } from './search.ts';

describe('searchQueryParams', () => {
  it('writes what SearchQuery reads back unchanged', () => {
    const request = {
      q: 'cyber "norms"',
      template: 'Document',
      yearFrom: 2015,
      yearTo: 2024,
      sort: 'date' as const,
      cursor: 'abc',
      limit: 40,
      filters: {
        documentType: { values: ['strategy', 'law'], op: 'and' as const, missing: true },
        states: { values: ['kenya1'] },
      },
    };
    expect(SearchQuery.parse(searchQueryParams(request))).toEqual({
      ...request,
      filters: {
        documentType: { values: ['strategy', 'law'], op: 'and', missing: true },
        states: { values: ['kenya1'], op: 'or' },
      },
    });
  });

  it('clamps the limit to the schema maximum, so the server never refuses it', () => {
    for (const limit of [0, 500, 1e9, Number.NaN])
      expect(SearchQuery.safeParse(searchQueryParams({ q: 'x', limit })).success).toBe(true);
    expect(searchQueryParams({ limit: 500 }).limit).toBe(String(SEARCH_LIMIT_MAX));
  });
});
