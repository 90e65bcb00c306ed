import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempPostgresStore } from '../../../test/postgres/temp-postgres-store.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { drainIngestQueue } from '../../cli/context.ts';
import type { Entity } from '../../domain/schemas/entity.ts';
import { SearchQuery } from '../../domain/schemas/search.ts';
import { createSearchPool, type SearchPool } from '../../store/sqlite/search/worker-pool.ts';
import { verifyPassword } from '../passwords.ts';
import { OPERATOR } from '../permissions.ts';
import { searchEntities } from '../search-entities.ts';
import { searchWithinFile } from '../search-within-file.ts';
import { getSiteSettings } from '../site-settings.ts';
import { importUwazi } from './import-uwazi.ts';
import { uwaziDate } from './map-values.ts';
import { type BsonDoc, idOf, readUwaziDump, type UwaziDump } from './read-dump.ts';

/**
 * The real Uwazi development database (../shared/corpus/uwazi-fixture, a mongodump written by others):
 * imported whole into a real store, files through the real ingest runner, then checked against the BSON.
 */
const fixture = [
  process.env.CYBERPORTAL_UWAZI_FIXTURE,
  resolve('../shared/corpus/uwazi-fixture'),
  resolve('../../shared/corpus/uwazi-fixture'),
].find((d): d is string => Boolean(d && existsSync(d)));
if (!fixture)
  console.warn(
    'Skipping the Uwazi import tests: no ../shared/corpus/uwazi-fixture (set CYBERPORTAL_UWAZI_FIXTURE).',
  );

describe.skipIf(!fixture)('import-uwazi on the Uwazi fixture', () => {
  const dumpDir = `${fixture}/dump`;
  let t: TempStore;
  let dump: UwaziDump;
  let first: Awaited<ReturnType<typeof importUwazi>>;
  let entityOf: Map<string, Entity>;
  let idOfShared: Map<string, string>;

  beforeAll(async () => {
    dump = await readUwaziDump(dumpDir);
    t = await createTempStore();
    first = await importUwazi({ store: t.store, dumpDir, drain: () => drainIngestQueue(t.store, t.config) });
    idOfShared = (await t.store.importMappings.list('uwazi')).get('entity') ?? new Map();
    const entities = await t.store.entities.findMany([...idOfShared.values()]);
    entityOf = new Map(
      [...idOfShared].map(([sharedId, id]) => [sharedId, entities.find((e) => e.id === id)!]),
    );
  }, 1_800_000); // 8 PDFs read and OCRed by the runner: minutes on a loaded machine
  afterAll(async () => t?.cleanup());

  const english = (sharedId: string) =>
    dump.entities.find((e) => e.sharedId === sharedId && e.language === 'en')!;

  it('makes one record of the three language copies of each entity, per template', async () => {
    expect(first.kinds.entities).toMatchObject({ read: 297, imported: 297, failed: [] });
    expect(first.kinds.translations).toMatchObject({ read: 891, imported: 891 });
    const templateName = new Map(dump.templates.map((x) => [idOf(x._id), String(x.name)]));
    const expected: Record<string, number> = {};
    for (const e of dump.entities) {
      const key = `${templateName.get(idOf(e.template))}/${String(e.language)}`;
      expected[key] = (expected[key] ?? 0) + 1;
    }
    const labelOf = new Map((await t.store.templates.list()).map((x) => [x.name, x.label]));
    const actual: Record<string, number> = {};
    for (const e of entityOf.values()) {
      for (const lang of [e.language, ...Object.keys(e.translations)]) {
        const key = `${labelOf.get(e.template)}/${lang}`;
        actual[key] = (actual[key] ?? 0) + 1;
      }
    }
    expect(actual).toEqual(expected);
    expect(Object.keys(expected)).toHaveLength(30); // 10 templates with entities × en, es, ar
    for (const e of dump.entities.filter((x) => x.language !== 'en')) {
      const ours = entityOf.get(String(e.sharedId))!;
      expect(ours.translations[e.language as 'es']?.title).toBe(String(e.title).trim());
    }
  });

  it('keeps thesauri with their groups, one level deep', async () => {
    const categorias = (await t.store.thesauri.list()).find((x) => x.label === 'Categorias')!;
    const groupA = categorias.values.find((v) => v.label === 'Categoría A')!;
    expect(groupA.id).toBe('v8rjiuewdlo');
    expect(categorias.values.filter((v) => v.group === groupA.id).map((v) => v.id)).toEqual([
      'd3b1s0w3lzi',
      'm0tviad6bjb',
      'qzq87xc71hq',
      'vinofswyc6k',
    ]);
    expect(categorias.values).toHaveLength(10);
  });

  it('keeps a sample value of every property type as the BSON holds it', async () => {
    const templates = new Map(dump.templates.map((x) => [idOf(x._id), x]));
    const ourTemplates = new Map((await t.store.templates.list()).map((x) => [x.label, x]));
    const seen = new Set<string>();
    for (const e of dump.entities.filter((x) => x.language === 'en')) {
      const tpl = templates.get(idOf(e.template))!;
      const ourTpl = ourTemplates.get(String(tpl.name))!;
      const ours = entityOf.get(String(e.sharedId))!;
      expect(ours.title).toBe(String(e.title).trim());
      expect(ours.published).toBe(e.published === true);
      for (const p of tpl.properties as BsonDoc[]) {
        const values = ((e.metadata as Record<string, { value: unknown }[]>)[String(p.name)] ?? []).map(
          (v) => v.value,
        );
        if (values.length === 0 || seen.has(String(p.type))) continue;
        seen.add(String(p.type));
        const prop = ourTpl.properties.find((q) => q.label === p.label)!;
        const value = ours.metadata[prop.name];
        switch (p.type) {
          case 'text':
          case 'markdown':
            expect(value).toBe(values[0]);
            break;
          case 'select':
            expect(value).toBe(values[0]);
            break;
          case 'multiselect':
            expect(value).toEqual(values);
            break;
          case 'relationship':
            expect(value).toEqual(values.map((v) => idOfShared.get(String(v))));
            break;
          case 'date':
            expect(value).toBe(uwaziDate(values[0]));
            expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            break;
          case 'multidate':
            expect(value).toEqual(values.map(uwaziDate));
            break;
          case 'multidaterange':
            expect(value).toEqual(
              (values as { from: number; to: number }[]).map((r) => ({
                from: uwaziDate(r.from),
                to: uwaziDate(r.to),
              })),
            );
            break;
          case 'nested':
            expect(JSON.parse(String(value))).toEqual(values);
            break;
          default:
            throw new Error(`no check for ${String(p.type)}`);
        }
      }
    }
    // Every type the fixture's entities use (its image and media properties are on a template without any).
    expect([...seen].sort()).toEqual([
      'date',
      'markdown',
      'multidate',
      'multidaterange',
      'multiselect',
      'nested',
      'relationship',
      'select',
      'text',
    ]);
    expect(first.kinds.properties.loss.join('\n')).toMatch(
      /Articulos violados \(nested\)[^\n]*structured JSON/,
    );
    // Media and image are types of ours (decision 53): mapped as they are, no loss.
    expect(first.kinds.properties.loss.join('\n')).not.toMatch(/\((media|image)\)/);
    const reporte = ourTemplates.get('Reporte')!;
    expect(reporte.properties.map((p) => [p.label, p.type])).toEqual(
      expect.arrayContaining([
        ['Fotografía', 'image'],
        ['Video', 'media'],
        ['Imagen adicional', 'image'],
      ]),
    );
  });

  it('turns every typed row of each hub into a relationship of its left entity with that relation type', async () => {
    const rtName = (await t.store.importMappings.list('uwazi')).get('relationType')!;
    const templates = new Map((await t.store.templates.list()).map((x) => [x.name, x]));
    const hubs = new Map<string, BsonDoc[]>();
    for (const c of dump.connections) hubs.set(idOf(c.hub), [...(hubs.get(idOf(c.hub)) ?? []), c]);
    expect(hubs.size).toBe(576);
    let links = 0;
    for (const [hub, rows] of hubs) {
      const left = entityOf.get(String(rows.find((r) => !r.template)!.entity))!;
      const typed = rows.filter((r) => r.template);
      const found = typed.filter((r) => {
        const target = idOfShared.get(String(r.entity));
        return templates
          .get(left.template)!
          .properties.some(
            (p) =>
              p.type === 'relationship' &&
              p.relationType === rtName.get(idOf(r.template)) &&
              (left.metadata[p.name] as string[] | undefined)?.includes(target!),
          );
      });
      expect(found.length, `hub ${hub}`).toBe(typed.length);
      links += found.length;
    }
    expect(links).toBe(1571 - 576);
    const inbound = await t.store.entities.inboundLinks(
      idOfShared.get(english('7ycel666l65vobt9').sharedId as string)!,
    );
    expect(inbound.length).toBeGreaterThan(0);
  });

  it('ingests the 8 documents and finds each by its own words, in its language', async () => {
    const search: SearchPool = createSearchPool({
      dbPath: t.store.sqlite.path,
      sqlite: t.store.sqlite.sqlite,
      workers: 0,
    });
    try {
      const fileIds = (await t.store.importMappings.list('uwazi')).get('file')!;
      const docs = dump.files.filter((f) => f.type === 'document');
      expect(docs).toHaveLength(8);
      for (const f of docs) {
        const file = (await t.store.files.findById(fileIds.get(idOf(f._id))!))!;
        expect(file.status).toBe('ready');
        if (f.language === 'eng') expect(file.language).toBe('en');
        const pages = f.fullText as Record<string, string>;
        const words = String(Object.values(pages)[0])
          .replace(/\[\[\d+\]\]/g, '')
          .split(/\s+/)
          .filter((w) => /^[A-Za-z]{6,}$/.test(w))
          // Past the first line: a running header or title may be laid out apart by our extraction.
          .slice(5);
        const word = words[0]!;
        const within = await searchWithinFile({ search, actor: OPERATOR, fileId: file.id, q: word });
        expect(within.matches.length, `${word} in ${String(f.originalname)}`).toBeGreaterThan(0);
        const found = await searchEntities({
          search,
          actor: OPERATOR,
          query: SearchQuery.parse({ q: words.slice(0, 3).join(' ') }),
        });
        expect(found.items.map((i) => i.entity.id)).toContain(file.entityId);
      }
    } finally {
      await search.close();
    }
  });

  it('keeps the attachment and the 8 thumbnails as files of their entities, in their roles', async () => {
    expect(first.kinds.files).toMatchObject({ read: 17, imported: 17, failed: [], loss: [] });
    const fileIds = (await t.store.importMappings.list('uwazi')).get('file')!;
    for (const f of dump.files) {
      const ours = (await t.store.files.findById(fileIds.get(idOf(f._id))!))!;
      expect(ours.role).toBe(f.type);
      expect(ours.entityId).toBe(idOfShared.get(String(f.entity)));
      const bytes = readFileSync(join(fixture!, 'uploaded_documents', String(f.filename)));
      expect(ours.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      if (f.type === 'thumbnail') {
        // Kept as it is, not read: no ingestion, nothing to fail.
        expect(ours).toMatchObject({ status: 'ready', mimeType: 'image/jpeg', pageCount: null });
        expect(await t.store.originals.sizeOf(ours.storageKey)).toBe(bytes.length);
      } else expect(ours.status).toBe('ready');
    }
    expect(dump.files.filter((f) => f.type === 'thumbnail')).toHaveLength(8);
    expect(dump.files.filter((f) => f.type === 'attachment')).toHaveLength(1);
  });

  it('imports accounts that cannot sign in until reset, and the activity log', async () => {
    const users = await t.store.users.list();
    expect(users.map((u) => u.username).sort()).toEqual(dump.users.map((u) => String(u.username)).sort());
    const admin = (await t.store.users.findByUsername('admin'))!;
    expect(admin.role).toBe('admin');
    expect(await verifyPassword('admin', admin.passwordHash)).toBe(false);
    const activity = await t.store.activity.list({ limit: 5000 });
    expect(activity.filter((a) => a.targetType === 'uwazi-request')).toHaveLength(dump.activitylogs.length);
  });

  it('keeps whom each entity was shared with, by name and level, and says it is not enforced', async () => {
    const traces = await t.store.importMappings.traces('uwazi', 'entity');
    const withSharing = dump.entities.filter(
      (e) => e.language === 'es' && Array.isArray(e.permissions) && e.permissions.length > 0,
    );
    expect(withSharing.length).toBeGreaterThan(100);
    const users = new Map(dump.users.map((u) => [idOf(u._id), String(u.username)]));
    for (const e of withSharing) {
      const expected = (e.permissions as BsonDoc[])
        .filter((p) => p.type === 'user')
        .map((p) => ({ user: users.get(idOf(p.refId)), level: p.level }));
      expect((traces.get(String(e.sharedId))!.data as { sharing: unknown[] }).sharing).toEqual(expected);
    }
    expect(first.kinds.entities.loss.join('\n')).toMatch(
      new RegExp(
        `${withSharing.length} entities were shared with Uwazi users or groups \\(\\d+ write, \\d+ read\\): who is kept`,
      ),
    );
  });

  it('changes nothing on a second run', async () => {
    const before = await t.store.collection.readSnapshot((_rows, counts) => counts());
    const second = await importUwazi({
      store: t.store,
      dumpDir,
      drain: () => drainIngestQueue(t.store, t.config),
    });
    for (const [kind, k] of Object.entries(second.kinds)) {
      expect(k.imported, kind).toBe(0);
      expect(k.updated, kind).toBe(0);
    }
    expect(second.kinds.entities.unchanged).toBe(297);
    expect(await t.store.collection.readSnapshot((_rows, counts) => counts())).toEqual(before);
  });

  it('says the site settings name no profile template of the collection, and leaves them as they were', () => {
    expect(first.settings).toEqual([
      expect.stringMatching(
        /^profile templates not set: State profiles name "State", which does not exist; Organisation profiles name "Organisation", which does not exist\. Choose them in \/admin\/site, or run again with --state-template NAME --organisation-template NAME \(templates: .*\bPais\b/,
      ),
    ]);
  });

  it('points the State profiles at a template chosen by its Uwazi label, and refuses a name that is none', async () => {
    await expect(
      importUwazi({ store: t.store, dumpDir, profiles: { state: 'Atlantis' } }),
    ).rejects.toMatchObject({
      errors: [{ path: '--state-template', message: expect.stringMatching(/no template "Atlantis"/) }],
    });
    expect((await getSiteSettings({ store: t.store })).stateTemplate).toBe('State');
    const again = await importUwazi({ store: t.store, dumpDir, profiles: { state: 'país' } });
    expect(again.settings[0]).toBe('State profiles: now "Pais" (was "State")');
    expect(again.settings[1]).toMatch(
      /^profile templates not set: Organisation profiles name "Organisation"/,
    );
    expect(again.kinds.entities.updated).toBe(0);
    expect((await getSiteSettings({ store: t.store })).stateTemplate).toBe('Pais');
  });

  it('writes nothing on a dry run, and reports what a run would import', async () => {
    const empty = await createTempStore();
    try {
      const dry = await importUwazi({ store: empty.store, dumpDir, dryRun: true });
      expect(dry.kinds.entities.imported).toBe(297);
      expect(dry.kinds.files.imported).toBe(17);
      const counts = await empty.store.collection.readSnapshot((_rows, c) => c());
      expect(Object.values(counts).every((n) => n === 0)).toBe(true);
      expect((await empty.store.importMappings.list('uwazi')).size).toBe(0);
    } finally {
      await empty.cleanup();
    }
  });

  it('reports a file missing from --files and still imports its entity', async () => {
    const other = await createTempStore();
    try {
      const r = await importUwazi({ store: other.store, dumpDir, filesDir: '/nonexistent', dryRun: true });
      expect(r.kinds.files.failed).toHaveLength(17);
      expect(r.kinds.files.failed[0]).toMatch(
        /missing from \/nonexistent; its entity is imported without it/,
      );
      expect(r.kinds.entities.imported).toBe(297);
    } finally {
      await other.cleanup();
    }
  });
});

describe.skipIf(!fixture)('import-uwazi on PostgreSQL', () => {
  it('imports the records of the fixture and changes nothing on a second run', async () => {
    const pg = await createTempPostgresStore();
    try {
      const dumpDir = `${fixture}/dump`;
      const first = await importUwazi({ store: pg.store, dumpDir, filesDir: null });
      expect(first.kinds.entities).toMatchObject({ imported: 297, failed: [] });
      expect(first.kinds.files.failed).toHaveLength(17);
      const before = await pg.store.collection.readSnapshot((_rows, counts) => counts());
      expect(before.entities).toBe(297);
      expect(before.entity_links).toBe(1571 - 576);
      const second = await importUwazi({ store: pg.store, dumpDir, filesDir: null });
      expect(second.kinds.entities).toMatchObject({ imported: 0, unchanged: 297 });
      expect(await pg.store.collection.readSnapshot((_rows, counts) => counts())).toEqual(before);
    } finally {
      await pg.cleanup();
    }
  }, 300_000);
});
