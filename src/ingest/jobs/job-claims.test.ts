import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manyPagePdf, runCli, waitFor } from '../../../test/cli-process.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { uploadFile } from '../../operations/upload-file.ts';

let t: TempStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

type JobRow = { id: number; status: string; attempts: number; file_id: string };
const jobsOf = (x: TempStore, fileId: string) =>
  x.store.sqlite.sqlite
    .prepare(
      `SELECT id, status, attempts, json_extract(payload, '$.fileId') AS file_id FROM jobs
       WHERE kind = 'ingest-file' AND json_extract(payload, '$.fileId') = ?`,
    )
    .all(fileId) as JobRow[];
const fileByName = (x: TempStore, name: string) =>
  x.store.sqlite.sqlite.prepare(`SELECT id, status, reason FROM files WHERE filename = ?`).get(name) as
    | { id: string; status: string; reason: string | null }
    | undefined;

describe('job claims across processes', () => {
  it("a second CLI process next to a running one never takes over the other's running job", async () => {
    t = await createTempStore();
    await saveTemplate({
      store: t.store,
      actor: OPERATOR,
      input: { name: 'Note', label: 'Note', properties: [] },
    });
    const big = join(t.dataDir, 'big.pdf');
    writeFileSync(big, await manyPagePdf(1200));
    const small = join(t.dataDir, 'small.txt');
    writeFileSync(small, 'Confidence-building measures between States.');

    const first = runCli(t.dataDir, ['add', big, '--template', 'Note', '--json']);
    const x = t;
    await waitFor(() => fileByName(x, 'big.pdf')?.status === 'processing', 'the first process to start');
    const bigId = fileByName(t, 'big.pdf')!.id;

    const second = await runCli(t.dataDir, ['add', small, '--template', 'Note', '--json']).done;
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject([{ file: small, status: 'ready' }]);
    // Whenever the second process ran, it never put the first's running job back in the queue nor
    // claimed it: the job ran once (attempts 1), the file was extracted by its owner.
    expect(jobsOf(t, bigId)).toMatchObject([
      { status: expect.stringMatching(/^(running|done)$/), attempts: 1 },
    ]);

    const r = await first.done;
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject([{ file: big, status: 'ready', pages: 1200 }]);
    expect(jobsOf(t, bigId)).toMatchObject([{ status: 'done', attempts: 1 }]);
  }, 180_000);

  it("'reindex' next to a running server leaves the server's running job alone and re-extracts after it", async () => {
    t = await createTempStore();
    const x = t;
    await saveTemplate({
      store: x.store,
      actor: OPERATOR,
      input: { name: 'Note', label: 'Note', properties: [] },
    });
    const entity = await createEntity({
      store: x.store,
      actor: OPERATOR,
      input: { template: 'Note', title: 'Big' },
    });
    const big = await uploadFile({
      store: x.store,
      actor: OPERATOR,
      entityId: entity.id,
      filename: 'big.pdf',
      content: await manyPagePdf(1200),
    });
    const server = runCli(x.dataDir, ['serve', '--no-demo', '--port', '0']);
    try {
      await waitFor(
        () => fileByName(x, 'big.pdf')?.status === 'processing',
        'the server to start processing',
      );
      const reindex = await runCli(x.dataDir, ['reindex']).done;
      expect(reindex.code, reindex.stderr).toBe(0);
      // The server's job ran once (never re-queued and re-claimed); reindex's own job ran after it.
      const jobs = jobsOf(x, big.id);
      expect(jobs).toMatchObject([
        { status: 'done', attempts: 1 },
        { status: 'done', attempts: 1 },
      ]);
      expect(fileByName(x, 'big.pdf')?.status).toBe('ready');
    } finally {
      server.child.kill('SIGTERM');
      await server.done;
    }
  }, 240_000);
});
