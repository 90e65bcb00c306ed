/** Deleting a document with a huge file: the text leaves in batches while the HTTP thread keeps running. */
import { afterEach, expect, it } from 'vitest';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { createEntity } from './create-entity.ts';
import { deleteEntity } from './delete-entity.ts';
import { OPERATOR } from './permissions.ts';
import { saveTemplate } from './save-template.ts';
import { uploadFile } from './upload-file.ts';

let t: TempStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

it('removes a 50k-paragraph file in batches, never showing part of its text as ready', async () => {
  t = await createTempStore();
  const store = t.store;
  const sqlite = store.sqlite.sqlite;
  await saveTemplate({
    store,
    actor: OPERATOR,
    input: { name: 'Document', label: 'Document', properties: [] },
  });
  const entity = await createEntity({
    store,
    actor: OPERATOR,
    input: { template: 'Document', title: 'Huge' },
  });
  const file = await uploadFile({
    store,
    actor: OPERATOR,
    entityId: entity.id,
    filename: 'huge.txt',
    content: Buffer.from('placeholder'),
  });
  // The text as the ingest worker writes it (same store functions), without the extraction's minutes.
  const n = 50_000;
  const paragraphs = Array.from({ length: n }, (_, i) => {
    const text = `Paragraph ${i} on the security of information and communications technologies.`;
    return {
      key: `k${i}`,
      ordinal: i,
      page: 1,
      pageEnd: 1,
      start: 0,
      end: 0,
      text,
      isHeading: false,
      language: 'en',
      rects: [],
    };
  });
  await store.transaction((tx) =>
    tx.fileText.insertBatch(
      file.id,
      [],
      paragraphs,
      paragraphs.map((_, i) => `p${i}`),
    ),
  );
  await store.transaction(async (tx) => {
    await tx.fileText.setTextStatus(file.id, {
      status: 'ready',
      reason: null,
      language: 'en',
      fullText: '',
      pageCount: 0,
      paragraphCount: n,
    });
    await tx.searchIndex.indexFile(file.id);
  });
  const count = sqlite.prepare('SELECT count(*) FROM paragraphs WHERE file_id = ?').pluck();
  const status = sqlite.prepare('SELECT status FROM files WHERE id = ?').pluck();
  const partial: { rows: number; status: unknown }[] = [];
  // Runs only when the thread is free: a delete in one transaction (as before) never lets it see a partial text.
  const timer = setInterval(() => {
    const rows = count.get(file.id) as number;
    if (rows > 0 && rows < n) partial.push({ rows, status: status.get(file.id) });
  }, 20);
  try {
    await deleteEntity({ store, actor: OPERATOR, id: entity.id });
  } finally {
    clearInterval(timer);
  }
  expect(new Set(partial.map((p) => p.rows)).size).toBeGreaterThanOrEqual(5);
  expect(partial.every((p) => p.status === 'failed')).toBe(true);
  expect(await store.entities.findById(entity.id)).toBeNull();
  expect(sqlite.prepare('SELECT count(*) FROM paragraphs').pluck().get()).toBe(0);
  expect(sqlite.prepare('SELECT count(*) FROM search_entities').pluck().get()).toBe(0);
}, 120_000);
