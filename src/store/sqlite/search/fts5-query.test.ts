import { describe, expect, it } from 'vitest';
import { hostileQueries } from '../../../domain/query-language/hostile-queries.ts';
import { parseQuery } from '../../../domain/query-language/index.ts';
import { compileMatch } from './fts5-query.ts';

const cols = { columns: ['title', 'body'], base: 'tags : "zzall"' };

describe('the query language compiled to FTS5', () => {
  it('never lets FTS5 syntax through', () => {
    for (const q of hostileQueries()) {
      const parsed = parseQuery(q);
      const match = compileMatch(parsed.ast, cols);
      expect(match).not.toContain('\u0000');
      // Outside quoted strings only our own operators and column filters remain.
      const outside = match.replace(/"(?:[^"]|"")*"/g, '');
      expect(outside).toMatch(/^[\s(){}:*a-zA-Z]*$/);
      expect(outside.replace(/\{[a-z ]+\}|tags|AND|OR|NOT/g, '')).toMatch(/^[\s():*]*$/);
    }
  });
});
