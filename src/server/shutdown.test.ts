import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEntity, buildTemplate } from '../../test/factories.ts';
import { filler, makePdf } from '../../test/fixtures/pdf/make-pdf.ts';
import { createTempStore } from '../../test/temp-store.ts';
import { createEntity } from '../operations/create-entity.ts';
import { OPERATOR } from '../operations/permissions.ts';
import { saveTemplate } from '../operations/save-template.ts';
import { uploadFile } from '../operations/upload-file.ts';
import { databasePath } from '../store/sqlite/open-database.ts';
import { addDocument, standardTemplates } from '../store/sqlite/search/test-data.ts';
import { createFixture } from '../store/sqlite/search/test-fixtures.ts';

/**
 * Issue 15, item 3: portals were still running 40 minutes after SIGTERM, a core each, because a search
 * worker was spinning on a huge paragraph and nothing could stop it. A real `cyberportal serve` on a
 * temp data directory holding such paragraphs, searched by several readers at once, then SIGTERM.
 */
let dataDir: string;

/** One paragraph of `chars` characters, a searched word every few words. */
const huge = (chars: number) => {
  const words = ['cyber', 'norms', 'walrus', 'capacity', 'infrastructure', 'security'];
  return Array.from({ length: Math.ceil(chars / 8) }, (_, i) => words[i % words.length]).join(' ');
};

beforeAll(async () => {
  const fx = await createFixture();
  standardTemplates(fx);
  for (let i = 0; i < 3; i++)
    addDocument(fx, { title: `Hostile ${i}`, paragraphs: [huge(2_000_000 + i * 100_000)] });
  fx.sqlite.close();
  dataDir = fx.dataDir;
});
let portal: ChildProcess | undefined;
afterAll(() => {
  // Whatever happened above, the portal started here does not outlive the test.
  if (portal && portal.exitCode === null && portal.signalCode === null) portal.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** The process ids of a process's children (its search workers). */
const childrenOf = (pid: number) => {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none
  }
};

/** Running, not a zombie (an orphan is reparented to PID 1, which in a container may never reap it). */
const alive = (pid: number) => {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
};

function serve(dir = dataDir): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['bin/cyberportal.js', '--data', dir, 'serve', '--no-demo'], {
    env: { ...process.env, PORT: '0', CYBERPORTAL_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const output = () => out;
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+\/)/.exec(out);
      if (m) resolve({ child, url: m[1]!, output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited (${code}) before listening:\n${out}`)));
  });
}

describe('SIGTERM', () => {
  it('ends a portal whose search workers are busy with huge paragraphs, leaving no worker behind', async () => {
    const { child, url, output } = await serve();
    portal = child;
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    // Readers searching words of the huge paragraphs, with snippets, within a file and autocomplete.
    const requests = ['walrus', 'cyber norms', 'capac*', '"walrus capacity"'].flatMap((q) =>
      [1, 2].map(() => fetch(`${url}api/v1/search?q=${encodeURIComponent(q)}`).catch(() => null)),
    );
    // Wait until the pool has started its workers, so there is something to stop.
    let workers: number[] = [];
    for (let i = 0; i < 200 && workers.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 50));
      workers = childrenOf(child.pid!);
    }
    child.kill('SIGTERM');
    const bound = new Promise<'still running'>((r) => setTimeout(() => r('still running'), 15_000).unref());
    const outcome = await Promise.race([exited, bound]);
    if (outcome === 'still running') child.kill('SIGKILL');
    expect(outcome, output()).not.toBe('still running');
    await Promise.all(requests);
    expect(workers.length).toBeGreaterThan(0);
    for (const pid of workers) expect(alive(pid), `search worker ${pid}`).toBe(false);
  }, 60_000);
});

describe('SIGTERM while a file is being processed', () => {
  it('ends the portal and the ingest worker; the file is processed again on the next start', async () => {
    const t = await createTempStore();
    await saveTemplate({ store: t.store, actor: OPERATOR, input: buildTemplate() });
    const entity = await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity() });
    // Enough pages that extraction is still running when the signal comes.
    const pdf = await makePdf({
      blocks: Array.from({ length: 800 }, (_, i) => ({ text: filler(i, 4) })),
      blocksPerPage: 1,
    });
    const file = await uploadFile({
      store: t.store,
      actor: OPERATOR,
      entityId: entity.id,
      filename: 'long.pdf',
      mimeType: 'application/pdf',
      content: Buffer.from(pdf.bytes),
    });
    await t.store.close();
    const { child, output } = await serve(t.dataDir);
    try {
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      const db = new Database(databasePath(t.dataDir), { readonly: true });
      const status = () => db.prepare('SELECT status FROM files WHERE id = ?').pluck().get(file.id);
      for (let i = 0; i < 600 && status() === 'queued'; i++) await new Promise((r) => setTimeout(r, 50));
      const whenSignalled = status();
      child.kill('SIGTERM');
      const bound = new Promise<'still running'>((r) => setTimeout(() => r('still running'), 15_000).unref());
      const outcome = await Promise.race([exited, bound]);
      if (outcome === 'still running') child.kill('SIGKILL');
      expect(outcome, output()).not.toBe('still running');
      // Either cut off mid-way with nothing half-written, and the job is taken up again on the next start,
      // or (on a slow machine) the extraction had already reached its final write: then it is whole.
      if (whenSignalled === 'processing') {
        const job = db
          .prepare(`SELECT status FROM jobs WHERE json_extract(payload, '$.fileId') = ?`)
          .pluck()
          .get(file.id);
        const paragraphs = db
          .prepare('SELECT count(*) FROM paragraphs WHERE file_id = ?')
          .pluck()
          .get(file.id);
        if (status() === 'ready') {
          expect(job).toBe('done');
          expect(paragraphs).toBeGreaterThan(0);
        } else {
          expect(['queued', 'running']).toContain(job);
          expect(paragraphs).toBe(0);
        }
      }
      db.close();
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      rmSync(t.dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
