import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildEntity, buildTemplate, buildUser } from '../../test/factories.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { drainIngestQueue } from '../cli/context.ts';
import { DEFAULT_SITE_SETTINGS } from '../domain/schemas/site.ts';
import { DUMPED_TABLES, type Row } from '../store/store.ts';
import { addUser } from './add-user.ts';
import { createEntity } from './create-entity.ts';
import { exportCollection } from './export-collection.ts';
import { ImportError, importCollection } from './import-collection.ts';
import { OPERATOR } from './permissions.ts';
import { saveTemplate } from './save-template.ts';
import { getSiteSettings, saveSiteSettings } from './site-settings.ts';
import { uploadFile } from './upload-file.ts';

const open: TempStore[] = [];
const temp = async () => {
  const t = await createTempStore();
  open.push(t);
  return t;
};
afterEach(async () => {
  for (const t of open.splice(0)) await t.cleanup();
});

const rowsOf = (t: TempStore) =>
  t.store.collection.readSnapshot(async (rows) => {
    const out: Record<string, Row[]> = {};
    for (const table of DUMPED_TABLES) {
      out[table] = [];
      for await (const row of rows(table)) out[table].push(row);
    }
    return out;
  });

describe('export → import', () => {
  it('round-trips every row and every original file', async () => {
    const a = await temp();
    const { store } = a;
    await saveTemplate({ store, actor: OPERATOR, input: buildTemplate() });
    for (const name of ['Country', 'Organization'])
      await saveTemplate({ store, actor: OPERATOR, input: buildTemplate({ name, label: name }) });
    const site = {
      ...DEFAULT_SITE_SETTINGS,
      name: 'Observatoire des politiques',
      stateTemplate: 'Country',
      organisationTemplate: 'Organization',
      // The renamed State template has no ISO code property: no state on the map (decision 58).
      isoNumericProperty: '',
    };
    await saveSiteSettings({ store, actor: OPERATOR, input: site });
    await addUser({ store, actor: OPERATOR, input: buildUser('editor') });
    const cited = await createEntity({ store, actor: OPERATOR, input: buildEntity({ published: true }) });
    const doc = await createEntity({
      store,
      actor: OPERATOR,
      input: buildEntity({ metadata: { summary: 'Cites the other', cites: [cited.id] } }),
    });
    const text =
      'National cyber strategy.\n\nThe State shall protect critical infrastructure.\n\nÉpreuve — 國家網絡安全';
    const file = await uploadFile({
      store,
      actor: OPERATOR,
      entityId: doc.id,
      filename: 'strategy.txt',
      content: Buffer.from(text),
    });
    await drainIngestQueue(store, a.config);
    expect((await store.files.findById(file.id))?.status).toBe('ready');

    const archive = join(a.dataDir, 'out', 'collection.tar.gz');
    const exported = await exportCollection({
      store,
      out: archive,
      withAccounts: true,
    });
    expect(exported.files).toBe(1);
    expect(exported.counts.paragraphs).toBeGreaterThanOrEqual(3);

    const b = await temp();
    const imported = await importCollection({ store: b.store, archive });
    expect(imported.counts).toEqual(exported.counts);
    expect(await rowsOf(b)).toEqual(await rowsOf(a));
    // The imported portal names its profile templates as the exported one did.
    expect(await getSiteSettings({ store: b.store })).toEqual(site);
    const bytes = await new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const stored =
        (b.store.sqlite.sqlite.prepare('SELECT storage_key FROM files').pluck().get() as string) ?? '';
      b.store.originals
        .read(stored)
        .on('data', (c) => chunks.push(Buffer.from(c)))
        .on('end', () => resolve(Buffer.concat(chunks)))
        .on('error', reject);
    });
    expect(bytes.toString()).toBe(text);
    // The imported collection works through the operations, not just as rows.
    expect((await b.store.entities.findById(doc.id))?.metadata).toEqual({
      summary: 'Cites the other',
      cites: [cited.id],
    });
  });

  it('refuses a non-empty target and leaves it untouched', async () => {
    const a = await temp();
    await saveTemplate({ store: a.store, actor: OPERATOR, input: buildTemplate() });
    const archive = join(a.dataDir, 'c.tar.gz');
    await exportCollection({ store: a.store, out: archive });
    await expect(importCollection({ store: a.store, archive })).rejects.toThrow(/not empty/);
    expect((await a.store.templates.list()).length).toBe(1);
  });

  it('rejects a file that is not an archive with a clear error and writes nothing', async () => {
    const b = await temp();
    const bogus = join(b.dataDir, 'bogus.tar.gz');
    writeFileSync(bogus, 'this is not a tarball');
    const err = await importCollection({
      store: b.store,
      archive: bogus,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/Cannot read .* as a \.tar\.gz archive/);
    expect((await b.store.templates.list()).length).toBe(0);
  });
});
