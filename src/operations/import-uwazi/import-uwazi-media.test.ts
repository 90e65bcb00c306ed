import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serialize } from 'bson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { fileIdOfPath } from '../../domain/schemas/entity.ts';
import { importUwazi } from './import-uwazi.ts';
import { type BsonDoc, readBsonFile } from './read-dump.ts';

/**
 * Media and image values that point at Uwazi's uploaded files (issue 12, decision 53), on a small subset
 * of the fixture (../shared/corpus, written by others) so no full import runs again: its schema, the three
 * language copies of the one entity that has an attachment and a thumbnail, and those two file records. The
 * fixture's media and image properties are on its "Reporte" template, which holds no entity; the entity is
 * put on it with values in the forms Uwazi writes (an attachment picked in the field, an external video,
 * time links, a file that was never uploaded). Nothing is drained: no file is read.
 */
const fixture = [
  process.env.CYBERPORTAL_UWAZI_FIXTURE,
  resolve('../shared/corpus/uwazi-fixture'),
  resolve('../../shared/corpus/uwazi-fixture'),
].find((d): d is string => Boolean(d && existsSync(d)));

describe.skipIf(!fixture)('import-uwazi: media and image values', () => {
  const dumpDir = `${fixture}/dump`;
  const SHARED = 'z4l9pjwiy60cc8fr';
  let t: TempStore;
  let subset: string;
  let files: BsonDoc[];
  let first: Awaited<ReturnType<typeof importUwazi>>;

  beforeAll(async () => {
    subset = mkdtempSync(join(tmpdir(), 'uwazi-media-'));
    for (const name of ['settings', 'templates', 'dictionaries', 'relationtypes', 'translationsV2'])
      copyFileSync(join(dumpDir, `${name}.bson`), join(subset, `${name}.bson`));
    const write = (name: string, docs: BsonDoc[]) =>
      writeFileSync(join(subset, `${name}.bson`), Buffer.concat(docs.map((d) => serialize(d))));
    const templates = await readBsonFile(join(dumpDir, 'templates.bson'));
    const reporte = templates.find((x) => x.name === 'Reporte')!;
    files = (await readBsonFile(join(dumpDir, 'files.bson'))).filter(
      (f) => f.entity === SHARED && f.type !== 'document',
    );
    const attachment = String(files.find((f) => f.type === 'attachment')!.filename);
    const thumbnail = String(files.find((f) => f.type === 'thumbnail')!.filename);
    const media: Record<string, Record<string, { value: string }[]>> = {
      en: {
        fotograf_a: [{ value: `/api/files/${thumbnail}` }],
        video: [{ value: `/api/files/${attachment}` }],
        imagen_adicional: [{ value: '/api/files/1700000000000neveruploaded.jpg' }],
      },
      es: { video: [{ value: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }] },
      ar: { video: [{ value: `(/api/files/${attachment}, {"timelinks":{"00:00:05":"مقدمة"}})` }] },
    };
    const entities = (await readBsonFile(join(dumpDir, 'entities.bson')))
      .filter((e) => e.sharedId === SHARED)
      .map((e) => ({ ...e, template: reporte._id, metadata: media[String(e.language)] ?? {} }));
    expect(entities).toHaveLength(3);
    write('entities', entities);
    write('files', files);
    t = await createTempStore();
    first = await importUwazi({
      store: t.store,
      dumpDir: subset,
      filesDir: `${fixture}/uploaded_documents`,
    });
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
    if (subset) rmSync(subset, { recursive: true, force: true });
  });

  it('makes media and image properties of ours, not text', async () => {
    const ours = (await t.store.templates.list()).find((x) => x.label === 'Reporte')!;
    expect(ours.properties.map((p) => [p.label, p.type])).toEqual(
      expect.arrayContaining([
        ['Fotografía', 'image'],
        ['Video', 'media'],
        ['Imagen adicional', 'image'],
      ]),
    );
    expect(first.kinds.properties.loss.join('\n')).not.toMatch(/\((media|image)\)/);
  });

  it("points values naming an Uwazi file at our copy of it, keeps other addresses, reports what it can't", async () => {
    const id = (await t.store.importMappings.list('uwazi')).get('entity')!.get(SHARED)!;
    const entity = (await t.store.entities.findById(id))!;
    const tpl = (await t.store.templates.list()).find((x) => x.label === 'Reporte')!;
    const name = (label: string) => tpl.properties.find((p) => p.label === label)!.name;
    const ourFiles = new Map((await t.store.files.listByEntity(id)).map((f) => [f.id, f]));

    const video = String(entity.metadata[name('Video')]);
    expect(ourFiles.get(fileIdOfPath(video) ?? '')).toMatchObject({
      role: 'attachment',
      filename: 'MockPDF_again.pdf',
    });
    const photo = String(entity.metadata[name('Fotografía')]);
    expect(ourFiles.get(fileIdOfPath(photo) ?? '')).toMatchObject({ role: 'thumbnail' });
    // Never uploaded: kept as Uwazi had it, and named in the report.
    expect(entity.metadata[name('Imagen adicional')]).toBe('/api/files/1700000000000neveruploaded.jpg');
    expect(first.kinds.entities.loss).toContainEqual(
      expect.stringContaining(
        `› ${name('Imagen adicional')}: "/api/files/1700000000000neveruploaded.jpg" names an Uwazi file that is not in the dump's files`,
      ),
    );

    // Per language, as in Uwazi: the Spanish video is YouTube's, the Arabic one our copy without its time links.
    expect(entity.translations.es?.metadata?.[name('Video')]).toBe(
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    );
    expect(entity.translations.ar?.metadata?.[name('Video')]).toBe(video);
    expect(first.kinds.translations.loss.join('\n')).toMatch(
      /\(ar\)[^\n]*time links not kept[^\n]*00:00:05 مقدمة/,
    );
    expect(first.kinds.files).toMatchObject({ imported: 2, failed: [] });
  });

  it('changes nothing when run again: the same files, the same addresses', async () => {
    const id = (await t.store.importMappings.list('uwazi')).get('entity')!.get(SHARED)!;
    const before = (await t.store.entities.findById(id))!;
    const counts = await t.store.collection.countRows();
    const again = await importUwazi({
      store: t.store,
      dumpDir: subset,
      filesDir: `${fixture}/uploaded_documents`,
    });
    expect(again.kinds.entities).toMatchObject({ imported: 0, updated: 0, unchanged: 1 });
    expect(again.kinds.files).toMatchObject({ imported: 0, unchanged: 2 });
    expect(await t.store.collection.countRows()).toEqual(counts);
    expect((await t.store.entities.findById(id))!.version).toBe(before.version);
  });

  it('reports every value it would leave unrewritten in a dry run without the files folder', async () => {
    const fresh = await createTempStore();
    try {
      const dry = await importUwazi({ store: fresh.store, dumpDir: subset, filesDir: null, dryRun: true });
      const lost = [...dry.kinds.entities.loss, ...dry.kinds.translations.loss].join('\n');
      for (const f of files) expect(lost).toContain(String(f.filename));
      expect(lost).toMatch(/missing from the files folder/);
      expect((await fresh.store.collection.countRows()).entities).toBe(0);
    } finally {
      await fresh.cleanup();
    }
  });
});
