import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../../../test/postgres/test-database.ts';
import { hostileQueries } from '../../../domain/query-language/hostile-queries.ts';
import { parseQuery } from '../../../domain/query-language/index.ts';
import { foldedWords, indexTerms } from '../../../domain/text-analysis/index.ts';
import {
  analysedLexicon,
  asRankTerms,
  boostPhrase,
  compileText,
  isPhrase,
  lastAsPrefix,
  pairsAreExact,
  paragraphTsquery,
  phraseAsAnd,
  phrasePairs,
} from './tsquery.ts';

/*
 * The query language compiled to tsquery, checked against PostgreSQL itself: texts are indexed as the
 * engine indexes them (the domain's terms in the migrated database's `cp_terms` configuration), and every
 * compiled query is parsed and matched there.
 */

let pool: pg.Pool;
let drop: () => Promise<void>;

beforeAll(async () => {
  const db = await createTestDatabase(inject('postgresUrl'), inject('postgresTemplate'));
  drop = db.drop;
  pool = new pg.Pool({ connectionString: db.url, max: 2 });
});
afterAll(async () => {
  await pool?.end();
  await drop?.();
});

/**
 * Whether a text (in `language`, indexed as the entity index would) matches the query's conditions, the
 * query analysed in `languages` (every language when unset).
 */
async function matches(q: string, text: string, language = 'en', languages?: string[]): Promise<boolean> {
  const ast = parseQuery(q).ast;
  const params: unknown[] = [indexTerms(text, language), foldedWords(text)];
  const compiled = compileText(
    ast,
    analysedLexicon(languages),
    (v) => {
      params.push(v);
      return `$${params.length}`;
    },
    (p, pairs) =>
      pairs ? `(cp_word_pairs(tsv) @@ ${pairs}::tsquery AND tsv @@ ${p}::tsquery)` : `(tsv @@ ${p}::tsquery)`,
  );
  if (!compiled.possible) return false;
  const where = compiled.where.length ? compiled.where.join(' AND ') : 'true';
  const { rows } = await pool.query(
    `SELECT ${where} AS ok FROM (SELECT cp_tsvector('cp_terms', $1) AS tsv,
       strip(cp_tsvector('cp_terms', $2)) AS words) x`,
    params,
  );
  return rows[0].ok;
}

describe('query language → tsquery', () => {
  it('stems words in every language and folds case and accents', async () => {
    expect(await matches('cooperation', 'Governments are cooperating')).toBe(true);
    expect(await matches('cybersecurite', 'Stratégie de cybersécurité', 'fr')).toBe(true);
    expect(await matches('стратегия', 'ДОКТРИНА и стратегии безопасности', 'ru')).toBe(true);
    expect(await matches('الأمن', 'تعزيز الْأَمْنِ السيبراني', 'ar')).toBe(true);
    expect(await matches('the', 'the state')).toBe(true);
  });

  it("analyses the query in the reader's language only when asked", async () => {
    // Spanish stems "castaba" to 'cast', which an English text's "cast" also is: every language's
    // form is tried by default, only the Spanish one in Spanish.
    expect(await matches('castaba', 'a cast of actors', 'en')).toBe(true);
    expect(await matches('castaba', 'a cast of actors', 'en', ['es'])).toBe(true);
    expect(await matches('strategies', 'La stratégie nationale', 'fr', ['en'])).toBe(false);
    expect(await matches('stratégiques', 'La stratégie nationale', 'fr', ['fr'])).toBe(true);
  });

  it('matches phrases as adjacent words, and only so', async () => {
    expect(await matches('"due diligence"', 'exercise due diligence in')).toBe(true);
    expect(await matches('"due diligence"', 'what is due: diligence')).toBe(true);
    expect(await matches('"due diligence"', 'diligence is due')).toBe(false);
  });

  it('matches prefixes as written, not as stems', async () => {
    expect(await matches('cooperat*', 'they are cooperating')).toBe(true);
    expect(await matches('cooperat*', 'the cooper barrel')).toBe(false);
    expect(await matches('e-gov*', 'e-government services')).toBe(true);
  });

  it('ANDs clauses, ORs alternatives and excludes NOT terms', async () => {
    expect(await matches('cyber norms', 'norms of cyber conduct')).toBe(true);
    expect(await matches('cyber norms', 'cyber conduct')).toBe(false);
    expect(await matches('norms OR rules cyber', 'cyber rules')).toBe(true);
    expect(await matches('cyber -draft', 'cyber draft')).toBe(false);
    expect(await matches('cyber -draft', 'cyber final')).toBe(true);
    expect(await matches('-draft', 'final text')).toBe(true);
    expect(await matches('cyber -dra*', 'cyber drafting')).toBe(false);
  });

  it('splits CJK into characters, so a word is a substring', async () => {
    expect(await matches('网络安全', '我们的网络安全战略', 'zh')).toBe(true);
    expect(await matches('安全网络', '我们的网络安全战略', 'zh')).toBe(false);
  });

  it('treats tsquery syntax typed by a reader as plain text', async () => {
    expect(await matches("a & b | !c <-> 'd':*", 'a b c d')).toBe(true);
    expect(await matches('x:*A', 'x a')).toBe(true);
  });

  it('compiles every hostile query into tsqueries PostgreSQL accepts', async () => {
    const compiled: string[] = [];
    for (const q of hostileQueries(800)) {
      const ast = parseQuery(q).ast;
      const lex = analysedLexicon();
      compileText(
        ast,
        lex,
        (v) => {
          if (typeof v === 'string') compiled.push(v);
          return '$1';
        },
        (p) => p,
      );
      const para = paragraphTsquery(ast, lex, { anyClause: true });
      if (para) compiled.push(para);
      const boost = boostPhrase(ast, lex);
      if (boost) compiled.push(boost);
    }
    expect(compiled.length).toBeGreaterThan(500);
    const { rows } = await pool.query(`SELECT count(q::tsquery)::int AS n FROM unnest($1::text[]) AS q`, [
      compiled,
    ]);
    expect(rows[0].n).toBe(compiled.length);
  });

  it('finds every text holding a phrase through its word pairs, and far fewer than through its words', async () => {
    expect(phrasePairs(`'due' <-> 'dilig'`)).toBe(`'due dilig'`);
    expect(phrasePairs(`'a' <-> 'b' <2> 'c' <-> 'a' <-> 'b'`)).toBe(`'a b' & 'c a'`);
    expect(phrasePairs(`'it''s' <-> 'x\\y'`)).toBe(`'it''s x\\y'`);
    expect(phrasePairs(`'a' | 'b'`)).toBeNull();
    expect(phrasePairs(`'a' <-> 'b':*`)).toBeNull();
    expect(phrasePairs(`'a' <2> 'b'`)).toBeNull();
    expect(phrasePairs(`('a' <-> 'b')`)).toBe(`'a b'`);
    expect(phrasePairs(`('a') | ('b')`)).toBeNull();
    // A phrase typed once is one chain per language's forms: an OR of their pairs, each chain whole.
    expect(phrasePairs(`(('trocagri' <-> 'peri') | ('trocagr' <-> 'per'))`)).toBe(
      `('trocagri peri') | ('trocagr per')`,
    );
    expect(phrasePairs(`('a' <-> 'b' <-> 'c') | ('a' <-> 'b' <-> 'c')`)).toBe(`'a b' & 'b c'`);
    expect(phrasePairs(`('a' <-> 'b') | ('c')`)).toBeNull();
    expect(phrasePairs(`('a' <-> 'b') | 'c' <-> 'd'`)).toBeNull();
    expect(phrasePairs(`('a|b' <-> 'c)') | ('d' <-> 'e')`)).toBe(`('a|b c)') | ('d e')`);
    // Two words side by side are their pair; longer chains or gaps need the positions checked.
    expect(pairsAreExact(`(('trocagri' <-> 'peri') | ('trocagr' <-> 'per'))`)).toBe(true);
    expect(pairsAreExact(`'a' <-> 'b' <-> 'c'`)).toBe(false);
    expect(pairsAreExact(`('a' <-> 'b') | ('a' <-> 'b' <-> 'c')`)).toBe(false);
    expect(pairsAreExact(`'a' <2> 'b' <-> 'c'`)).toBe(false);
    expect(pairsAreExact(`'a' | 'b'`)).toBe(false);
    const texts = [
      'exercise due diligence in the e-government of it’s state',
      "what is due: diligence, it's the e-gov way",
      'diligence is due, due diligence is due again',
      'the due process of diligence',
      'Un État exerce la diligence requise',
    ];
    const phrases = [
      '"due diligence"',
      '"diligence is due"',
      '"e-gov way"',
      '"it\'s the"',
      '"process of"',
      '"diligence requise"',
      '"due process diligence"',
    ];
    let holders = 0;
    let wordHolders = 0;
    // In English alone (one chain) and in every language at once (an OR of chains, as a query is run).
    for (const [q, languages] of phrases.flatMap(
      (p) =>
        [
          [p, ['en']],
          [p, undefined],
        ] as const,
    )) {
      const ast = parseQuery(q).ast;
      const phrase = paragraphTsquery(ast, analysedLexicon(languages && [...languages]))!;
      const pairs = phrasePairs(phrase);
      expect(pairs, q).not.toBeNull();
      const { rows } = await pool.query(
        `SELECT cp_tsvector('cp_terms', t) @@ $1::tsquery AS phrase, cp_tsvector('cp_terms', t) @@ $3::tsquery AS words,
           cp_word_pairs(cp_tsvector('cp_terms', t)) @@ $2::tsquery AS pairs FROM unnest($4::text[]) AS t`,
        [phrase, pairs, phraseAsAnd(phrase), texts.map((t) => indexTerms(t, 'en'))],
      );
      for (const [i, r] of rows.entries()) {
        // The pairs are a necessary condition: no holder of the phrase is lost through them.
        if (r.phrase) expect(r.pairs, `${q} in ${texts[i]}`).toBe(true);
        if (pairsAreExact(phrase))
          expect(r.pairs, `${q} in ${texts[i]}: pairs are the phrase`).toBe(r.phrase);
        holders += Number(r.pairs);
        wordHolders += Number(r.words);
      }
    }
    expect(holders).toBeLessThan(wordHolders);
  });

  it('rewrites operators outside quoted lexemes only', () => {
    const q = `'a<->b' <-> 'c' & !'d|e'`;
    expect(isPhrase(q)).toBe(true);
    expect(isPhrase(`'a<->b' & 'c'`)).toBe(false);
    expect(phraseAsAnd(q)).toBe(`'a<->b' & 'c' & !'d|e'`);
    expect(asRankTerms(`'a' <-> 'b' & 'c'`)).toBe(`'a' | 'b' | 'c'`);
    expect(lastAsPrefix(`'e' <-> 'gov'`)).toBe(`'e' <-> 'gov':*`);
  });
});
