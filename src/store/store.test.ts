import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from './sqlite/ids.ts';
import { migrations } from './sqlite/migrations/index.ts';
import { openStore, type SqliteStore } from './store.ts';

const TABLES = [
  'activity_log',
  'entities',
  'entity_links',
  'files',
  'jobs',
  'pages',
  'paragraphs',
  'relation_types',
  'sessions',
  'templates',
  'text_references',
  'thesauri',
  'users',
];

let dir: string;
let store: SqliteStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
  await rm(dir, { recursive: true, force: true });
});

const tableNames = (s: SqliteStore) =>
  (
    s.sqlite.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  ).map((r) => r.name);
const migrationRows = (s: SqliteStore) =>
  s.sqlite.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[];

describe('openStore', () => {
  it('creates every table on an empty data directory, in WAL mode with foreign keys on', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cp-store-'));
    store = await openStore(join(dir, 'nested', 'data'));
    expect(tableNames(store)).toEqual(expect.arrayContaining(TABLES));
    // Never read or written (relationship values live in entity metadata, mirrored in entity_links): dropped.
    expect(tableNames(store)).not.toContain('relationships');
    expect(migrationRows(store).map((r) => r.name)).toEqual(Object.keys(migrations));
    expect(store.sqlite.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('re-opens an existing database without re-running migrations and keeps its data', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cp-store-'));
    const first = await openStore(dir);
    await first.relationTypes.insert({
      id: newId(),
      name: 'cites',
      label: 'cites',
      inverseLabel: 'cited by',
    });
    const before = migrationRows(first);
    await first.close();
    store = await openStore(dir);
    expect(migrationRows(store)).toEqual(before);
    expect((await store.relationTypes.list()).map((r) => r.name)).toEqual(['cites']);
  });
  // Transactions, rollback and nesting are in the contract suite (test/contract), run on both engines.
});

describe('newId', () => {
  it('makes 10-character lowercase base36 ids that do not repeat', () => {
    const ids = Array.from({ length: 2000 }, () => newId());
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{10}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('file storage', () => {
  it('writes originals under files/<sha256 prefix>/<fileId> and leaves no temp file behind', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cp-store-'));
    store = await openStore(dir);
    const stored = await store.originals.write('abcdef1234', Buffer.from('hello world'));
    expect(stored.sha256).toBe('b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9');
    expect(stored.storageKey).toBe('b9/abcdef1234');
    expect(stored.size).toBe(11);
    expect(await store.originals.sizeOf(stored.storageKey)).toBe(11);
    expect(readdirSync(join(dir, 'files', 'tmp'))).toEqual([]);
    const chunks: Buffer[] = [];
    for await (const c of store.originals.read(stored.storageKey)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('hello world');
  });

  it('removes the temp file when the source stream fails', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cp-store-'));
    store = await openStore(dir);
    async function* failing() {
      yield Buffer.from('partial');
      throw new Error('client went away');
    }
    await expect(store.originals.write('abcdef1234', failing())).rejects.toThrow('client went away');
    expect(readdirSync(join(dir, 'files', 'tmp'))).toEqual([]);
    expect(readdirSync(join(dir, 'files')).filter((d) => d !== 'tmp')).toEqual([]);
  });

  it('refuses storage keys that could escape the files directory', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cp-store-'));
    store = await openStore(dir);
    expect(() => store!.originals.pathOf('../../etc/passwd')).toThrow(/Invalid storage key/);
  });
});
