import { describe, expect, it } from 'vitest';
import { MAX_TERMS } from './ast.ts';
import { hostileQueries } from './hostile-queries.ts';
import { parseQuery } from './parse.ts';

describe('parseQuery', () => {
  it('reads words, phrases, OR, exclusions and prefixes', () => {
    const { ast, hints } = parseQuery('cyber "due diligence" norms OR rules -draft secur*');
    expect(hints).toEqual([]);
    expect(ast.must).toEqual([
      { any: [{ kind: 'word', text: 'cyber', prefix: false }] },
      { any: [{ kind: 'phrase', text: 'due diligence' }] },
      {
        any: [
          { kind: 'word', text: 'norms', prefix: false },
          { kind: 'word', text: 'rules', prefix: false },
        ],
      },
      { any: [{ kind: 'word', text: 'secur', prefix: true }] },
    ]);
    expect(ast.not).toEqual([{ kind: 'word', text: 'draft', prefix: false }]);
  });

  it('treats AND, NEAR, NOT and lowercase or as words', () => {
    const { ast } = parseQuery('a AND b NEAR c NOT d or e');
    expect(ast.must.map((c) => c.any.map((t) => t.text).join('|'))).toEqual([
      'a',
      'AND',
      'b',
      'NEAR',
      'c',
      'NOT',
      'd',
      'or',
      'e',
    ]);
  });

  it('closes an unbalanced quote and says so', () => {
    const { ast, hints } = parseQuery('"state practice');
    expect(ast.must[0]!.any[0]).toEqual({ kind: 'phrase', text: 'state practice' });
    expect(hints.join(' ')).toMatch(/closing quotation/);
  });

  it('caps the number of terms with a hint', () => {
    const { ast, hints } = parseQuery('word '.repeat(1000));
    expect(ast.must.length).toBe(MAX_TERMS);
    expect(hints.join(' ')).toMatch(String(MAX_TERMS));
  });

  it('splits field syntax and ignores parentheses', () => {
    const { ast, hints } = parseQuery('title:(cyber OR norms)');
    expect(ast.must.flatMap((c) => c.any.map((t) => t.text))).toEqual(['title', 'cyber', 'norms']);
    expect(hints.length).toBe(2);
  });

  it('drops terms with nothing searchable', () => {
    const { ast, hints } = parseQuery('🔥 !!! --- * "" ""');
    expect(ast).toEqual({ must: [], not: [] });
    expect(hints.length).toBeGreaterThan(0);
  });

  it('keeps right-to-left and CJK text', () => {
    expect(parseQuery('الأمن السيبراني').ast.must.length).toBe(2);
    expect(parseQuery('网络安全').ast.must[0]!.any[0]!.text).toBe('网络安全');
    expect(parseQuery('\u202eкибер\u202c безопасность').ast.must.map((c) => c.any[0]!.text)).toEqual([
      'кибер',
      'безопасность',
    ]);
  });
});

describe('hostile input', () => {
  it('never throws on hostile input (its FTS5 compilation: store/sqlite/search/fts5-query.test.ts)', () => {
    for (const q of hostileQueries()) expect(() => parseQuery(q)).not.toThrow();
  });

  it('accepts non-string input', () => {
    expect(parseQuery(undefined).ast).toEqual({ must: [], not: [] });
    expect(parseQuery(42).ast).toEqual({ must: [], not: [] });
  });
});
