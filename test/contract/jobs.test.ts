import { expect, it } from 'vitest';
import { isAbandoned } from '../../src/ingest/jobs/job-claim.ts';
import { newId } from '../../src/store/ids.ts';
import type { Recovery, Store } from '../../src/store/store.ts';
import { describeEachEngine } from './engines.ts';
import { addEntity, addTemplate, at } from './rows.ts';

const KIND = 'ingest';
/** An owner on another machine: only its lease says whether it is still at work (job-claim.ts). */
const remoteOwner = () => `4242@elsewhere/1#${newId(8).replace(/[^0-9a-f]/g, 'a')}`;

async function enqueueFiles(store: Store, n: number) {
  const fileIds = Array.from({ length: n }, () => newId());
  for (const fileId of fileIds) await store.jobs.enqueue(KIND, { fileId }, at(0));
  return fileIds;
}

/** `claimers` stores claim jobs of `kinds` at once until the queue gives them nothing; every claim, in order. */
async function claimAll(claimers: Store[], kinds: string[], { finish = true } = {}) {
  const claimed: { id: number; owner: string; fileId: unknown }[] = [];
  await Promise.all(
    claimers.map(async (store) => {
      const owner = remoteOwner();
      for (;;) {
        const job = await store.jobs.claimNext(kinds, { owner, leaseMs: 60_000 });
        if (!job) return;
        claimed.push({ id: job.id, owner, fileId: job.payload.fileId });
        if (finish) await store.jobs.finish(job.id, owner);
      }
    }),
  );
  return claimed;
}

describeEachEngine('job queue', (open, engine) => {
  it('queues a job once while the same one waits, and lists jobs oldest first', async () => {
    const store = await open();
    const a = await store.jobs.enqueue(KIND, { fileId: 'f1' }, at(0));
    expect(typeof a).toBe('number');
    expect(await store.jobs.enqueue(KIND, { fileId: 'f1' }, at(1))).toBe(a);
    const b = await store.jobs.enqueue(KIND, { fileId: 'f2' }, at(2));
    await store.jobs.enqueue('reindex', {}, at(3));
    expect((await store.jobs.list({ status: 'queued', kinds: [KIND] })).map((j) => j.id)).toEqual([a, b]);
    expect((await store.jobs.list({})).map((j) => j.kind)).toEqual([KIND, KIND, 'reindex']);
    expect(await store.jobs.countByStatus()).toEqual({ queued: 3 });
    expect(await store.jobs.queuedFileIds(KIND)).toEqual(['f1', 'f2']);
    expect(await store.jobs.countPending(KIND)).toBe(2);
    expect(await store.jobs.countPending(KIND, ['f2', 'f9'])).toBe(1);
  });

  it('hands every job to exactly one of several servers claiming at once', async () => {
    const store = await open();
    const fileIds = await enqueueFiles(store, 60);
    const servers = [store, await open.another(store), await open.another(store), await open.another(store)];
    const claimed = await claimAll(servers, [KIND]);
    expect(claimed).toHaveLength(60);
    expect(new Set(claimed.map((c) => c.id)).size).toBe(60);
    expect(new Set(claimed.map((c) => c.fileId))).toEqual(new Set(fileIds));
    expect(await store.jobs.countByStatus()).toEqual({ done: 60 });
  });

  it('never runs two jobs of one file at once, however many servers claim', async () => {
    const store = await open();
    const servers = [store];
    for (let i = 0; i < 7; i++) servers.push(await open.another(store));
    // A race between claims is a matter of timing: several rounds give it several chances to show.
    for (let round = 0; round < 3; round++) {
      const fileIds = await enqueueFiles(store, 100);
      // Two jobs of each file wait; the claim of one must keep the other waiting while it runs.
      for (const fileId of fileIds) await store.jobs.enqueue(KIND, { fileId, again: true }, at(1));
      const claimed = await claimAll(servers, [KIND], { finish: false });
      const perFile = new Map<unknown, number>();
      for (const c of claimed) perFile.set(c.fileId, (perFile.get(c.fileId) ?? 0) + 1);
      expect([...perFile.entries()].filter(([, n]) => n > 1)).toEqual([]);
      expect(perFile.size).toBe(100);
      expect((await store.jobs.list({ status: 'queued', kinds: [KIND], limit: 1000 })).length).toBe(
        100 * (round + 1),
      );
    }
  });

  it('never runs two kinds of work on one file at once (an extraction and an OCR run)', async () => {
    const store = await open();
    const servers = [store];
    for (let i = 0; i < 7; i++) servers.push(await open.another(store));
    for (let round = 0; round < 3; round++) {
      const fileIds = await enqueueFiles(store, 100);
      for (const fileId of fileIds) await store.jobs.enqueue('ocr', { fileId }, at(1));
      const claimed = await claimAll(servers, [KIND, 'ocr'], { finish: false });
      const perFile = new Map<unknown, number>();
      for (const c of claimed) perFile.set(c.fileId, (perFile.get(c.fileId) ?? 0) + 1);
      expect([...perFile.entries()].filter(([, n]) => n > 1)).toEqual([]);
      expect(perFile.size).toBe(100);
    }
  });

  it('gives a job whose lease ran out to another owner, and ignores the first owner’s late finish', async () => {
    const store = await open();
    const other = await open.another(store);
    const [fileId] = await enqueueFiles(store, 1);
    const first = remoteOwner();
    const job = await store.jobs.claimNext([KIND], { owner: first, leaseMs: -1 }); // its lease ran out already
    expect(job?.payload).toEqual({ fileId });
    expect(job?.attempts).toBe(1);
    const recovery = await other.transaction((tx) => tx.jobs.recoverAbandoned({ kind: KIND, isAbandoned }));
    expect(recovery.requeuedJobs).toBe(1);
    const second = remoteOwner();
    const again = await other.jobs.claimNext([KIND], { owner: second, leaseMs: 60_000 });
    expect(again).toMatchObject({ id: job?.id, attempts: 2 });
    await store.jobs.finish(job!.id, first, 'the first owner woke up late');
    expect((await store.jobs.list({ status: 'running' })).map((j) => j.id)).toEqual([job?.id]);
    await other.jobs.finish(job!.id, second);
    expect((await store.jobs.list({ status: 'done' })).map((j) => j.error)).toEqual([null]);
  });

  it('leaves a job whose lease holds with its owner, and extends a lease on renewal', async () => {
    const store = await open();
    const other = await open.another(store);
    await enqueueFiles(store, 1);
    const owner = remoteOwner();
    const job = await store.jobs.claimNext([KIND], { owner, leaseMs: 60_000 });
    const recovery = await other.transaction((tx) => tx.jobs.recoverAbandoned({ kind: KIND, isAbandoned }));
    expect(recovery.requeuedJobs).toBe(0);
    expect(await other.jobs.claimNext([KIND], { owner: remoteOwner(), leaseMs: 60_000 })).toBeNull();
    await store.jobs.renewLeases([job!.id], { owner, leaseMs: -1 });
    const later = await other.transaction((tx) => tx.jobs.recoverAbandoned({ kind: KIND, isAbandoned }));
    expect(later.requeuedJobs).toBe(1);
  });

  it('releases an owner’s jobs back to the queue without counting an attempt', async () => {
    const store = await open();
    await enqueueFiles(store, 2);
    const owner = remoteOwner();
    const a = await store.jobs.claimNext([KIND], { owner, leaseMs: 60_000 });
    const b = await store.jobs.claimNext([KIND], { owner, leaseMs: 60_000 });
    await store.transaction((tx) => tx.jobs.release([a!.id, b!.id], owner));
    const queued = await store.jobs.list({ status: 'queued' });
    expect(queued.map((j) => [j.id, j.attempts])).toEqual([
      [a!.id, 0],
      [b!.id, 0],
    ]);
  });

  it('restores the ingest job of a queued file that has none, in the form enqueue de-duplicates', async () => {
    const store = await open();
    const [fileId] = await queuedFilesWithoutJobs(store, 1);
    const r = await store.transaction((tx) => tx.jobs.recoverAbandoned({ kind: KIND, isAbandoned }));
    expect(r.restoredJobs).toBe(1);
    const [restored] = await store.jobs.list({ status: 'queued' });
    expect(restored?.payload).toEqual({ fileId });
    expect(await store.jobs.enqueue(KIND, { fileId }, at(1))).toBe(restored?.id);
  });

  it('restores each missing job once when several servers recover at the same moment', async () => {
    const store = await open();
    const fileIds = await queuedFilesWithoutJobs(store, 20);
    const servers = [store];
    for (let i = 0; i < 5; i++) servers.push(await open.another(store));
    const recover = (s: Store) =>
      s.transaction((tx) => tx.jobs.recoverAbandoned({ kind: KIND, isAbandoned }));
    // Several SQLite connections of one process cannot hold write transactions at once: better-sqlite3
    // waits for the lock synchronously, so the holder never gets to commit. Its servers are processes
    // (src/ingest/jobs/job-recovery.test.ts); here its recoveries take turns.
    const recoveries =
      engine === 'sqlite'
        ? await servers.reduce<Promise<Recovery[]>>(
            async (done, s) => [...(await done), await recover(s)],
            Promise.resolve([]),
          )
        : await Promise.all(servers.map(recover));
    expect(recoveries.reduce((n, r) => n + r.restoredJobs, 0)).toBe(20);
    const queued = await store.jobs.list({ status: 'queued', limit: 1000 });
    expect(queued.map((j) => j.payload.fileId).sort()).toEqual([...fileIds].sort());
  });
});

/** Files left `queued` with no job (a crash between the upload's commit and its job's): what recovery repairs. */
async function queuedFilesWithoutJobs(store: Store, n: number): Promise<string[]> {
  const e = await addEntity(store, await addTemplate(store));
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = newId();
    ids.push(id);
    await store.files.insert({
      id,
      entityId: e.id,
      filename: 'a.pdf',
      mimeType: 'application/pdf',
      kind: 'pdf',
      size: 1,
      sha256: 'ab'.repeat(32),
      storageKey: `ab/${id}`,
      status: 'queued',
      reason: null,
      language: null,
      pageCount: null,
      paragraphCount: null,
      progress: null,
      createdAt: at(i),
      updatedAt: at(i),
      role: 'document',
    });
  }
  return ids;
}
