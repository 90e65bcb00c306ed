/**
 * The ingest runner under hostile or huge files, with a real database and real extraction workers: a huge
 * file's text is written in batches (the HTTP thread keeps running and never sees a half-written file as
 * ready), paragraphs per file are capped, and a zip bomb, an inflating PDF or a slow file fails with a clear
 * reason while the good file queued behind it is processed.
 */
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDocx } from '../../../test/fixtures/pdf/make-docx.ts';
import { inflatingPdf } from '../../../test/fixtures/pdf/raw-pdf.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { drainIngestQueue } from '../../cli/context.ts';
import { termOf } from '../../domain/text-analysis/index.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { uploadFile } from '../../operations/upload-file.ts';
import { checkZipInflation } from '../zip-limits.ts';
import { IngestRunner } from './ingest-runner.ts';

let t: TempStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const sqliteOf = (x: TempStore) => x.store.sqlite.sqlite;
const fileRow = (x: TempStore, id: string) =>
  sqliteOf(x).prepare('SELECT status, reason, paragraph_count FROM files WHERE id = ?').get(id) as {
    status: string;
    reason: string | null;
    paragraph_count: number | null;
  };

async function setup(overrides: Parameters<typeof createTempStore>[0] = {}) {
  t = await createTempStore(overrides);
  await saveTemplate({
    store: t.store,
    actor: OPERATOR,
    input: { name: 'Document', label: 'Document', properties: [] },
  });
  const entity = await createEntity({
    store: t.store,
    actor: OPERATOR,
    input: { template: 'Document', title: 'Doc' },
  });
  const store = t.store;
  return (filename: string, content: Uint8Array) =>
    uploadFile({ store, actor: OPERATOR, entityId: entity.id, filename, content: Buffer.from(content) });
}

const paragraphsText = (n: number) =>
  Array.from({ length: n }, (_, i) => `Paragraph ${i}: States should cooperate on norm ${i % 11}.`).join(
    '\n\n',
  );

/** A ZIP with deflated entries; `declare` overrides the uncompressed size written in the headers. */
function deflatedZip(files: Record<string, Buffer>, declare?: number): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const packed = deflateRawSync(data, { level: 1 });
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declare ?? data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(packed.length, 20);
    c.writeUInt32LE(declare ?? data.length, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    parts.push(local, n, packed);
    central.push(c, n);
    offset += 30 + n.length + packed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cd, end]));
}

/** A Word document whose document.xml inflates to `mb` megabytes of (valid) XML. */
function bombDocx(mb: number, declare?: number): Uint8Array {
  const head = '<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>';
  const xml = Buffer.alloc(mb * 1024 * 1024, 'a');
  xml.write(head);
  return deflatedZip(
    {
      '[Content_Types].xml': Buffer.from('<?xml version="1.0"?><Types/>'),
      'word/document.xml': xml,
    },
    declare,
  );
}

describe('a huge file is written in batches', () => {
  it('keeps the HTTP thread running during the write and shows the file ready only when complete', async () => {
    const upload = await setup();
    const n = 60_000;
    const file = await upload('big.txt', Buffer.from(paragraphsText(n)));
    const sqlite = sqliteOf(t!);
    const count = sqlite.prepare('SELECT count(*) FROM paragraphs WHERE file_id = ?').pluck();
    const status = sqlite.prepare('SELECT status FROM files WHERE id = ?').pluck();
    // A timer on this thread samples what readers see. One write transaction on this thread (as before)
    // would block it for the whole write, so it could never see a partly written file.
    const partial: { rows: number; status: string }[] = [];
    const timer = setInterval(() => {
      const rows = count.get(file.id) as number;
      if (rows > 0 && rows < n) partial.push({ rows, status: status.get(file.id) as string });
    }, 20);
    try {
      await drainIngestQueue(t!.store, t!.config);
    } finally {
      clearInterval(timer);
    }
    expect(fileRow(t!, file.id)).toMatchObject({ status: 'ready', paragraph_count: n });
    expect(count.get(file.id)).toBe(n);
    // The loop was served between batches many times, and never saw a partial text marked ready.
    expect(new Set(partial.map((p) => p.rows)).size).toBeGreaterThanOrEqual(5);
    expect(partial.every((p) => p.status === 'processing')).toBe(true);
    // Searchable once ready: the hook ran in the final transaction.
    const hit = sqlite
      .prepare(`SELECT count(*) FROM search_entities_fts WHERE search_entities_fts MATCH ?`)
      .pluck()
      // The index holds analysed terms (domain/text-analysis): "cooperate" in the paragraphs' language.
      .get(
        `"${termOf('cooperate', sqlite.prepare('SELECT language FROM paragraphs WHERE file_id = ? LIMIT 1').pluck().get(file.id) as string | null)}"`,
      );
    expect(hit).toBe(1);
  }, 240_000);

  it('fails a file over the paragraph cap with the count and the limit; the next file is processed', async () => {
    const upload = await setup();
    const over = await upload('over.txt', Buffer.from(paragraphsText(1500)));
    const good = await upload('good.txt', Buffer.from(paragraphsText(20)));
    const runner = new IngestRunner({
      store: t!.store,
      dataDir: t!.dataDir,
      concurrency: 1,
      maxBytes: t!.config.maxUploadBytes,
      timeoutMs: 60_000,
      memoryMb: 1024,
      maxParagraphs: 1000,
    });
    runner.start();
    await runner.idle();
    await runner.stop();
    const row = fileRow(t!, over.id);
    expect(row.status).toBe('failed');
    expect(row.reason).toMatch(/1,500 paragraphs, over the limit of 1,000 per file/);
    expect(fileRow(t!, good.id)).toMatchObject({ status: 'ready', paragraph_count: 20 });
  }, 120_000);
});

describe('extraction limits', () => {
  it('sees through a zip bomb by its declared size and by its actual size', () => {
    expect(checkZipInflation(makeDocx([{ text: 'A real, small document.' }]))).toBeNull();
    expect(checkZipInflation(bombDocx(120))).toMatch(/zip bomb/);
    // Headers that lie (1 KB declared) do not help: inflation stops at the bound.
    expect(checkZipInflation(bombDocx(120, 1024))).toMatch(/zip bomb/);
  });

  it('fails a DOCX zip bomb with a reason, and the good file behind it ends ready', async () => {
    const upload = await setup();
    const bomb = await upload('bomb.docx', bombDocx(150, 2048));
    const good = await upload('good.docx', makeDocx([{ text: 'States should cooperate.' }]));
    await drainIngestQueue(t!.store, t!.config);
    const row = fileRow(t!, bomb.id);
    expect(row.status).toBe('failed');
    expect(row.reason).toMatch(/more than 100 MB .*zip bomb/);
    expect(fileRow(t!, good.id)).toMatchObject({ status: 'ready', paragraph_count: 1 });
  }, 120_000);

  it('kills a worker over the time limit ("took too long"); the next file gets a fresh worker', async () => {
    const upload = await setup({ ingestTimeoutSeconds: 1 });
    const slow = await upload('slow.pdf', inflatingPdf(64));
    const good = await upload(
      'good.txt',
      Buffer.from('A short file.\n\nIt is processed after the slow one.'),
    );
    await drainIngestQueue(t!.store, t!.config);
    const row = fileRow(t!, slow.id);
    expect(row.status).toBe('failed');
    expect(row.reason).toMatch(/took too long to process \((over 1 s of processing|no progress in \d+ s)\)/);
    expect(fileRow(t!, good.id)).toMatchObject({ status: 'ready', paragraph_count: 2 });
  }, 120_000);

  it('kills a worker whose file inflates past the memory limit', async () => {
    const upload = await setup({ ingestMemoryMb: 64, ingestTimeoutSeconds: 600 });
    const heavy = await upload('heavy.pdf', inflatingPdf(400));
    const good = await upload('good.txt', Buffer.from('Still processed.'));
    await drainIngestQueue(t!.store, t!.config);
    const row = fileRow(t!, heavy.id);
    expect(row.status).toBe('failed');
    expect(row.reason).toMatch(/more memory to process than the 64 MB allowed/);
    expect(fileRow(t!, good.id)).toMatchObject({ status: 'ready', paragraph_count: 1 });
  }, 180_000);
});
