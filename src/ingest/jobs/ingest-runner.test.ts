import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { drainIngestQueue } from '../../cli/context.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { uploadFile } from '../../operations/upload-file.ts';

let t: TempStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

async function manyPagePdf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = pdf.addPage([595, 842]);
    page.drawText(`Section ${i}. States should cooperate on the security of ICTs, page ${i}.`, {
      x: 72,
      y: 700,
      size: 11,
      font,
    });
    page.drawText(`${i} / ${pages}`, { x: 280, y: 40, size: 9, font });
  }
  return pdf.save();
}

const sqliteOf = (x: TempStore) => x.store.sqlite.sqlite;
const fileRow = (x: TempStore, id: string) =>
  sqliteOf(x).prepare('SELECT status, page_count, paragraph_count FROM files WHERE id = ?').get(id) as {
    status: string;
    page_count: number | null;
    paragraph_count: number | null;
  };

describe('ingest runner', () => {
  it('processes a file again after the process is killed mid-file, with no half-written text', async () => {
    t = await createTempStore();
    const big = join(t.dataDir, 'big.pdf');
    writeFileSync(big, await manyPagePdf(400));
    await saveTemplate({
      store: t.store,
      actor: OPERATOR,
      input: { name: 'Document', label: 'Document', properties: [] },
    });
    const entity = await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: { template: 'Document', title: 'Big' },
    });
    const file = await uploadFile({
      store: t.store,
      actor: OPERATOR,
      entityId: entity.id,
      filename: 'big.pdf',
      content: readFileSync(big),
    });
    expect(fileRow(t, file.id).status).toBe('queued');

    // A separate process takes the job; we kill it as soon as it is processing.
    const child = spawn(process.execPath, ['bin/cyberportal.js', '--data', t.dataDir, 'reindex'], {
      stdio: 'ignore',
    });
    const deadline = Date.now() + 60_000;
    while (fileRow(t, file.id).status !== 'processing') {
      if (Date.now() > deadline) throw new Error('the child never started processing');
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(fileRow(t, file.id).status).toBe('processing');
    expect(await t.store.fileText.paragraphs(file.id)).toHaveLength(0);

    // The next start recovers the interrupted job and finishes the file once.
    await drainIngestQueue(t.store, t.config);
    const done = fileRow(t, file.id);
    expect(done).toMatchObject({ status: 'ready', page_count: 400 });
    const paragraphs = await t.store.fileText.paragraphs(file.id);
    expect(paragraphs.length).toBe(done.paragraph_count);
    expect(paragraphs.some((p) => /\d+ \/ 400/.test(p.text))).toBe(false);
    const jobs = sqliteOf(t).prepare(`SELECT status FROM jobs`).pluck().all();
    expect(jobs.every((s) => s === 'done')).toBe(true);
  }, 120_000);

  it('keeps paragraph ids when a file is re-extracted with unchanged text', async () => {
    t = await createTempStore();
    await saveTemplate({
      store: t.store,
      actor: OPERATOR,
      input: { name: 'Document', label: 'Document', properties: [] },
    });
    const entity = await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: { template: 'Document', title: 'Text' },
    });
    // The repeated paragraph must keep its own id, not share or swap its twin's.
    const text =
      'First paragraph about norms.\n\nSecond paragraph about confidence-building measures.\n\nFirst paragraph about norms.';
    const file = await uploadFile({
      store: t.store,
      actor: OPERATOR,
      entityId: entity.id,
      filename: 'a.txt',
      content: Buffer.from(text),
    });
    await drainIngestQueue(t.store, t.config);
    const before = (await t.store.fileText.paragraphs(file.id)).map((p) => p.id);
    sqliteOf(t)
      .prepare(
        `INSERT INTO jobs (kind, payload, status, created_at, updated_at) VALUES ('ingest-file', ?, 'queued', '', '')`,
      )
      .run(JSON.stringify({ fileId: file.id }));
    await drainIngestQueue(t.store, t.config);
    expect((await t.store.fileText.paragraphs(file.id)).map((p) => p.id)).toEqual(before);
    expect(before).toHaveLength(3);
    expect(new Set(before).size).toBe(3);
  });
  it('does not put a file back to processing when its last progress is recorded after the outcome', async () => {
    t = await createTempStore();
    const x = t;
    await saveTemplate({
      store: x.store,
      actor: OPERATOR,
      input: { name: 'Document', label: 'Document', properties: [] },
    });
    const entity = await createEntity({
      store: x.store,
      actor: OPERATOR,
      input: { template: 'Document', title: 'Short' },
    });
    const file = await uploadFile({
      store: x.store,
      actor: OPERATOR,
      entityId: entity.id,
      filename: 'short.pdf',
      content: await manyPagePdf(1),
    });
    // The worker sends its last progress, then writes the outcome on its own connection. Hold this
    // process's loop (as a busy server does) until that write has landed, so the progress is handled after it.
    let held = false;
    await drainIngestQueue(x.store, x.config, (e) => {
      if (e.type !== 'progress' || held) return;
      held = true;
      const until = Date.now() + 20_000;
      while (fileRow(x, file.id).status === 'processing' && Date.now() < until) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      }
    });
    expect(held).toBe(true);
    expect(fileRow(x, file.id)).toMatchObject({ status: 'ready', page_count: 1 });
  }, 60_000);
});
