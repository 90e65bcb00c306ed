import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { search } from './search.ts';
import {
  bruteForceCounts,
  type Filter,
  passesFilter,
  randomCorpus,
  standardTemplates,
  VOCAB,
} from './test-data.ts';
import { createFixture, type Fixture } from './test-fixtures.ts';

let fx: Fixture;
let corpus: ReturnType<typeof randomCorpus>;

beforeAll(async () => {
  fx = await createFixture();
  standardTemplates(fx);
  corpus = randomCorpus(fx, 2100, 42);
});
afterAll(() => fx.close());

describe('facets', () => {
  const topicsAnd: Filter = { p: 'topics', vs: ['norms', 'cbms'], op: 'and' };
  const topicsOr: Filter = { p: 'topics', vs: ['norms', 'cbms'], op: 'or' };
  const cases: [string | null, boolean, Filter[]][] = [
    [null, false, []],
    [null, true, []],
    ['alpha', false, []],
    ['bravo', true, [topicsAnd]],
    ['delta', false, [topicsOr]],
    ['echo', true, [{ p: 'documentType', vs: ['strategy'], op: 'or' }]],
    [null, false, [{ p: 'date', vs: ['2003'], op: 'or' }]],
    // Two facets, each filtered: OR facets leave only their own filter out, the AND facet keeps it.
    ['golf', false, [topicsOr, { p: 'documentType', vs: ['strategy', 'statement'], op: 'or' }]],
    [null, true, [topicsAnd, { p: 'documentType', vs: ['legislation'], op: 'or' }]],
    [
      'hotel',
      false,
      [
        { p: 'documentType', vs: ['strategy'], op: 'or', missing: true },
        { p: 'date', vs: ['2001', '2004'], op: 'or' },
        { p: 'topics', vs: ['norms'], op: 'or' },
      ],
    ],
    [null, false, [{ p: 'state', vs: [], op: 'or', missing: true }, topicsOr]],
  ];
  it.each(cases)('match brute-force counts for %s (editor %s, filters %j)', (word, canSeeUnpublished, fs) => {
    const r = search(fx.sqlite, {
      q: word ?? '',
      template: 'Document',
      viewer: { canSeeUnpublished },
      filters: Object.fromEntries(fs.map((f) => [f.p, { values: f.vs, op: f.op, missing: f.missing }])),
      limit: 5,
    });
    const expected = bruteForceCounts(corpus, word, canSeeUnpublished, fs);
    expect(r.total).toBe(expected.total);
    for (const [p, { counts, missing }] of Object.entries(expected.facets)) {
      const got = Object.fromEntries(
        r.facets[p]!.buckets.filter((b) => b.count > 0).map((b) => [b.value, b.count]),
      );
      expect(got).toEqual(counts);
      expect(r.facets[p]!.missing).toBe(missing);
      expect(r.facets[p]!.selfExcluded).toBe(fs.some((f) => f.p === p && f.op === 'or'));
    }
  });

  it('lets a second value of an OR facet be picked, and counts what ticking it would give', () => {
    const viewer = { canSeeUnpublished: false };
    const one = search(fx.sqlite, {
      template: 'Document',
      viewer,
      filters: { documentType: { values: ['strategy'], op: 'or' } },
    });
    const statement = one.facets.documentType!.buckets.find((b) => b.value === 'statement')!;
    expect(statement.count).toBeGreaterThan(0);
    const two = search(fx.sqlite, {
      template: 'Document',
      viewer,
      filters: { documentType: { values: ['strategy', 'statement'], op: 'or' } },
    });
    const strategy = one.facets.documentType!.buckets.find((b) => b.value === 'strategy')!;
    expect(two.total).toBe(strategy.count + statement.count);
    expect(two.total).toBeGreaterThan(one.total);
  });

  it('labels buckets from thesauri and entity titles', () => {
    const r = search(fx.sqlite, { q: '', template: 'Document', viewer: { canSeeUnpublished: true } });
    expect(r.facets.topics!.buckets.map((b) => b.label)).toContain('Confidence-building measures');
    expect(r.facets.state!.buckets[0]!.label).toMatch(/^State s[abc]$/);
  });

  it('filters on missing values and year ranges', () => {
    const viewer = { canSeeUnpublished: true };
    const r = search(fx.sqlite, {
      template: 'Document',
      viewer,
      filters: { documentType: { values: [], op: 'or', missing: true } },
    });
    expect(r.total).toBe(corpus.docs.filter((d) => !d.metadata.documentType).length);
    const y = search(fx.sqlite, { template: 'Document', viewer, yearFrom: 2002, yearTo: 2003 });
    const inRange = corpus.docs.filter((d) =>
      ['2002', '2003'].includes(String(d.metadata.date ?? '').slice(0, 4)),
    );
    expect(y.total).toBe(inRange.length);
  });
});

describe('pagination', () => {
  for (const sort of ['relevance', 'date', 'title'] as const) {
    it(`walks every result exactly once (${sort})`, () => {
      const q = sort === 'relevance' ? VOCAB.slice(0, 6).join(' OR ') : '';
      const viewer = { canSeeUnpublished: true };
      const first = search(fx.sqlite, { q, sort, viewer, template: 'Document', limit: 50 });
      expect(first.total).toBeGreaterThanOrEqual(2000);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const r = search(fx.sqlite, {
          q,
          sort,
          viewer,
          template: 'Document',
          limit: 50,
          cursor,
          facets: false,
          snippets: false,
        });
        seen.push(...r.items.map((i) => i.entity.id));
        cursor = r.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 1000);
      expect(seen.length).toBe(first.total);
      expect(new Set(seen).size).toBe(seen.length);
    });
  }

  it('walks a prefix query with an OR filter exactly once, totals and counts matching brute force', () => {
    const viewer = { canSeeUnpublished: false };
    const filters = { topics: { values: ['norms', 'cbms'], op: 'or' as const } };
    const expected = corpus.docs.filter(
      (d) =>
        d.published &&
        (d.words.has('alpha') || d.words.has('bravo')) &&
        !d.words.has('kilo') &&
        passesFilter(d.metadata, { p: 'topics', vs: ['norms', 'cbms'], op: 'or' }),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    let total = -1;
    do {
      const r = search(fx.sqlite, {
        q: 'alp* OR brav* -kil*',
        viewer,
        filters,
        template: 'Document',
        limit: 37,
        cursor,
        snippets: false,
      });
      total = r.total;
      seen.push(...r.items.map((i) => i.entity.id));
      cursor = r.nextCursor ?? undefined;
    } while (cursor);
    expect(total).toBe(expected.length);
    expect(new Set(seen)).toEqual(new Set(expected.map((d) => d.id)));
    expect(seen.length).toBe(expected.length);
  });
});
