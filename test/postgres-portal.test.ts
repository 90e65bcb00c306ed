/**
 * The portal's own paths on PostgreSQL, end to end (issue 13): a file ingested by the real runner (its
 * extraction worker opens the same PostgreSQL store for itself and writes the text in batches), found by the
 * engine's search provider at its page, deleted with its text cleared by the worker thread; and a whole
 * embedded collection moved into PostgreSQL by migrate-store and checked row by row.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { drainIngestQueue } from '../src/cli/context.ts';
import { loadConfig } from '../src/config.ts';
import { createEntity } from '../src/operations/create-entity.ts';
import { deleteEntity } from '../src/operations/delete-entity.ts';
import { migrateStore } from '../src/operations/migrate-store.ts';
import { OPERATOR } from '../src/operations/permissions.ts';
import { saveTemplate } from '../src/operations/save-template.ts';
import { uploadFile } from '../src/operations/upload-file.ts';
import { openSearch } from '../src/store/open-search.ts';
import { buildEntity, buildTemplate } from './factories.ts';
import { createTempPostgresStore } from './postgres/temp-postgres-store.ts';
import { documentsWithText, RESPONSE, STATEMENT, seedReferenceTypes } from './reference-fixtures.ts';
import { createTempStore } from './temp-store.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const viewer = { canSeeUnpublished: true };

describe('the portal on PostgreSQL', () => {
  it('ingests a file through the runner, finds it at its page, and deletes it with its text', async () => {
    const pg = await createTempPostgresStore();
    cleanups.push(pg.cleanup);
    const { store } = pg;
    const config = loadConfig({}, { logLevel: 'silent', dataDir: pg.dataDir });
    await saveTemplate({ store, actor: OPERATOR, input: buildTemplate() });
    const entity = await createEntity({ store, actor: OPERATOR, input: buildEntity({ title: 'Strategy' }) });
    // 3,000 paragraphs: the text goes in several batches, and clearing it is large enough for the worker thread.
    const text = Array.from({ length: 6000 }, (_, i) =>
      i === 4321 ? 'The okapi protocol secures the grid.' : `Paragraph ${i} on national resilience.`,
    ).join('\n\n');
    const file = await uploadFile({
      store,
      actor: OPERATOR,
      entityId: entity.id,
      filename: 'strategy.txt',
      content: Buffer.from(text),
    });
    await drainIngestQueue(store, config);
    expect(await store.files.findById(file.id)).toMatchObject({ status: 'ready', paragraphCount: 6000 });

    const search = openSearch(store, { workers: 0, timeoutMs: 10_000, cache: true });
    try {
      const hit = (await search.search({ q: 'okapi', viewer })).items[0];
      expect(hit?.entity.id).toBe(entity.id);
      expect(hit?.snippets[0]).toMatchObject({ fileId: file.id });
      const within = await search.searchWithinFile({ fileId: file.id, q: 'okapi', viewer });
      expect(within?.matches).toHaveLength(1);

      await deleteEntity({ store, actor: OPERATOR, id: entity.id });
      expect(await store.fileText.paragraphs(file.id)).toEqual([]);
      expect((await search.search({ q: 'okapi', viewer })).items).toEqual([]);
    } finally {
      await search.close();
    }
  }, 180_000);

  it('takes a whole embedded collection with migrate-store, checked row by row, and searches it', async () => {
    const source = await createTempStore();
    cleanups.push(source.cleanup);
    await seedReferenceTypes(source.store);
    await documentsWithText(source.store, source.config, [
      { title: 'Statement', text: STATEMENT, published: true },
      { title: 'Response', text: RESPONSE, published: true },
    ]);
    const pg = await createTempPostgresStore();
    cleanups.push(pg.cleanup);
    const report = await migrateStore({ source: source.store, target: pg.store });
    expect(report.tables.filter((t) => !t.same)).toEqual([]);
    expect(report.tables.find((t) => t.table === 'paragraphs')!.target).toBeGreaterThan(2);
    const word = STATEMENT.split(/\W+/).find((w) => w.length > 7)!;
    const search = openSearch(pg.store, { workers: 0, timeoutMs: 10_000, cache: false });
    try {
      expect((await search.search({ q: word, viewer: { canSeeUnpublished: false } })).total).toBeGreaterThan(
        0,
      );
    } finally {
      await search.close();
    }
  }, 180_000);
});
