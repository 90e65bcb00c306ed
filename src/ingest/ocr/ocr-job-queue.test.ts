import { afterEach, describe, expect, it } from 'vitest';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { INGEST_FILE_JOB, OCR_FILE_JOB } from '../../domain/schemas/job.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { uploadFile } from '../../operations/upload-file.ts';

/**
 * The OCR job is durable like the ingest job, and the queue's repairs know it: a file being read by OCR
 * is `processing` under its ocr-file job (not stuck), an OCR job given back or abandoned leaves its file
 * `needs-ocr` (not `queued`, which would extract the scan again), and an extraction and an OCR run of one
 * file are never claimed together.
 */
let t: TempStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const A = { owner: `999999@elsewhere#00000001`, leaseMs: 30_000 };
const B = { owner: `999998@elsewhere#00000002`, leaseMs: 30_000 };

async function scanFile() {
  t = await createTempStore();
  await saveTemplate({
    store: t.store,
    actor: OPERATOR,
    input: { name: 'Doc', label: 'Doc', properties: [] },
  });
  const entity = await createEntity({
    store: t.store,
    actor: OPERATOR,
    input: { template: 'Doc', title: 'Scan', language: 'fr' },
  });
  const file = await uploadFile({
    store: t.store,
    actor: OPERATOR,
    entityId: entity.id,
    filename: 'scan.txt',
    content: Buffer.from('x'),
  });
  const db = t.store.sqlite.sqlite;
  // As an extraction that ended needs-ocr leaves it: its ingest job done, an OCR job queued.
  db.prepare(`UPDATE jobs SET status = 'done' WHERE kind = ?`).run(INGEST_FILE_JOB);
  db.prepare(`UPDATE files SET status = 'needs-ocr' WHERE id = ?`).run(file.id);
  await t.store.jobs.queueFileJobOnce(OCR_FILE_JOB, file.id);
  const status = () =>
    (db.prepare(`SELECT status FROM files WHERE id = ?`).pluck().get(file.id) as string) ?? '';
  const jobs = () =>
    db.prepare(`SELECT kind || ':' || status FROM jobs ORDER BY id`).pluck().all() as string[];
  const q = t.store.jobs;
  const claim = (c: typeof A) => q.claimNext([INGEST_FILE_JOB, OCR_FILE_JOB], c);
  const recover = (abandoned: boolean) =>
    t!.store.transaction((tx) =>
      tx.jobs.recoverAbandoned({ kind: INGEST_FILE_JOB, isAbandoned: () => abandoned }),
    );
  return { db, q, claim, recover, fileId: file.id, status, jobs };
}

describe('OCR jobs in the durable queue', () => {
  it('leaves a processing file under a running OCR job alone', async () => {
    const { db, claim, recover, fileId, status, jobs } = await scanFile();
    const job = await claim(A);
    expect(job?.kind).toBe(OCR_FILE_JOB);
    db.prepare(`UPDATE files SET status = 'processing' WHERE id = ?`).run(fileId);
    const r = await recover(false);
    expect(r).toEqual({ requeuedJobs: 0, requeuedFiles: 0, restoredJobs: 0 });
    expect(status()).toBe('processing');
    expect(jobs()).toEqual(['ingest-file:done', 'ocr-file:running']);
  });

  it('puts an abandoned or released OCR job back with its file needing OCR, not queued for extraction', async () => {
    const { db, claim, recover, fileId, status, jobs } = await scanFile();
    await claim(A);
    db.prepare(`UPDATE files SET status = 'processing' WHERE id = ?`).run(fileId);
    await recover(true);
    expect(status()).toBe('needs-ocr');
    expect(jobs()).toEqual(['ingest-file:done', 'ocr-file:queued']);
    const again = (await claim(B))!;
    db.prepare(`UPDATE files SET status = 'processing' WHERE id = ?`).run(fileId);
    await t!.store.transaction((tx) => tx.jobs.release([again.id], B.owner));
    expect(status()).toBe('needs-ocr');
    expect(jobs()).toEqual(['ingest-file:done', 'ocr-file:queued']);
  });

  it('never claims an extraction and an OCR run of one file together', async () => {
    const { q, claim, fileId, jobs } = await scanFile();
    const ocr = (await claim(A))!;
    await q.queueFileJobOnce(INGEST_FILE_JOB, fileId); // a reindex meanwhile
    expect(await claim(B)).toBeNull();
    await q.finish(ocr.id, A.owner);
    expect((await claim(B))?.kind).toBe(INGEST_FILE_JOB);
    expect(jobs()).toEqual(['ingest-file:done', 'ocr-file:done', 'ingest-file:running']);
  });

  it('remembers the language an admin chose for a file, and gives the document language', async () => {
    const { q, fileId } = await scanFile();
    expect(await q.ocrContext(fileId)).toEqual({ chosenLanguage: null, documentLanguage: 'fr' });
    await q.enqueue(OCR_FILE_JOB, { fileId, language: 'spa' }, new Date().toISOString());
    await q.queueFileJobOnce(OCR_FILE_JOB, fileId);
    expect(await q.ocrContext(fileId)).toEqual({ chosenLanguage: 'spa', documentLanguage: 'fr' });
  });
});
