import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { newId } from '../../src/store/ids.ts';
import { isPostgresStore } from '../../src/store/postgres/open-postgres-store.ts';
import type { SqliteStore, Store } from '../../src/store/store.ts';
import type { Tables } from '../../src/store/tables.ts';
import { describeEachEngine } from './engines.ts';
import { addEntity, addTemplate, at } from './rows.ts';

const DAMAGED =
  'The PDF is damaged and cannot be read: open it in a PDF reader and save or print it again as PDF, then upload that copy.';
const db = (store: Store) =>
  isPostgresStore(store) ? store.postgres.db : ((store as SqliteStore).sqlite.db as Kysely<Tables>);

async function addFile(store: Store, reason: string | null) {
  const template = (await store.templates.findByName('Document')) ?? (await addTemplate(store));
  const e = await addEntity(store, template);
  const id = newId();
  await store.files.insert({
    id,
    entityId: e.id,
    filename: 'strategy.pdf',
    mimeType: 'application/pdf',
    kind: 'pdf',
    size: 10,
    sha256: 'ab'.repeat(32),
    storageKey: `ab/${id}`,
    status: reason ? 'failed' : 'queued',
    reason,
    language: null,
    pageCount: null,
    paragraphCount: null,
    progress: null,
    createdAt: at(0),
    updatedAt: at(0),
    role: 'document',
  });
  return id;
}

describeEachEngine('file reason codes', (open) => {
  it('stores a reason’s codes wherever the reason is written, and clears them with it', async () => {
    const store = await open();
    const id = await addFile(store, null);
    expect((await store.files.findById(id))?.reasonCodes).toEqual([]);
    await store.fileText.setFailed(id, DAMAGED);
    expect(await store.files.findById(id)).toMatchObject({
      status: 'failed',
      reason: DAMAGED,
      reasonCodes: [{ code: 'pdfDamaged', params: {} }],
    });
    const stored = await db(store)
      .selectFrom('files')
      .select('reason_codes')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(JSON.parse(stored!.reason_codes!)).toEqual([{ code: 'pdfDamaged', params: {} }]);
    await store.fileText.setProcessing(id, 0);
    expect(await store.files.findById(id)).toMatchObject({ reason: null, reasonCodes: [] });
    await store.fileText.setFailed(id, 'pdftoppm failed: bad page');
    expect((await store.files.findById(id))?.reasonCodes).toEqual([
      { code: 'ocrToolFailed', params: { tool: 'pdftoppm', detail: 'bad page' } },
    ]);
    const failedAtInsert = await addFile(store, 'The file contains no text.');
    expect((await store.files.findById(failedAtInsert))?.reasonCodes).toEqual([
      { code: 'noText', params: {} },
    ]);
  });

  it('reads the codes of a reason stored before codes were kept off its English', async () => {
    const store = await open();
    const id = await addFile(store, null);
    await db(store)
      .updateTable('files')
      .set({ status: 'failed', reason: DAMAGED, reason_codes: null })
      .where('id', '=', id)
      .execute();
    expect((await store.files.findById(id))?.reasonCodes).toEqual([{ code: 'pdfDamaged', params: {} }]);
  });
});
