import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ObjectId, serialize } from 'bson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { drainIngestQueue } from '../../cli/context.ts';
import { importUwazi } from './import-uwazi.ts';

/**
 * A small Uwazi dump written here with the bson package, for what the development fixture lacks: text
 * connections (`reference.text` + `selectionRectangles`), one whose quote our text holds and one whose quote
 * it does not, and a French copy of an entity.
 */
const FOUND = 'the quoted passage that the second entity answers';
const LOST = 'a sentence this file never had';
const TEXT = `First paragraph of the report.\n\nHere is ${FOUND}, with more words after it.\n\nLast paragraph.\n`;

let t: TempStore;
let root: string;

async function writeDump(dir: string) {
  const ids = { template: new ObjectId(), prop: new ObjectId(), cites: new ObjectId(), file: new ObjectId() };
  const collections: Record<string, Record<string, unknown>[]> = {
    settings: [{ languages: [{ key: 'en', default: true }, { key: 'fr' }] }],
    templates: [
      {
        _id: ids.template,
        name: 'Report',
        properties: [{ _id: ids.prop, name: 'summary', label: 'Summary', type: 'text' }],
      },
    ],
    relationtypes: [{ _id: ids.cites, name: 'Cites' }],
    dictionaries: [],
    translationsV2: [
      {
        language: 'fr',
        key: 'Report',
        value: 'Rapport',
        context: { type: 'Entity', id: ids.template.toHexString() },
      },
      {
        language: 'fr',
        key: 'Summary',
        value: 'Résumé',
        context: { type: 'Entity', id: ids.template.toHexString() },
      },
      {
        language: 'en',
        key: 'Summary',
        value: 'Summary',
        context: { type: 'Entity', id: ids.template.toHexString() },
      },
      {
        language: 'fr',
        key: 'Cites',
        value: 'Cite',
        context: { type: 'Relationship Type', id: ids.cites.toHexString() },
      },
    ],
    entities: [
      {
        sharedId: 'rep1',
        language: 'en',
        title: 'Report one',
        template: ids.template,
        published: true,
        metadata: { summary: [{ value: 'In English' }] },
      },
      {
        sharedId: 'rep1',
        language: 'fr',
        title: 'Rapport un',
        template: ids.template,
        published: true,
        metadata: { summary: [{ value: 'En français' }] },
      },
      {
        sharedId: 'ans2',
        language: 'en',
        title: 'Answer two',
        template: ids.template,
        published: false,
        metadata: {},
      },
    ],
    files: [
      {
        _id: ids.file,
        entity: 'rep1',
        type: 'document',
        filename: 'report.txt',
        originalname: 'report.txt',
        language: 'eng',
      },
    ],
    connections: [
      {
        _id: new ObjectId(),
        hub: 'h1',
        entity: 'rep1',
        template: null,
        file: ids.file.toHexString(),
        reference: {
          text: FOUND,
          selectionRectangles: [{ top: 10, left: 10, width: 100, height: 12, page: '1' }],
        },
      },
      { _id: new ObjectId(), hub: 'h1', entity: 'ans2', template: ids.cites },
      {
        _id: new ObjectId(),
        hub: 'h2',
        entity: 'rep1',
        template: null,
        file: ids.file.toHexString(),
        reference: { text: LOST, selectionRectangles: [] },
      },
      { _id: new ObjectId(), hub: 'h2', entity: 'ans2', template: ids.cites },
    ],
  };
  await mkdir(join(dir, 'dump'), { recursive: true });
  for (const [name, docs] of Object.entries(collections))
    await writeFile(join(dir, 'dump', `${name}.bson`), Buffer.concat(docs.map((d) => serialize(d))));
  await mkdir(join(dir, 'uploaded_documents'));
  await writeFile(join(dir, 'uploaded_documents', 'report.txt'), TEXT);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cp-uwazi-'));
  await writeDump(root);
  t = await createTempStore();
}, 60_000);
afterAll(async () => {
  await t.cleanup();
  await rm(root, { recursive: true, force: true });
});

describe('import-uwazi text connections', () => {
  it('anchors a quote found in our text and keeps one not found as an orphan with its quote', async () => {
    const report = await importUwazi({
      store: t.store,
      dumpDir: join(root, 'dump'),
      drain: () => drainIngestQueue(t.store, t.config),
    });
    expect(report.kinds.references).toMatchObject({ read: 2, imported: 2, failed: [] });
    expect(report.kinds.references.loss).toEqual([
      expect.stringMatching(/h2 .*imported orphaned with its quote/),
    ]);
    const mappings = await t.store.importMappings.list('uwazi');
    const fileId = mappings.get('file')!.values().next().value!;
    const anchors = await t.store.references.listAnchorsInFile(fileId);
    const text = (await t.store.files.fullText(fileId))!;
    const found = anchors.find((a) => !a.orphaned)!;
    expect(found.source.exact).toBe(FOUND);
    expect(text.slice(found.source.start, found.source.end)).toBe(FOUND);
    expect(found.source.prefix).toMatch(/Here is $/);
    const lost = anchors.find((a) => a.orphaned)!;
    expect(lost.source.exact).toBe(LOST);
    // A text connection is a reference only, not a relationship value besides.
    const rep = await t.store.entities.findById(mappings.get('entity')!.get('rep1')!);
    expect(Object.keys(rep!.metadata)).toEqual(['summary']);
    expect(rep!.translations).toEqual({ fr: { title: 'Rapport un', metadata: { summary: 'En français' } } });

    const report1 = (await t.store.templates.findByName('Report'))!;
    expect(report1.labels).toEqual({ fr: 'Rapport' });
    expect(report1.properties[0]).toMatchObject({
      name: 'summary',
      label: 'Summary',
      labels: { fr: 'Résumé' },
    });
    expect((await t.store.relationTypes.findByName('cites'))!.labels).toEqual({ fr: 'Cite' });

    const again = await importUwazi({
      store: t.store,
      dumpDir: join(root, 'dump'),
      drain: () => drainIngestQueue(t.store, t.config),
    });
    expect(again.kinds.references).toMatchObject({ read: 2, imported: 0, unchanged: 2 });
    expect(await t.store.references.listAnchorsInFile(fileId)).toHaveLength(2);
  }, 120_000);
});
