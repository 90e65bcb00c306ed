import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyFromSqlite } from '../../../../test/postgres/copy-from-sqlite.ts';
import { createTestDatabase } from '../../../../test/postgres/test-database.ts';
import type { SearchParams, SearchProvider, SearchResult } from '../../../search/provider.ts';
import { indexEntity } from '../../sqlite/search/indexer.ts';
import {
  addDocument,
  DOC_TYPES,
  randomCorpus,
  standardTemplates,
  TOPICS,
  VOCAB,
} from '../../sqlite/search/test-data.ts';
import { createFixture, type Fixture } from '../../sqlite/search/test-fixtures.ts';
import { createSearchPool } from '../../sqlite/search/worker-pool.ts';
import { reindexAll } from './entity-index.ts';
import { createPostgresSearchProvider } from './provider.ts';

/*
 * The search contract: one data set, written once (SQLite fixtures) and copied row for row into
 * PostgreSQL, searched through each engine's SearchProvider with the same calls. Hits, totals, facet
 * counts, cursors and within-file matches must agree, and both must agree with brute force over the rows.
 */

const anon = { canSeeUnpublished: false };
const editor = { canSeeUnpublished: true };
type Engine = 'sqlite' | 'postgres';
const engines: Engine[] = ['sqlite', 'postgres'];

let fx: Fixture;
let pool: pg.Pool;
let drop: () => Promise<void>;
const providers = {} as Record<Engine, SearchProvider>;
let corpus: ReturnType<typeof randomCorpus>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  fx = await createFixture();
  standardTemplates(fx);
  corpus = randomCorpus(fx, 120, 13);
  const filler =
    'The report describes national measures, institutions and international cooperation in general terms.';
  ids.phrase = addDocument(fx, {
    title: 'Report one',
    paragraphs: [filler, 'States should exercise due diligence in cyberspace.', filler],
  });
  ids.scattered = addDocument(fx, {
    title: 'Report two',
    paragraphs: [filler, 'What is due from states is unclear.', filler, 'Diligence matters for operators.'],
  });
  ids.title = addDocument(fx, { title: 'Cyber Resilience Act', paragraphs: [filler] });
  ids.body = addDocument(fx, {
    title: 'Annual overview',
    paragraphs: [
      filler,
      'Resilience of networks was discussed.',
      filler,
      { text: 'Resilience again on page two.', page: 2 } as never,
    ],
  });
  ids.stem = addDocument(fx, {
    title: 'Partnerships',
    paragraphs: ['Governments are cooperating on incident response.'],
  });
  ids.accent = addDocument(fx, {
    title: 'Stratégie nationale de cybersécurité',
    paragraphs: ['La sécurité des systèmes.'],
  });
  ids.cjk = addDocument(fx, {
    title: '国家网络安全战略',
    paragraphs: ['我们的网络安全战略保护关键基础设施。'],
  });
  ids.russian = addDocument(fx, {
    title: 'Доктрина',
    paragraphs: ['Информационная безопасность Российской Федерации'],
  });
  ids.hidden = addDocument(fx, {
    title: 'Secret draft on zebras',
    paragraphs: ['zebra zebra zebra'],
    published: false,
    metadata: { documentType: 'legislation' },
  });
  ids.visible = addDocument(fx, {
    title: 'Public note',
    paragraphs: ['a zebra crossing'],
    metadata: { documentType: 'statement' },
  });
  // A title and a text in other languages (decision 31): found in their own script and analysis.
  ids.translated = addDocument(fx, { title: 'Egypt country note', paragraphs: ['Country note.'] });
  fx.sqlite
    .prepare(`UPDATE entities SET translations = ? WHERE id = ?`)
    .run(
      JSON.stringify({ ar: { title: 'مذكرة قطرية عن مصر' }, fr: { title: 'Note de pays : Égypte' } }),
      ids.translated,
    );
  indexEntity({ sqlite: fx.sqlite, entityId: ids.translated });
  // One paragraph of 20,000 words: positions in a tsvector stop at 16,383, the phrase is past them.
  ids.long = addDocument(fx, {
    title: 'Long upload',
    paragraphs: [`${'wombat '.repeat(20_000)}quokka lullaby numbat.`],
  });
  const db = await createTestDatabase(inject('postgresUrl'), inject('postgresTemplate'));
  drop = db.drop;
  pool = new pg.Pool({ connectionString: db.url, max: 4 });
  await copyFromSqlite(fx.sqlite, pool);
  await reindexAll(pool);
  providers.sqlite = createSearchPool({ workers: 0, sqlite: fx.sqlite });
  providers.postgres = createPostgresSearchProvider({ pool });
}, 60_000);

afterAll(async () => {
  await providers.postgres?.close();
  await providers.sqlite?.close();
  await pool?.end();
  await drop?.();
  await fx?.close();
});

/** Every hit of a search, paging by cursor (`limit` per page), failing on a repeated entity. */
async function allHits(engine: Engine, params: SearchParams, limit = 7): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const r = await providers[engine].search({ ...params, cursor, limit, snippets: false });
    out.push(...r.items.map((i) => i.entity.id));
    if (!r.nextCursor) break;
    cursor = r.nextCursor;
  }
  expect(new Set(out).size).toBe(out.length);
  return out;
}

const facetCounts = (r: SearchResult) =>
  Object.fromEntries(
    Object.entries(r.facets).map(([name, f]) => [
      name,
      { missing: f.missing, buckets: Object.fromEntries(f.buckets.map((b) => [b.value, b.count])) },
    ]),
  );

const docs = () => corpus.docs;
const asList = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

describe('search contract: SQLite FTS5 and PostgreSQL give the same answers', () => {
  const queries = [
    'alpha',
    'alpha bravo',
    '"alpha bravo"',
    'alpha OR oscar',
    'alpha -bravo',
    '-alpha',
    'hot*',
    'kilo -lim*',
    'papa "echo golf" hotel',
    'cooperation',
    'cooperat*',
    'resilience',
    'cybersecurite',
    'доктрина',
    '网络安全',
    'zebra',
    'due diligence',
    '',
  ];
  const filterSets: SearchParams['filters'][] = [
    undefined,
    { documentType: { values: ['legislation', 'strategy'], op: 'or' } },
    { topics: { values: ['norms', 'cbms'], op: 'and' } },
    {
      documentType: { values: ['statement'], op: 'or', missing: true },
      topics: { values: ['norms'], op: 'or' },
    },
    { topics: { values: [], op: 'or', missing: true } },
  ];

  it.each(queries)('hits and facet counts agree for %j', async (q) => {
    for (const viewer of [anon, editor])
      for (const filters of filterSets)
        for (const sort of ['relevance', 'date', 'title'] as const) {
          const params: SearchParams = { q, viewer, filters, template: 'Document', sort };
          const [a, b] = await Promise.all(
            engines.map((e) => providers[e].search({ ...params, limit: 1000, snippets: false })),
          );
          const context = JSON.stringify({ q, viewer, filters, sort });
          expect(b!.total, context).toBe(a!.total);
          expect(new Set(b!.items.map((i) => i.entity.id)), context).toEqual(
            new Set(a!.items.map((i) => i.entity.id)),
          );
          expect(facetCounts(b!), context).toEqual(facetCounts(a!));
          if (sort !== 'relevance')
            expect(
              b!.items.map((i) => i.entity.id),
              context,
            ).toEqual(a!.items.map((i) => i.entity.id));
        }
  });

  it('facet counts with AND, OR and missing match brute force over the rows', async () => {
    const typeOr = ['legislation', 'strategy'];
    const params: SearchParams = {
      q: 'alpha',
      viewer: anon,
      template: 'Document',
      filters: {
        documentType: { values: typeOr, op: 'or', missing: true },
        topics: { values: ['norms', 'cbms'], op: 'and' },
      },
      limit: 1000,
      snippets: false,
    };
    const visible = docs().filter((d) => d.published && d.words.has('alpha'));
    const typeOk = (d: (typeof visible)[0]) =>
      d.metadata.documentType === undefined || typeOr.includes(String(d.metadata.documentType));
    const topicsOk = (d: (typeof visible)[0]) =>
      ['norms', 'cbms'].every((t) => asList(d.metadata.topics).includes(t));
    const expected = visible.filter((d) => typeOk(d) && topicsOk(d)).map((d) => d.id);
    for (const engine of engines) {
      const r = await providers[engine].search(params);
      expect(new Set(r.items.map((i) => i.entity.id)), engine).toEqual(new Set(expected));
      // OR facet without its own filter: every type among entities passing the topics filter.
      for (const t of DOC_TYPES) {
        const n = visible.filter((d) => topicsOk(d) && d.metadata.documentType === t.id).length;
        expect(
          r.facets.documentType!.buckets.find((b) => b.value === t.id)?.count ?? 0,
          `${engine} ${t.id}`,
        ).toBe(n);
      }
      expect(r.facets.documentType!.missing, engine).toBe(
        visible.filter((d) => topicsOk(d) && d.metadata.documentType === undefined).length,
      );
      // AND facet keeps its own filter.
      for (const t of TOPICS) {
        const n = visible.filter(
          (d) => typeOk(d) && topicsOk(d) && asList(d.metadata.topics).includes(t.id),
        ).length;
        expect(r.facets.topics!.buckets.find((b) => b.value === t.id)?.count ?? 0, `${engine} ${t.id}`).toBe(
          n,
        );
      }
    }
  });

  it('cursors page through every hit once, in the same order as one big page', async () => {
    for (const engine of engines)
      for (const sort of ['relevance', 'date', 'title'] as const) {
        const params: SearchParams = { q: 'alpha OR bravo', viewer: editor, template: 'Document', sort };
        const paged = await allHits(engine, params, 7);
        const whole = await providers[engine].search({ ...params, limit: 1000, snippets: false });
        expect(paged, `${engine} ${sort}`).toEqual(whole.items.map((i) => i.entity.id));
        const expected = docs().filter((d) => d.words.has('alpha') || d.words.has('bravo'));
        expect(new Set(paged)).toEqual(new Set(expected.map((d) => d.id)));
      }
  });

  it('anonymous readers see published entities only, in hits and in counts', async () => {
    for (const engine of engines) {
      const r = await providers[engine].search({ q: 'zebra', viewer: anon, limit: 50 });
      expect(
        r.items.map((i) => i.entity.id),
        engine,
      ).toEqual([ids.visible]);
      expect(
        r.facets.documentType!.buckets.map((b) => b.value),
        engine,
      ).toEqual(['statement']);
      const signedIn = await providers[engine].search({ q: 'zebra', viewer: editor, limit: 50 });
      expect(new Set(signedIn.items.map((i) => i.entity.id)), engine).toEqual(
        new Set([ids.visible, ids.hidden]),
      );
      const all = await allHits(engine, { viewer: anon, template: 'Document' });
      expect(new Set(all)).toEqual(
        new Set(
          docs()
            .filter((d) => d.published)
            .map((d) => d.id)
            .concat([
              ids.phrase!,
              ids.scattered!,
              ids.title!,
              ids.body!,
              ids.stem!,
              ids.accent!,
              ids.cjk!,
              ids.russian!,
              ids.visible!,
              ids.long!,
              ids.translated!,
            ]),
        ),
      );
    }
  });

  it('ranks title matches first and words side by side above scattered ones', async () => {
    for (const engine of engines) {
      const order = async (q: string) =>
        (await providers[engine].search({ q, viewer: anon, sort: 'relevance', limit: 20 })).items.map(
          (i) => i.entity.id,
        );
      expect((await order('resilience'))[0], engine).toBe(ids.title);
      const due = await order('due diligence');
      expect(due.indexOf(ids.phrase!), engine).toBeLessThan(due.indexOf(ids.scattered!));
      expect(await order('"due diligence"'), engine).toEqual([ids.phrase]);
      expect(await order('cooperat*'), engine).toContain(ids.stem);
    }
  });

  it('finds a phrase far into a long paragraph, with its snippet and marks', async () => {
    for (const engine of engines) {
      const r = await providers[engine].search({ q: '"quokka lullaby"', viewer: anon, limit: 5 });
      expect(
        r.items.map((i) => i.entity.id),
        engine,
      ).toEqual([ids.long]);
      // (The FTS5 engine's windowed snippet of this paragraph comes back without the phrase marked.)
      // A phrase is marked as one run, as FTS5's highlight() marks it (domain/text-analysis/mark.ts).
      if (engine === 'postgres')
        expect(r.items[0]!.snippets[0]?.html, engine).toMatch(/<mark>quokka lullaby<\/mark>/);
      const none = await providers[engine].search({ q: '"lullaby quokka"', viewer: anon, limit: 5 });
      expect(none.total, engine).toBe(0);
    }
    const fileId = fx.sqlite
      .prepare(`SELECT id FROM files WHERE entity_id = ?`)
      .pluck()
      .get(ids.long) as string;
    const [a, b] = await Promise.all(
      engines.map((e) => providers[e].searchWithinFile({ fileId, q: 'numbat', viewer: editor })),
    );
    expect(b!.matches.map((m) => m.highlights)).toEqual(a!.matches.map((m) => m.highlights));
    expect(b!.matches[0]?.highlights.length).toBe(1);
  });

  it('snippets carry page numbers and mark the words', async () => {
    for (const engine of engines) {
      const r = await providers[engine].search({ q: 'resilience', viewer: anon, limit: 20 });
      const body = r.items.find((i) => i.entity.id === ids.body)!;
      expect(
        body.snippets.map((s) => s.page),
        engine,
      ).toEqual([1, 2]);
      expect(body.snippets[0]!.html, engine).toMatch(/<mark>Resilience<\/mark>/);
    }
  });

  it('search within a file lists the same paragraphs in reading order with the same marks', async () => {
    const fileIds = fx.sqlite.prepare(`SELECT id FROM files ORDER BY rowid`).pluck().all() as string[];
    for (const q of ['alpha', 'alpha bravo', 'resilience', 'hot*', '"echo golf"', '网络'])
      for (const fileId of fileIds.slice(0, 40).concat(fileIds.slice(-10))) {
        const [a, b] = await Promise.all(
          engines.map((e) => providers[e].searchWithinFile({ fileId, q, viewer: editor })),
        );
        expect(
          b!.matches.map((m) => [m.paragraphId, m.page, m.text]),
          `${q} ${fileId}`,
        ).toEqual(a!.matches.map((m) => [m.paragraphId, m.page, m.text]));
        if (!q.includes('*') && !q.includes('"'))
          expect(
            b!.matches.map((m) => m.highlights),
            `${q} ${fileId}`,
          ).toEqual(a!.matches.map((m) => m.highlights));
      }
    for (const engine of engines)
      expect(await providers[engine].searchWithinFile({ fileId: 'nope', q: 'x', viewer: editor })).toBeNull();
  });

  it('autocomplete suggests the same titles', async () => {
    for (const q of ['doc 1', 'Doc', 'report', 'rep', 'cyber res', 'secret', 'strat', 'st'])
      for (const viewer of [anon, editor]) {
        const [a, b] = await Promise.all(
          engines.map((e) => providers[e].autocompleteTitles({ q, viewer, limit: 10 })),
        );
        expect(b, `${q}`).toEqual(a);
      }
  });

  it('suggests the paragraph sharing a passage first, and hides unpublished sources', async () => {
    const src = fx.sqlite
      .prepare(`SELECT id FROM paragraphs WHERE text LIKE 'States should%'`)
      .pluck()
      .get() as string;
    const hidden = fx.sqlite
      .prepare(`SELECT id FROM paragraphs WHERE text = 'zebra zebra zebra'`)
      .pluck()
      .get() as string;
    for (const engine of engines) {
      const r = await providers[engine].suggestParagraphs({ paragraphId: src, viewer: editor, limit: 5 });
      expect(r.ok, engine).toBe(true);
      if (r.ok) expect(r.result.items[0]?.entityId, engine).toBe(ids.scattered);
      const gone = await providers[engine].suggestParagraphs({ paragraphId: hidden, viewer: anon });
      expect(gone, engine).toMatchObject({ ok: false, status: 404 });
    }
  });

  it('exports every hit', async () => {
    for (const engine of engines) {
      let csv = '';
      for await (const chunk of providers[engine].exportResults({ q: 'alpha', viewer: editor }, 'csv'))
        csv += chunk;
      expect(csv.trim().split('\n').length - 1, engine).toBe(
        docs().filter((d) => d.words.has('alpha')).length,
      );
    }
  });

  it('uses the vocabulary it claims', () => {
    expect(VOCAB).toContain('alpha');
  });
});

describe('titles in other languages', () => {
  it.each(engines)(
    'finds an entity by its Arabic or French title on %s, accents and articles aside',
    async (engine) => {
      for (const q of ['مصر', 'المصر', 'Égypte', 'egypte', 'Egypt']) {
        const r = await providers[engine].search({ q, viewer: anon, limit: 10, snippets: false });
        expect(
          r.items.map((i) => i.entity.id),
          `${q} on ${engine}`,
        ).toContain(ids.translated);
      }
    },
  );
});
