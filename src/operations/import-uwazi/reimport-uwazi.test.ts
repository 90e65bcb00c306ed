import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ObjectId, serialize } from 'bson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { OPERATOR } from '../permissions.ts';
import { updateEntity } from '../update-entity.ts';
import { importUwazi } from './import-uwazi.ts';
import { type BsonDoc, idOf, readBsonFile } from './read-dump.ts';

/**
 * Issue 12: importing again after the Uwazi collection changed. The fixture (../shared/corpus, written by
 * others) is imported, a copy of its dump is altered document by document with the `bson` package (an
 * entity's title, text and select value, a new thesaurus value, a new property, a new entity, new sharing),
 * and imported again: what changed is updated by its Uwazi id, the rest untouched, nothing duplicated.
 */
const fixture = [
  process.env.CYBERPORTAL_UWAZI_FIXTURE,
  resolve('../shared/corpus/uwazi-fixture'),
  resolve('../../shared/corpus/uwazi-fixture'),
].find((d): d is string => Boolean(d && existsSync(d)));

describe.skipIf(!fixture)('import-uwazi again after Uwazi changed', () => {
  const dumpDir = `${fixture}/dump`;
  let t: TempStore;
  let altered: string;
  const ids = () => t.store.importMappings.list('uwazi');

  async function alterDump(): Promise<{ causa: string; pais: string; shared: string }> {
    altered = mkdtempSync(join(tmpdir(), 'uwazi-altered-'));
    for (const f of readdirSync(dumpDir)) copyFileSync(join(dumpDir, f), join(altered, f));
    const rewrite = async (name: string, fn: (docs: BsonDoc[]) => BsonDoc[]) => {
      const docs = fn(await readBsonFile(join(dumpDir, `${name}.bson`)));
      writeFileSync(join(altered, `${name}.bson`), Buffer.concat(docs.map((d) => serialize(d))));
    };
    let causa = '';
    let pais = '';
    let shared = '';
    const templates = await readBsonFile(join(dumpDir, 'templates.bson'));
    const paisTemplate = templates.find((x) => x.name === 'País')!;
    const CAUSA = idOf(templates.find((x) => x.name === 'Causa')!._id);
    await rewrite('dictionaries', (docs) =>
      docs.map((d) =>
        d.name === 'Estado'
          ? { ...d, values: [...(d.values as BsonDoc[]), { label: 'Archivado', id: 'archivado0uwazi' }] }
          : d,
      ),
    );
    await rewrite('templates', (docs) =>
      docs.map((x) =>
        idOf(x._id) === idOf(paisTemplate._id)
          ? {
              ...x,
              properties: [
                ...(x.properties as BsonDoc[]),
                { _id: new ObjectId(), name: 'capital', label: 'Capital', type: 'text' },
              ],
            }
          : x,
      ),
    );
    await rewrite('entities', (docs) => {
      causa = String(docs.find((e) => idOf(e.template) === CAUSA && e.language === 'en')!.sharedId);
      const paisCopy = docs.find((e) => idOf(e.template) === idOf(paisTemplate._id) && e.language === 'en')!;
      pais = String(paisCopy.sharedId);
      shared = String(
        docs.find((e) => e.language === 'en' && ![causa, pais].includes(String(e.sharedId)))!.sharedId,
      );
      const out = docs.map((e) => {
        const m = e.metadata as Record<string, unknown>;
        if (e.sharedId === causa)
          return {
            ...e,
            ...(e.language === 'en' ? { title: 'Renamed in Uwazi' } : {}),
            metadata: {
              ...m,
              ...(e.language === 'en' ? { resumen: [{ value: 'A new summary, written in Uwazi.' }] } : {}),
              estado: [{ value: 'archivado0uwazi', label: 'Archivado' }],
            },
          };
        if (e.sharedId === pais && e.language === 'en')
          return { ...e, metadata: { ...m, capital: [{ value: 'Lima' }] } };
        if (e.sharedId === shared)
          return {
            ...e,
            permissions: [{ refId: new ObjectId('5fda2b675917fe58048a88f4'), type: 'group', level: 'read' }],
          };
        return e;
      });
      const atlantis = { ...paisCopy, _id: new ObjectId(), sharedId: 'atlantis0uwazi', title: 'Atlantis' };
      return [...out, atlantis];
    });
    return { causa, pais, shared };
  }

  beforeAll(async () => {
    t = await createTempStore();
    await importUwazi({ store: t.store, dumpDir, filesDir: null });
  }, 600_000);
  afterAll(async () => {
    await t?.cleanup();
    if (altered) rmSync(altered, { recursive: true, force: true });
  });

  it('updates what changed in Uwazi by its id, leaves the rest (and edits made here) alone, duplicates nothing', async () => {
    const { causa, pais, shared } = await alterDump();
    const entityId = (await ids()).get('entity')!;
    const all = async () =>
      new Map((await t.store.entities.findMany([...entityId.values()])).map((e) => [e.id, e]));
    // An entity edited here, not in Uwazi: the import must not put Uwazi's old values back.
    const local = [...(await all()).values()].find(
      (e) => ![causa, pais, shared].map((s) => entityId.get(s)).includes(e.id),
    )!;
    await updateEntity({ store: t.store, actor: OPERATOR, id: local.id, patch: { title: 'Edited here' } });
    const before = await all();
    const counts = await t.store.collection.countRows();

    const dry = await importUwazi({ store: t.store, dumpDir: altered, filesDir: null, dryRun: true });
    expect(dry.kinds.entities).toMatchObject({ imported: 1, updated: 2, unchanged: 295 });
    expect(await t.store.collection.countRows()).toEqual(counts);

    const second = await importUwazi({ store: t.store, dumpDir: altered, filesDir: null });
    expect(second.kinds.entities).toMatchObject({
      read: 298,
      imported: 1,
      updated: 2,
      unchanged: 295,
      failed: [],
    });
    expect(second.kinds.thesauri).toMatchObject({ imported: 0, updated: 1, unchanged: 4 });
    expect(second.kinds.templates).toMatchObject({ imported: 0, updated: 1, unchanged: 10 });
    expect(second.kinds.properties.imported).toBe(1);
    const mapped = (await ids()).get('entity')!;
    expect(mapped.size).toBe(298);
    const after = await all();
    const now = new Map((await t.store.entities.findMany([...mapped.values()])).map((e) => [e.id, e]));
    expect(now.size).toBe(298);
    expect((await t.store.collection.countRows()).entities).toBe(counts.entities + 1);

    const c = now.get(mapped.get(causa)!)!;
    expect(c.title).toBe('Renamed in Uwazi');
    expect(c.version).toBe(before.get(c.id)!.version + 1);
    expect(c.metadata.resumen).toBe('A new summary, written in Uwazi.');
    expect(c.metadata.estado).toBe('archivado0uwazi');
    expect(c.translations).toEqual(before.get(c.id)!.translations);
    const estado = (await t.store.thesauri.list()).find((x) => x.label === 'Estado')!;
    expect(estado.values.map((v) => v.id)).toContain('archivado0uwazi');
    expect(estado.values.filter((v) => v.label === 'Archivado')).toHaveLength(1);
    const p = now.get(mapped.get(pais)!)!;
    expect(p.metadata.capital).toBe('Lima');
    expect([...now.values()].filter((e) => e.title === 'Atlantis')).toHaveLength(1);
    expect(now.get(local.id)!.title).toBe('Edited here');
    // Everything else is as it was, version for version.
    for (const [id, e] of after)
      if (![c.id, p.id].includes(id)) expect(e.version, e.title).toBe(before.get(id)!.version);
    // The sharing is kept with the entity's import record, by group name and members.
    const trace = (await t.store.importMappings.traces('uwazi', 'entity')).get(shared)!;
    expect(trace.data).toMatchObject({
      sharing: [{ group: 'Activistas', level: 'read', members: ['admin', 'editor', 'Cynthia'] }],
    });
    const activity = await t.store.activity.list({ limit: 50 });
    expect(activity.find((a) => a.targetId === c.id && a.action === 'update')?.summary).toMatch(
      /^Updated Causa "Renamed in Uwazi" from Uwazi: /,
    );

    // Once more: everything is now as Uwazi has it.
    const settled = await t.store.collection.countRows();
    const third = await importUwazi({ store: t.store, dumpDir: altered, filesDir: null });
    for (const [kind, k] of Object.entries(third.kinds)) {
      expect(k.imported, kind).toBe(0);
      expect(k.updated, kind).toBe(0);
    }
    expect(third.kinds.entities.unchanged).toBe(298);
    expect(await t.store.collection.countRows()).toEqual(settled);
    expect(
      new Map((await t.store.entities.findMany([...mapped.values()])).map((e) => [e.id, e.version])),
    ).toEqual(new Map([...now.values()].map((e) => [e.id, e.version])));
  }, 600_000);
});
