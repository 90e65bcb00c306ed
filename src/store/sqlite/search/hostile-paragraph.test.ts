import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { SearchTimeout } from '../../../search/errors.ts';
import { buildApp } from '../../../server/app.ts';
import { searchRoutes } from '../../../server/routes/search.routes.ts';
import { openStore } from '../../store.ts';
import { addDocument, standardTemplates } from './test-data.ts';
import { createFixture, type Fixture } from './test-fixtures.ts';
import { createSearchPool } from './worker-pool.ts';

/**
 * Issue 15, item 1: one paragraph of 1–2 MB (an upload without line breaks, or data stored before
 * ingestion split long paragraphs) made every search for a word in it spin a search worker for minutes
 * (FTS5's snippet() and highlight() are quadratic in a paragraph's matches), and a stuck query could not
 * be stopped. These run the real worker pool on a real database.
 */
const viewer = { canSeeUnpublished: true };
let fx: Fixture;
let hostileFile: string;
let hostileParagraph: string;

/** ~2 MB of policy prose, one paragraph, a searched word every few words. */
function hugeParagraph(chars: number) {
  const words = ['cyber', 'security', 'norms', 'walrus', 'capacity', 'building', 'infrastructure'];
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < chars; i++) {
    const w = words[i % words.length]!;
    parts.push(w);
    n += w.length + 1;
  }
  // One word only at the very end: found by search, marked by search within the file.
  return `${parts.join(' ')} narwhal`;
}

beforeAll(async () => {
  fx = await createFixture();
  standardTemplates(fx);
  addDocument(fx, { title: 'Ordinary strategy', paragraphs: ['A walrus and other cyber norms.'] });
  const id = addDocument(fx, { title: 'Hostile upload', paragraphs: [hugeParagraph(2_000_000)] });
  hostileFile = fx.sqlite.prepare('SELECT id FROM files WHERE entity_id = ?').pluck().get(id) as string;
  hostileParagraph = fx.sqlite
    .prepare('SELECT id FROM paragraphs WHERE file_id = ?')
    .pluck()
    .get(hostileFile) as string;
});
afterAll(() => fx.close());

describe('a 2 MB paragraph in the collection', () => {
  it('is found by search, prefix search, search within its file and suggestions, with bounded output', async () => {
    // A generous deadline: this checks what comes back, on a machine shared with other work.
    const pool = createSearchPool({ dbPath: fx.dbPath, workers: 1, timeoutMs: 60_000 });
    try {
      for (const q of ['walrus', 'walr*', 'cyber walrus', '"walrus capacity"']) {
        const r = await pool.search({ q, viewer });
        const hit = r.items.find((i) => i.entity.title === 'Hostile upload');
        expect(hit, q).toBeDefined();
        expect(hit!.snippets.length, q).toBeGreaterThan(0);
        for (const s of hit!.snippets) {
          expect(s.html.length, q).toBeLessThan(2000);
          expect(s.html, q).toMatch(/<mark>/);
        }
      }
      const within = await pool.searchWithinFile({ fileId: hostileFile, q: 'walrus', viewer });
      expect(within!.matches).toHaveLength(1);
      const m = within!.matches[0]!;
      expect(m.highlights.length).toBe(1000);
      for (const h of m.highlights.slice(0, 50).concat(m.highlights.slice(-50)))
        expect(m.text.slice(h.start, h.end)).toBe('walrus');
      expect(within!.hints.join(' ')).toMatch(/first 1000 matches/);
      // Past the part a snippet is looked for in: still found, with the paragraph's opening as snippet.
      const far = await pool.search({ q: 'narwhal', viewer });
      expect(far.items.map((i) => i.entity.title)).toEqual(['Hostile upload']);
      expect(far.items[0]!.snippets[0]!.html.length).toBeLessThan(2000);
      const end = await pool.searchWithinFile({ fileId: hostileFile, q: 'narwhal', viewer });
      const last = end!.matches[0]!;
      expect(last.highlights.map((h) => last.text.slice(h.start, h.end))).toEqual(['narwhal']);
      expect(last.highlights[0]!.end).toBe(last.text.length);
      const suggested = await pool.run('suggestParagraphs', { paragraphId: hostileParagraph, viewer });
      expect(suggested.ok).toBe(true);
      const all = await pool.autocompleteTitles({ q: 'hostile', viewer });
      expect(all.map((t) => t.title)).toEqual(['Hostile upload']);
    } finally {
      await pool.close();
    }
  });
});

describe('the deadline of a search', () => {
  /**
   * A portal whose store connection holds an exclusive lock: a worker's read then waits inside SQLite's
   * busy handler (C code, 5 s busy_timeout), a call no JavaScript can interrupt, as a runaway query is.
   * Exclusive locking needs every other connection closed, hence a database of its own.
   */
  async function lockedPortal() {
    const own = await createFixture();
    standardTemplates(own);
    addDocument(own, { title: 'Walrus report', paragraphs: ['A walrus.'] });
    own.sqlite.close();
    const store = await openStore(own.dataDir);
    const pool = createSearchPool({ dbPath: own.dbPath, workers: 1, timeoutMs: 1500 });
    const app = await buildApp({
      config: loadConfig({}, { dataDir: own.dataDir, logLevel: 'silent' }),
      store,
      plugins: [searchRoutes({ search: pool })],
    });
    const lock = store.sqlite.sqlite;
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
    return {
      pool,
      app,
      unlock() {
        lock.exec('COMMIT');
        lock.pragma('locking_mode = NORMAL');
        lock.prepare('SELECT count(*) FROM entities').get(); // the lock goes with the next access
      },
      async close() {
        await app.close();
        await pool.close();
        await store.close();
        rmSync(own.dataDir, { recursive: true, force: true });
      },
    };
  }

  it('answers 503 for a call stuck inside SQLite on a worker still warming up, which then serves the next readers', async () => {
    // Killed at the reader's deadline, each replacement of a worker building its caches on a busy machine
    // started cold again and no search was ever answered: such a worker has until WARM_LIMIT_MS.
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const portal = await lockedPortal();
    try {
      const res = await portal.app.inject({ url: '/api/v1/search?q=walrus' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().detail).toMatch(/took too long/);
      await expect(portal.pool.autocompleteTitles({ q: 'walrus', viewer })).rejects.toBeInstanceOf(
        SearchTimeout,
      );
      const exported = await portal.app.inject({ url: '/api/v1/search/export?q=walrus&format=csv' });
      expect(exported.statusCode).toBe(503); // before the download starts, not a cut-off file
      portal.unlock();
      expect((await portal.pool.search({ q: 'walrus', viewer })).total).toBe(1);
      const again = await portal.app.inject({ url: '/api/v1/search/export?q=walrus&format=json' });
      expect(again.statusCode).toBe(200);
      expect(JSON.parse(again.body)).toHaveLength(1);
      const said = warnings.mock.calls.flat().join('\n');
      expect(said).toMatch(/still warming up/);
      expect(said).not.toMatch(/its worker is replaced/);
    } finally {
      warnings.mockRestore();
      await portal.close();
    }
  });

  it('kills a worker that has answered before when a call of its passes the deadline, and replaces it', async () => {
    // A rollback journal: a writer's exclusive lock then blocks readers whose connections are open, as
    // a warm worker's is (in WAL mode only an exclusive locking mode does, and it needs them closed).
    const own = await createFixture();
    standardTemplates(own);
    addDocument(own, { title: 'Walrus report', paragraphs: ['A walrus.'] });
    own.sqlite.pragma('journal_mode = DELETE');
    own.sqlite.close();
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const pool = createSearchPool({ dbPath: own.dbPath, workers: 1, timeoutMs: 1500 });
    const lock = new Database(own.dbPath);
    try {
      expect((await pool.search({ q: 'walrus', viewer })).total).toBe(1);
      lock.exec('BEGIN EXCLUSIVE');
      await expect(pool.search({ q: 'walrus', viewer })).rejects.toBeInstanceOf(SearchTimeout);
      expect(warnings.mock.calls.flat().join('\n')).toMatch(/its worker is replaced/);
      lock.exec('COMMIT');
      expect((await pool.search({ q: 'walrus', viewer })).total).toBe(1);
    } finally {
      warnings.mockRestore();
      lock.close();
      await pool.close();
      rmSync(own.dataDir, { recursive: true, force: true });
    }
  });
});
