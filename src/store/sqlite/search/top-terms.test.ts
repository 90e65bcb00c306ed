import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { termForms } from '../../../domain/text-analysis/index.ts';
import type { SearchParams, SearchResult } from '../../../search/search.ts';
import { indexEntity, removeEntity } from './indexer.ts';
import { search } from './search.ts';
import { bruteForceCounts, type Filter, randomCorpus, standardTemplates, VOCAB } from './test-data.ts';
import { createFixture, type Fixture } from './test-fixtures.ts';
import { rebuildTopTerms } from './top-terms.ts';

/*
 * Frequent words ranked from their top lists (issue 16 item 1). Small lists (15 entities above the floor)
 * over a seeded corpus, so a query's first pages come from the list and later ones, or selective filters,
 * fall back to scoring the whole match: either way the answer must be the one scoring everything gives,
 * with exact totals and facet counts (checked against a brute force over what the fixture wrote).
 */
let fx: Fixture;
let corpus: ReturnType<typeof randomCorpus>;
const LIST = { minDocs: 20, docsPerTerm: 15 };

beforeAll(async () => {
  fx = await createFixture();
  standardTemplates(fx);
  corpus = randomCorpus(fx, 300, 16);
  fx.sqlite.transaction(() => rebuildTopTerms(fx.sqlite, LIST))();
});
afterAll(() => fx.close());

/** The same search with every list hidden (rolled back): FTS5 scores the whole match. */
function scoringEverything(p: SearchParams): SearchResult {
  fx.sqlite.exec('SAVEPOINT unlisted; DELETE FROM search_top_docs; DELETE FROM search_top_terms;');
  try {
    return search(fx.sqlite, p);
  } finally {
    fx.sqlite.exec('ROLLBACK TO unlisted; RELEASE unlisted;');
  }
}

const listed = (term: string) =>
  fx.sqlite.prepare(`SELECT docid FROM search_top_docs WHERE term = ?`).pluck().all(term) as number[];
const docidOf = (entityId: string) =>
  fx.sqlite.prepare(`SELECT docid FROM search_entities WHERE entity_id = ?`).pluck().get(entityId) as number;
const summary = (r: SearchResult) => ({
  total: r.total,
  items: r.items.map((i) => [i.entity.id, i.score]),
  facets: r.facets,
  nextCursor: r.nextCursor,
});

/** Pages 1–4 of a query, each compared with scoring everything; returns the pages. */
function pagesAgree(p: SearchParams): SearchResult[] {
  const pages: SearchResult[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 4; i++) {
    const got = search(fx.sqlite, { ...p, cursor });
    expect(summary(got)).toEqual(summary(scoringEverything({ ...p, cursor })));
    pages.push(got);
    if (!got.nextCursor) break;
    cursor = got.nextCursor;
  }
  return pages;
}

const topicsAnd: Filter = { p: 'topics', vs: ['norms', 'cbms'], op: 'and' };
const typeOr: Filter = { p: 'documentType', vs: ['strategy', 'statement'], op: 'or' };
const params = (word: string, canSeeUnpublished: boolean, fs: Filter[]): SearchParams => ({
  q: word,
  template: 'Document',
  viewer: { canSeeUnpublished },
  filters: Object.fromEntries(fs.map((f) => [f.p, { values: f.vs, op: f.op }])),
  sort: 'relevance',
  limit: 5,
});

describe('top lists of frequent words', () => {
  it('are built for the words most entities hold (the corpus words among them), each above a floor', () => {
    const terms = fx.sqlite.prepare(`SELECT term, floor FROM search_top_terms ORDER BY term`).all() as {
      term: string;
      floor: number;
    }[];
    // Listed: the corpus words every language analyses to one token (the query then matches it alone).
    const single = VOCAB.filter((w) => termForms(w).join() === w);
    expect(single.length).toBeGreaterThanOrEqual(4);
    expect(terms.map((t) => t.term)).toEqual(expect.arrayContaining(single));
    for (const t of terms) expect(termForms(t.term)).toEqual([t.term]);
    for (const t of terms) {
      expect(listed(t.term).length).toBeGreaterThan(0);
      expect(listed(t.term).length).toBeLessThanOrEqual(LIST.docsPerTerm);
      expect(t.floor).toBeGreaterThan(0);
    }
  });

  const cases: [string, boolean, Filter[]][] = VOCAB.flatMap((w, i): [string, boolean, Filter[]][] => [
    [w, i % 2 === 0, []],
    [w, false, [i % 2 ? topicsAnd : typeOr]],
  ]);
  it.each(cases)(
    'rank "%s" (editor %s, filters %j) as scoring everything does, counts exact',
    (w, editor, fs) => {
      const [first] = pagesAgree(params(w, editor, fs));
      const expected = bruteForceCounts(corpus, w, editor, fs);
      expect(first!.total).toBe(expected.total);
      for (const [p, { counts, missing }] of Object.entries(expected.facets)) {
        const got = Object.fromEntries(
          first!.facets[p]!.buckets.filter((b) => b.count > 0).map((b) => [b.value, b.count]),
        );
        expect(got).toEqual(counts);
        expect(first!.facets[p]!.missing).toBe(missing);
      }
    },
  );

  it('serve the first page from the list (a listed entity given a huge count comes first)', () => {
    const ids = listed('alpha');
    const last = ids[ids.length - 1]!;
    fx.sqlite.exec('SAVEPOINT boosted');
    try {
      fx.sqlite.prepare(`UPDATE search_top_docs SET f = 1e6 WHERE term = 'alpha' AND docid = ?`).run(last);
      const r = search(fx.sqlite, params('alpha', true, []));
      expect(docidOf(r.items[0]!.entity.id)).toBe(last);
    } finally {
      fx.sqlite.exec('ROLLBACK TO boosted; RELEASE boosted;');
    }
  });

  it('follow every write: an entity rewritten to hold the word often joins, a removed one leaves', () => {
    const target = corpus.docs.find((d) => d.published && !d.words.has('alpha'))!;
    fx.sqlite
      .prepare(`UPDATE entities SET title = ? WHERE id = ?`)
      .run(Array(12).fill('alpha').join(' '), target.id);
    indexEntity({ sqlite: fx.sqlite, entityId: target.id });
    target.words.add('alpha');
    expect(listed('alpha')).toContain(docidOf(target.id));
    const [first] = pagesAgree(params('alpha', false, []));
    expect(first!.items[0]!.entity.id).toBe(target.id);
    expect(first!.total).toBe(bruteForceCounts(corpus, 'alpha', false, []).total);

    const docid = docidOf(target.id);
    removeEntity({ sqlite: fx.sqlite, entityId: target.id });
    expect(fx.sqlite.prepare(`SELECT count(*) FROM search_top_docs WHERE docid = ?`).pluck().get(docid)).toBe(
      0,
    );
    pagesAgree(params('alpha', false, []));
  });
});
