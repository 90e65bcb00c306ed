import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { termForms } from '../../../domain/text-analysis/index.ts';
import type { SearchParams, SearchResult } from '../../../search/search.ts';
import { indexEntity, removeEntity } from './indexer.ts';
import { search } from './search.ts';
import { bruteForceCounts, type Filter, randomCorpus, standardTemplates, VOCAB } from './test-data.ts';
import { createFixture, type Fixture, scoringEverything } from './test-fixtures.ts';
import { listKey } from './top-term-scores.ts';
import { rebuildStaleTopTerms, rebuildTopTerms } from './top-terms.ts';

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

/** The entities listed for a typed word (its list is keyed by the word's forms). */
const listed = (word: string) =>
  fx.sqlite
    .prepare(`SELECT docid FROM search_top_docs WHERE term = ?`)
    .pluck()
    .all(listKey(termForms(word))) as number[];
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
    expect(summary(got)).toEqual(summary(scoringEverything(fx.sqlite, { ...p, cursor })));
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
  it('are built for the written words most entities hold, keyed by their forms, each above a floor', () => {
    const terms = fx.sqlite
      .prepare(`SELECT term, forms, floor FROM search_top_terms ORDER BY term`)
      .all() as {
      term: string;
      forms: string;
      floor: number;
    }[];
    // Every corpus word, including those some language analyses to another form (an OR of forms).
    expect(terms.map((t) => t.term)).toEqual(expect.arrayContaining(VOCAB.map((w) => listKey(termForms(w)))));
    expect(VOCAB.some((w) => termForms(w).length > 1)).toBe(true);
    for (const t of terms) expect(listKey(JSON.parse(t.forms))).toBe(t.term);
    for (const w of VOCAB) {
      expect(listed(w).length).toBeGreaterThan(0);
      expect(listed(w).length).toBeLessThanOrEqual(LIST.docsPerTerm);
    }
    for (const t of terms) expect(t.floor).toBeGreaterThan(0);
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
      fx.sqlite
        .prepare(`UPDATE search_top_docs SET fs = json_set(fs, '$[0]', 1e6) WHERE term = ? AND docid = ?`)
        .run(listKey(termForms('alpha')), last);
      // Lists change only by writes and rebuilds, which readers notice; an edit by hand must say so.
      fx.sqlite.exec(`UPDATE search_state SET value = value + 1 WHERE key = 'top_lists'`);
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

  it('follow writes of a word whose index form a stemmer would change again ("generously" → "generous")', () => {
    const holders = corpus.docs.filter((d) => d.published).slice(0, 40);
    const append = fx.sqlite.prepare(`UPDATE entities SET title = title || ' generously' WHERE id = ?`);
    for (const d of holders) {
      append.run(d.id);
      indexEntity({ sqlite: fx.sqlite, entityId: d.id });
    }
    fx.sqlite.transaction(() => rebuildTopTerms(fx.sqlite, LIST))();
    expect(listed('generously').length).toBeGreaterThan(0);
    const target = corpus.docs.find((d) => d.published && !holders.includes(d))!;
    fx.sqlite
      .prepare(`UPDATE entities SET title = ? WHERE id = ?`)
      .run(Array(12).fill('generously').join(' '), target.id);
    indexEntity({ sqlite: fx.sqlite, entityId: target.id });
    expect(listed('generously')).toContain(docidOf(target.id));
    const [first] = pagesAgree(params('generously', false, []));
    expect(first!.items[0]!.entity.id).toBe(target.id);
  });

  it('are rebuilt at open when a migration dropped them (search_state.top_lists = 0), and only then', () => {
    const count = () => fx.sqlite.prepare(`SELECT count(*) FROM search_top_terms`).pluck().get() as number;
    fx.sqlite.transaction(() => rebuildTopTerms(fx.sqlite, LIST))();
    const before = count();
    expect(before).toBeGreaterThan(0);
    fx.sqlite.exec(`DELETE FROM search_top_terms; UPDATE search_state SET value = 1 WHERE key = 'top_lists'`);
    rebuildStaleTopTerms(fx.sqlite, LIST);
    expect(count()).toBe(0);
    fx.sqlite.exec(`UPDATE search_state SET value = 0 WHERE key = 'top_lists'`);
    rebuildStaleTopTerms(fx.sqlite, LIST);
    expect(count()).toBe(before);
  });
});
