import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from 'tar';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CraftedEntry, craftTarGz } from '../../test/crafted-tar.ts';
import { buildEntity, buildTemplate } from '../../test/factories.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { createEntity } from './create-entity.ts';
import { exportCollection } from './export-collection.ts';
import { ImportError, importCollection } from './import-collection.ts';
import { OPERATOR } from './permissions.ts';
import { saveTemplate } from './save-template.ts';
import { uploadFile } from './upload-file.ts';

/** The entries of a genuine export with one uploaded file, as text, so each test can tamper with one thing. */
let genuine: { manifest: string; tables: Map<string, string>; key: string; original: string };
const work = mkdtempSync(join(tmpdir(), 'cyberportal-hostile-'));

beforeAll(async () => {
  const a = await createTempStore();
  try {
    await saveTemplate({ store: a.store, actor: OPERATOR, input: buildTemplate() });
    const doc = await createEntity({ store: a.store, actor: OPERATOR, input: buildEntity() });
    const original = 'A national strategy.';
    const file = await uploadFile({
      store: a.store,
      actor: OPERATOR,
      entityId: doc.id,
      filename: 's.txt',
      content: Buffer.from(original),
    });
    const archive = join(work, 'genuine.tar.gz');
    await exportCollection({ store: a.store, out: archive });
    const dir = join(work, 'genuine');
    await import('node:fs/promises').then((fs) => fs.mkdir(dir));
    await extract({ file: archive, cwd: dir });
    const tables = new Map<string, string>();
    for (const name of readdirSync(join(dir, 'tables')))
      tables.set(name, readFileSync(join(dir, 'tables', name), 'utf8'));
    genuine = {
      manifest: readFileSync(join(dir, 'manifest.json'), 'utf8'),
      tables,
      key: file.storageKey,
      original,
    };
  } finally {
    await a.cleanup();
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const open: TempStore[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.cleanup();
});

/** The genuine entries with the files row's key replaced and `extra` entries appended. */
function entries({
  key = genuine.key,
  withOriginal = true,
  extra = [] as CraftedEntry[],
} = {}): CraftedEntry[] {
  const list: CraftedEntry[] = [{ path: 'manifest.json', content: genuine.manifest }];
  for (const [name, text] of genuine.tables) {
    const content =
      name === 'files.jsonl'
        ? text.replace(`"storage_key":"${genuine.key}"`, `"storage_key":${JSON.stringify(key)}`)
        : text;
    list.push({ path: `tables/${name}`, content });
  }
  if (withOriginal) list.push({ path: `files/${genuine.key}`, content: genuine.original });
  return [...list, ...extra];
}

/** Imports the crafted archive into a fresh data directory and returns the error and that directory. */
async function importCrafted(list: CraftedEntry[]) {
  const b = await createTempStore();
  open.push(b);
  const archive = join(work, `crafted-${Math.random().toString(36).slice(2)}.tar.gz`);
  writeFileSync(archive, craftTarGz(list));
  const error = await importCollection({ store: b.store, archive }).then(
    () => null,
    (e: unknown) => e as Error,
  );
  const filesDir = join(b.dataDir, 'files');
  const written = existsSync(filesDir) ? readdirSync(filesDir, { recursive: true }) : [];
  const rows = (b.store.sqlite.sqlite.prepare('SELECT count(*) AS n FROM entities').get() as { n: number }).n;
  return { error, dataDir: b.dataDir, written, rows };
}

describe('importing a crafted archive', () => {
  it('the genuine archive imports (the crafted tar writer is sound)', async () => {
    const { error, written, rows } = await importCrafted(entries());
    expect(error).toBeNull();
    expect(rows).toBe(1);
    expect(written.map(String)).toContain(genuine.key);
  });

  it('refuses a storage key that climbs out of the files directory, writing nothing', async () => {
    const { error, dataDir, written, rows } = await importCrafted(entries({ key: '../x' }));
    expect(error).toBeInstanceOf(ImportError);
    expect(error?.message).toMatch(/storage key "\.\.\/x"/);
    expect(existsSync(join(dataDir, 'x'))).toBe(false);
    expect(written).toEqual([]);
    expect(rows).toBe(0);
  });

  it('refuses the key even when the archive carries the planted file', async () => {
    const { error, dataDir } = await importCrafted(
      entries({ key: '../x', extra: [{ path: 'x', content: 'planted' }] }),
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(existsSync(join(dataDir, 'x'))).toBe(false);
  });

  it.each([
    ['an absolute key', '/etc/hostname'],
    ['a key with a dot segment', 'ab/../../x'],
    ['a key whose prefix is not the digest', 'zz/abcdefghij'],
    ['a key of another format', 'ab/ABCDEF'],
  ])('refuses %s', async (_, key) => {
    const { error, written, rows } = await importCrafted(
      entries({ key, extra: [{ path: `files/${key}`.replace('files//', 'files/'), content: 'x' }] }),
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(error?.message).toMatch(/storage key/);
    expect(written).toEqual([]);
    expect(rows).toBe(0);
  });

  it.each<[string, CraftedEntry]>([
    ['a symbolic link', { path: 'files/zz/link', type: '2', linkTo: '/etc/hostname' }],
    [
      'a symbolic link in place of an original',
      { path: 'files/00/abcdefghij', type: '2', linkTo: '/etc/passwd' },
    ],
    ['a hard link', { path: 'files/zz/hard', type: '1', linkTo: 'manifest.json' }],
    ['a device', { path: 'files/zz/dev', type: '3' }],
    ['a path that climbs out', { path: '../escape', content: 'x' }],
    ['a path that climbs out inside files/', { path: 'files/../../escape', content: 'x' }],
    ['an absolute path', { path: '/tmp/cyberportal-escape', content: 'x' }],
    ['an entry the format does not have', { path: 'other/readme.txt', content: 'x' }],
  ])('refuses an archive with %s, writing nothing', async (_, extra) => {
    const { error, dataDir, written, rows } = await importCrafted(entries({ extra: [extra] }));
    expect(error).toBeInstanceOf(ImportError);
    expect(error?.message).toMatch(/archive entry/);
    expect(written).toEqual([]);
    expect(rows).toBe(0);
    expect(existsSync(join(dataDir, 'escape'))).toBe(false);
    expect(existsSync('/tmp/cyberportal-escape')).toBe(false);
  });

  it('imports an older archive that still carries the dropped, always empty relationships table', async () => {
    const { error, rows } = await importCrafted(
      entries({ extra: [{ path: 'tables/relationships.jsonl', content: '' }] }),
    );
    expect(error).toBeNull();
    expect(rows).toBe(1);
  });

  it('refuses rows for the dropped relationships table rather than lose them, writing nothing', async () => {
    const row = { id: 'r1', relation_type_id: 'x', from_entity_id: 'a', to_entity_id: 'b', created_at: '' };
    const { error, written, rows } = await importCrafted(
      entries({ extra: [{ path: 'tables/relationships.jsonl', content: `${JSON.stringify(row)}\n` }] }),
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(error?.message).toMatch(/relationships/);
    expect(written).toEqual([]);
    expect(rows).toBe(0);
  });

  it('refuses a manifest that is not JSON with a clear error', async () => {
    const list = entries().map((e) => (e.path === 'manifest.json' ? { ...e, content: '{not json' } : e));
    const { error, rows } = await importCrafted(list);
    expect(error).toBeInstanceOf(ImportError);
    expect(error?.message).toMatch(/manifest\.json is not valid JSON/);
    expect(rows).toBe(0);
  });

  it('refuses an archive whose original is a symbolic link to a file outside', async () => {
    const { error, written } = await importCrafted([
      ...entries({ withOriginal: false }),
      { path: `files/${genuine.key}`, type: '2', linkTo: '/etc/hostname' },
    ]);
    expect(error).toBeInstanceOf(ImportError);
    expect(written).toEqual([]);
  });
});
