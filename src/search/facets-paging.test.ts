import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from '../store/sqlite/search/test-fixtures.ts';
import { search } from './search.ts';
import { randomCorpus, standardTemplates, VOCAB } from './test-data.ts';

let fx: Fixture;
let corpus: ReturnType<typeof randomCorpus>;

beforeAll(async () => {
  fx = await createFixture();
  standardTemplates(fx);
  corpus = randomCorpus(fx, 2100, 42);
});
afterAll(() => fx.close());

const values = (md: Record<string, unknown>, p: string): string[] => {
  const v = md[p];
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v.map(String) : [String(v)];
  return p === 'date' ? list.map((d) => d.slice(0, 4)) : list;
};

/** Facet counts computed the slow, obvious way from the fixture's own record of what it wrote. */
function bruteForce(
  word: string | null,
  canSeeUnpublished: boolean,
  filter?: { p: string; vs: string[]; op: 'and' | 'or' },
) {
  const matched = corpus.docs.filter((d) => {
    if (!canSeeUnpublished && !d.published) return false;
    if (word && !d.words.has(word)) return false;
    if (filter) {
      const have = values(d.metadata, filter.p);
      return filter.op === 'and'
        ? filter.vs.every((v) => have.includes(v))
        : filter.vs.some((v) => have.includes(v));
    }
    return true;
  });
  const facets: Record<string, { counts: Record<string, number>; missing: number }> = {};
  for (const p of ['documentType', 'topics', 'state', 'date']) {
    const counts: Record<string, number> = {};
    let missing = 0;
    for (const d of matched) {
      const vs = values(d.metadata, p);
      if (!vs.length) missing++;
      for (const v of vs) counts[v] = (counts[v] ?? 0) + 1;
    }
    facets[p] = { counts, missing };
  }
  return { total: matched.length, facets };
}

describe('facets', () => {
  const cases: [string | null, boolean, { p: string; vs: string[]; op: 'and' | 'or' } | undefined][] = [
    [null, false, undefined],
    [null, true, undefined],
    ['alpha', false, undefined],
    ['bravo', true, { p: 'topics', vs: ['norms', 'cbms'], op: 'and' }],
    ['delta', false, { p: 'topics', vs: ['norms', 'cbms'], op: 'or' }],
    ['echo', true, { p: 'documentType', vs: ['strategy'], op: 'or' }],
    [null, false, { p: 'date', vs: ['2003'], op: 'or' }],
  ];
  it.each(cases)(
    'match brute-force counts for %s (editor %s, filter %j)',
    (word, canSeeUnpublished, filter) => {
      const r = search(fx.sqlite, {
        q: word ?? '',
        template: 'Document',
        viewer: { canSeeUnpublished },
        filters: filter ? { [filter.p]: { values: filter.vs, op: filter.op } } : {},
        limit: 5,
      });
      const expected = bruteForce(word, canSeeUnpublished, filter);
      expect(r.total).toBe(expected.total);
      for (const [p, { counts, missing }] of Object.entries(expected.facets)) {
        const got = Object.fromEntries(
          r.facets[p]!.buckets.filter((b) => b.count > 0).map((b) => [b.value, b.count]),
        );
        expect(got).toEqual(counts);
        expect(r.facets[p]!.missing).toBe(missing);
      }
    },
  );

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
});
