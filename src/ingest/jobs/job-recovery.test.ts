import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { drainIngestQueue } from '../../cli/context.ts';
import { INGEST_FILE_JOB } from '../../domain/schemas/job.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { uploadFile } from '../../operations/upload-file.ts';
import { isAbandoned, THIS_HOST } from './job-claim.ts';

let t: TempStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const db = (x: TempStore) => x.store.sqlite.sqlite;
const fileState = (x: TempStore, id: string) =>
  db(x).prepare(`SELECT status, reason FROM files WHERE id = ?`).get(id) as {
    status: string;
    reason: string | null;
  };
const jobStates = (x: TempStore, id: string) =>
  db(x)
    .prepare(
      `SELECT status FROM jobs WHERE kind = 'ingest-file' AND json_extract(payload, '$.fileId') = ? ORDER BY id`,
    )
    .pluck()
    .all(id) as string[];

async function withFiles(texts: string[]) {
  t = await createTempStore();
  await saveTemplate({
    store: t.store,
    actor: OPERATOR,
    input: { name: 'Note', label: 'Note', properties: [] },
  });
  const ids: string[] = [];
  for (const [i, text] of texts.entries()) {
    const entity = await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: { template: 'Note', title: `Note ${i}` },
    });
    ids.push(
      (
        await uploadFile({
          store: t.store,
          actor: OPERATOR,
          entityId: entity.id,
          filename: `n${i}.txt`,
          content: Buffer.from(text),
        })
      ).id,
    );
  }
  return { x: t, ids };
}

describe('stuck states at start', () => {
  it('gives a queued file without a job its job back, and re-queues a processing file nobody runs', async () => {
    const { x, ids } = await withFiles(['First note about norms.', 'Second note about capacity building.']);
    const [queuedNoJob, processingNoJob] = ids as [string, string];
    // What a full disk or a crash used to leave: the job ended but the file never moved on.
    db(x)
      .prepare(
        `UPDATE jobs SET status = 'failed', error = 'disk full' WHERE json_extract(payload, '$.fileId') = ?`,
      )
      .run(queuedNoJob);
    db(x)
      .prepare(`UPDATE jobs SET status = 'done' WHERE json_extract(payload, '$.fileId') = ?`)
      .run(processingNoJob);
    db(x).prepare(`UPDATE files SET status = 'processing', progress = 0.4 WHERE id = ?`).run(processingNoJob);

    await drainIngestQueue(x.store, x.config);
    expect(fileState(x, queuedNoJob).status).toBe('ready');
    expect(fileState(x, processingNoJob).status).toBe('ready');
    expect(jobStates(x, queuedNoJob)).toEqual(['failed', 'done']);
    expect(jobStates(x, processingNoJob)).toEqual(['done', 'done']);
  }, 60_000);

  it('fails a file that interrupted its runner too often instead of trying it for ever', async () => {
    const { x, ids } = await withFiles(['a note that keeps killing its process']);
    const [id] = ids as [string];
    // Claimed three times already, each run ended by its process dying (recovered as abandoned).
    db(x).prepare(`UPDATE jobs SET attempts = 3 WHERE json_extract(payload, '$.fileId') = ?`).run(id);
    await drainIngestQueue(x.store, x.config);
    expect(fileState(x, id)).toEqual({
      status: 'failed',
      reason: expect.stringMatching(/interrupted 3 times/),
    });
    expect(jobStates(x, id)).toEqual(['failed']);
  });

  it('does not queue the same job twice while one is waiting', async () => {
    const { x, ids } = await withFiles(['a note']);
    const [id] = ids as [string];
    const again = await x.store.jobs.enqueue(INGEST_FILE_JOB, { fileId: id }, new Date().toISOString());
    expect(jobStates(x, id)).toEqual(['queued']);
    await drainIngestQueue(x.store, x.config);
    await x.store.jobs.enqueue(INGEST_FILE_JOB, { fileId: id }, new Date().toISOString());
    expect(jobStates(x, id)).toEqual(['done', 'queued']);
    expect(again).toBeGreaterThan(0);
  });

  it("re-queues a dead or expired owner's job but never a live runner's", async () => {
    const { x, ids } = await withFiles(['a note', 'another note', 'a third note', 'a fourth note']);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number; // exited: its pid is free
    const host = THIS_HOST;
    const soon = Date.now() + 60_000;
    const owners = [
      { owner: `${dead}@${host}#00000001`, lease: soon }, // crashed on this host: back at once
      { owner: `1@${host}#00000002`, lease: soon }, // alive on this host (pid 1 always runs)
      { owner: `4242@elsewhere.example#00000003`, lease: soon }, // another host, lease current
      { owner: `4242@elsewhere.example#00000004`, lease: Date.now() - 1 }, // another host, lease over
    ];
    owners.forEach(({ owner, lease }, i) => {
      db(x)
        .prepare(
          `UPDATE jobs SET status = 'running', attempts = 1, owner = ?, lease_expires = ?
           WHERE json_extract(payload, '$.fileId') = ?`,
        )
        .run(owner, lease, ids[i]);
      db(x).prepare(`UPDATE files SET status = 'processing' WHERE id = ?`).run(ids[i]);
    });
    const r = await x.store.transaction((tx) =>
      tx.jobs.recoverAbandoned({ kind: INGEST_FILE_JOB, isAbandoned: (j) => isAbandoned(j) }),
    );
    expect(r).toEqual({ requeuedJobs: 2, requeuedFiles: 0, restoredJobs: 0 });
    expect(ids.map((id) => [fileState(x, id).status, ...jobStates(x, id)])).toEqual([
      ['queued', 'queued'],
      ['processing', 'running'],
      ['processing', 'running'],
      ['queued', 'queued'],
    ]);
    // A live process on this host keeps its job even with its heartbeat late, until long after the lease.
    expect(isAbandoned({ owner: `1@${host}#00000002`, leaseExpires: Date.now() - 60_000 })).toBe(false);
    expect(isAbandoned({ owner: `1@${host}#00000002`, leaseExpires: Date.now() - 11 * 60_000 })).toBe(true);
  });
});
