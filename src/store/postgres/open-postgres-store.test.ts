import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../../test/postgres/test-database.ts';
import { newId } from '../ids.ts';
import { postgresMigrations } from './migrations/index.ts';
import { openPostgresStore, type PostgresStore, withoutPassword } from './open-postgres-store.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** An empty database (not the migrated template): what an operator points a first server at. */
async function emptyDatabase() {
  const db = await createTestDatabase(inject('postgresUrl'), 'template0');
  cleanups.push(db.drop);
  const dataDir = await mkdtemp(join(tmpdir(), 'cp-pg-store-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  return { url: db.url, dataDir };
}

async function open(url: string, dataDir: string) {
  const store = await openPostgresStore(url, { dataDir });
  cleanups.push(() => store.close());
  return store;
}

const migrationNames = async (s: PostgresStore) =>
  (
    await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(s.postgres.db)
  ).rows.map((r) => r.name);

describe('openPostgresStore', () => {
  it('creates the schema on an empty database and re-opens it without migrating again, keeping the data', async () => {
    const { url, dataDir } = await emptyDatabase();
    const first = await open(url, dataDir);
    expect(await migrationNames(first)).toEqual(Object.keys(postgresMigrations));
    await first.relationTypes.insert({
      id: newId(),
      name: 'cites',
      label: 'cites',
      inverseLabel: 'cited by',
    });
    await first.close();
    const again = await open(url, dataDir);
    expect(await migrationNames(again)).toEqual(Object.keys(postgresMigrations));
    expect((await again.relationTypes.list()).map((t) => t.name)).toEqual(['cites']);
  });

  it('lets several servers start on one empty database at once: one migrates, the others wait for it', async () => {
    const { url, dataDir } = await emptyDatabase();
    const stores = await Promise.all([open(url, dataDir), open(url, dataDir), open(url, dataDir)]);
    for (const s of stores) expect(await migrationNames(s)).toEqual(Object.keys(postgresMigrations));
    await stores[0]!.relationTypes.insert({ id: newId(), name: 'cites', label: 'c', inverseLabel: 'c' });
    expect(await stores[2]!.relationTypes.findByName('cites')).not.toBeNull();
  });

  it('keeps originals in the data directory it is given', async () => {
    const { url, dataDir } = await emptyDatabase();
    const store = await open(url, dataDir);
    const stored = await store.originals.write('abcdef1234', Buffer.from('hello world'));
    expect(store.originals.pathOf(stored.storageKey)).toBe(join(dataDir, 'files', 'b9', 'abcdef1234'));
    expect(store.dataDir).toBe(dataDir);
  });

  it('refuses JSON that is not JSON, as SQLite does', async () => {
    const { url, dataDir } = await emptyDatabase();
    const store = await open(url, dataDir);
    await expect(
      store.templates.insert({
        id: newId(),
        name: 'Broken',
        label: 'Broken',
        properties: [],
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      }),
    ).resolves.toBeUndefined();
    await expect(
      sql`INSERT INTO thesauri (id, name, label, "values", created_at, updated_at)
          VALUES ('x', 'x', 'x', '{not json', '', '')`.execute(store.postgres.db),
    ).rejects.toThrow(/thesauri_values_check/);
  });

  it('names the server it cannot reach, never its password', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cp-pg-store-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    await expect(openPostgresStore('postgres://me:hunter2@127.0.0.1:1/portal', { dataDir })).rejects.toThrow(
      'Cannot reach the PostgreSQL database postgres://me:***@127.0.0.1:1/portal',
    );
    expect(withoutPassword('postgres://me@host/db')).toBe('postgres://me@host/db');
  });
});
