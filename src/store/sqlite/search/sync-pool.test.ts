import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileText } from '../../../ingest/jobs/write-file-text.ts';
import { openStore } from '../../store.ts';
import { indexEntity, reindexAll, removeEntity } from './indexer.ts';
import { search } from './search.ts';
import { addDocument, standardTemplates } from './test-data.ts';
import { createFixture, type Fixture } from './test-fixtures.ts';
import { createSearchPool } from './worker-pool.ts';

const viewer = { canSeeUnpublished: true };
let fx: Fixture;
beforeAll(async () => {
  fx = await createFixture();
  standardTemplates(fx);
});
afterAll(() => fx.close());

const ids = (q: string) => search(fx.sqlite, { q, viewer }).items.map((i) => i.entity.id);

describe('keeping the index in sync', () => {
  it('follows entity updates, renames of related entities and removal', () => {
    const state = addDocument(fx, { template: 'State', title: 'Freedonia', metadata: { region: 'europe' } });
    const doc = addDocument(fx, { title: 'Policy', paragraphs: ['walrus'], metadata: { state: [state] } });
    expect(ids('freedonia')).toContain(doc);
    fx.sqlite.prepare('UPDATE entities SET title = ? WHERE id = ?').run('Sylvania', state);
    indexEntity({ sqlite: fx.sqlite, entityId: state });
    expect(ids('sylvania')).toEqual(expect.arrayContaining([state, doc]));
    expect(ids('freedonia')).toEqual([]);
    fx.sqlite.prepare('DELETE FROM files WHERE entity_id = ?').run(doc);
    fx.sqlite.prepare('DELETE FROM entities WHERE id = ?').run(doc);
    removeEntity({ sqlite: fx.sqlite, entityId: doc }); // idempotent after the delete trigger
    expect(ids('walrus')).toEqual([]);
  });

  it('follows re-extracted file text written by the ingest path (triggers + indexFile)', async () => {
    const doc = addDocument(fx, { title: 'Reextract', paragraphs: ['old narwhal text'] });
    const fileId = fx.sqlite.prepare('SELECT id FROM files WHERE entity_id = ?').pluck().get(doc) as string;
    const para = (text: string, ordinal: number) => ({
      key: String(ordinal),
      ordinal,
      page: 2,
      pageEnd: 2,
      start: 0,
      end: text.length,
      text,
      isHeading: false,
      language: 'en',
      rects: [],
    });
    const store = await openStore(fx.dataDir, { migrate: false });
    await writeFileText(
      store,
      fileId,
      {
        status: 'ready',
        reason: null,
        language: 'en',
        fullText: '',
        pages: [],
        paragraphs: [para('new okapi text', 0)],
      },
      ['parnew00001'],
      { afterWrite: (tx) => tx.searchIndex.indexFile(fileId) },
    );
    await store.close();
    expect(ids('narwhal')).toEqual([]);
    const hit = search(fx.sqlite, { q: 'okapi', viewer }).items[0]!;
    expect(hit.entity.id).toBe(doc);
    expect(hit.snippets[0]).toMatchObject({ paragraphId: 'parnew00001', fileId, page: 2 });
    fx.sqlite.prepare('DELETE FROM entities WHERE id = ?').run(doc);
    expect(ids('okapi')).toEqual([]);
    const integrity = () =>
      fx.sqlite
        .prepare(`INSERT INTO search_paragraphs_fts (search_paragraphs_fts) VALUES ('integrity-check')`)
        .run();
    expect(integrity).not.toThrow();
  });

  it('rebuilds everything with progress', () => {
    const before = search(fx.sqlite, { q: '', viewer }).total;
    const progress: [number, number][] = [];
    reindexAll({ sqlite: fx.sqlite, batch: 1, onProgress: (d, t) => progress.push([d, t]) });
    expect(search(fx.sqlite, { q: '', viewer }).total).toBe(before);
    expect(progress.at(-1)).toEqual([before, before]);
  });
});

describe('worker pool', () => {
  it('runs queries in worker threads (tsx bootstrap) and exports the whole result set', async () => {
    for (let i = 0; i < 30; i++)
      addDocument(fx, { title: `Export "${i}", with comma`, paragraphs: ['capybara'] });
    const pool = createSearchPool({ dbPath: fx.dbPath, workers: 2 });
    try {
      const results = await Promise.all(
        Array.from({ length: 6 }, () => pool.search({ q: 'capybara', viewer, limit: 5 })),
      );
      for (const r of results) expect(r.total).toBe(30);
      expect((await pool.autocompleteTitles({ q: 'export', viewer, limit: 3 })).length).toBe(3);
      let csv = '';
      for await (const chunk of pool.exportResults({ q: 'capybara', viewer }, 'csv')) csv += chunk;
      expect(csv.trim().split('\n').length).toBe(31);
      expect(csv).toContain('"Export ""7"", with comma"');
      let json = '';
      for await (const chunk of pool.exportResults({ q: 'capybara', viewer }, 'json')) json += chunk;
      expect(JSON.parse(json).length).toBe(30);
    } finally {
      await pool.close();
    }
    await expect(pool.search({ q: 'x', viewer })).rejects.toThrow(/closed/);
  });

  it('runs in-process with workers: 0', async () => {
    const pool = createSearchPool({ sqlite: fx.sqlite, workers: 0 });
    expect((await pool.search({ q: 'capybara', viewer })).total).toBe(30);
    await pool.close();
  });
});
