import { expect, it } from 'vitest';
import { newId } from '../../src/store/ids.ts';
import type { Row } from '../../src/store/repositories/collection.repository.ts';
import type { Store } from '../../src/store/store.ts';
import { describeEachEngine } from './engines.ts';
import { addEntity, addTemplate, at } from './rows.ts';

async function fill(store: Store) {
  const t = await addTemplate(store);
  const e = await addEntity(store, t, { title: 'Loi n° 2023-01 — 网络安全法', published: false });
  await store.entities.replaceLinks(e.id, [{ property: 'cites', toId: e.id }]);
  const fileId = newId();
  await store.files.insert({
    id: fileId,
    entityId: e.id,
    filename: 'loi.pdf',
    mimeType: 'application/pdf',
    kind: 'pdf',
    size: 3_000_000_000,
    sha256: 'ab'.repeat(32),
    storageKey: `ab/${fileId}`,
    status: 'processing',
    reason: null,
    language: 'fr',
    pageCount: null,
    paragraphCount: null,
    progress: 0.5,
    createdAt: at(0),
    updatedAt: at(0),
    role: 'document',
  });
  for (let i = 0; i < 3; i++)
    await store.activity.insert({
      userId: null,
      username: null,
      action: 'create',
      targetType: 'entity',
      targetId: e.id,
      summary: `step ${i}`,
      changes: null,
      at: at(i),
    });
  await store.importMappings.insert(
    'uwazi',
    [{ kind: 'entity', sourceId: 'shared-1', localId: e.id }],
    at(4),
  );
  await store.siteSettings.put(
    'site',
    { name: 'Observatoire — 网络', stateTemplate: 'Country', organisationTemplate: 'Organization' },
    at(5),
  );
  return { fileId };
}

async function dump(store: Store) {
  return store.collection.readSnapshot(async (rows, counts) => {
    const tables = new Map<string, Row[]>();
    for (const table of [
      'users',
      'templates',
      'entities',
      'entity_links',
      'files',
      'activity_log',
      'import_mappings',
      'site_settings',
    ] as const) {
      const out: Row[] = [];
      for await (const row of rows(table)) out.push(row);
      tables.set(table, out);
    }
    return { tables, counts: await counts() };
  });
}

describeEachEngine('collection dump and load', (open) => {
  it('loads what it dumped into an empty store row for row, queues cut-off files, and keeps new keys after the loaded ones', async () => {
    const source = await open();
    const { fileId } = await fill(source);
    const { tables, counts } = await dump(source);
    expect(counts).toMatchObject({
      entities: 1,
      files: 1,
      activity_log: 3,
      entity_links: 1,
      import_mappings: 1,
      site_settings: 1,
    });
    const target = await open();
    expect(await target.collection.isEmpty()).toBe(true);
    const loaded = await target.transaction((tx) => tx.collection.load(tables));
    expect(loaded.requeued).toBe(1);
    expect(await target.collection.countRows()).toEqual(await source.collection.countRows());
    const again = await dump(target);
    for (const [table, rows] of tables) if (table !== 'files') expect(again.tables.get(table)).toEqual(rows);
    expect(again.tables.get('files')?.[0]).toEqual({ ...tables.get('files')?.[0], status: 'queued' });
    expect((await target.jobs.list({ status: 'queued' })).map((j) => j.payload)).toEqual([{ fileId }]);
    await target.activity.insert({
      userId: null,
      username: null,
      action: 'update',
      targetType: 'entity',
      targetId: null,
      summary: 'after the load',
      at: at(9),
      changes: null,
    });
    const ids = (await target.activity.list({ limit: 10 })).map((a) => a.id);
    expect(ids[0]).toBeGreaterThan(Math.max(...ids.slice(1)));
  });

  it('reads one state of the database while another server writes', async () => {
    const store = await open();
    await fill(store);
    const other = await open.another(store);
    const seen = await store.collection.readSnapshot(async (rows, counts) => {
      const before = (await counts()).activity_log;
      await other.activity.insert({
        userId: null,
        username: null,
        action: 'x',
        targetType: 'x',
        targetId: null,
        summary: 'written meanwhile',
        at: at(9),
        changes: null,
      });
      let n = 0;
      for await (const _ of rows('activity_log')) n++;
      return { before, streamed: n, after: (await counts()).activity_log };
    });
    expect(seen).toEqual({ before: 3, streamed: 3, after: 3 });
    expect((await store.collection.countRows()).activity_log).toBe(4);
  });
});
