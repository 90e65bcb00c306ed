import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-process.ts';
import { createTempPostgresStore } from '../../test/postgres/temp-postgres-store.ts';
import { openStore } from '../store/store.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'cp-cli-db-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const addAdmin = (dataDir: string, args: string[] = [], env: Record<string, string> = {}) => {
  const run = runCli(
    dataDir,
    [...args, 'user', 'add', 'Alice', '--role', 'admin', '--password', 'a-long-password-1'],
    env,
  );
  return run.done;
};

describe('choosing the database engine', () => {
  it('writes to the PostgreSQL database named by --database, not to a SQLite file in the data directory', async () => {
    const pg = await createTempPostgresStore();
    cleanups.push(pg.cleanup);
    const dataDir = await tempDir();
    const r = await addAdmin(dataDir, ['--database', pg.url]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((await pg.store.users.findByUsername('alice'))?.role).toBe('admin');
    const sqlite = await openStore(dataDir);
    cleanups.push(() => sqlite.close());
    expect(await sqlite.users.list()).toEqual([]);
  });

  it('takes the database from CYBERPORTAL_DATABASE_URL when there is no --database', async () => {
    const pg = await createTempPostgresStore();
    cleanups.push(pg.cleanup);
    const r = await addAdmin(await tempDir(), [], { CYBERPORTAL_DATABASE_URL: pg.url });
    expect(r.code).toBe(0);
    expect((await pg.store.users.findByUsername('ALICE'))?.username).toBe('Alice');
  });

  it('stays on SQLite in the data directory by default', async () => {
    const dataDir = await tempDir();
    const r = await addAdmin(dataDir);
    expect(r.code).toBe(0);
    const sqlite = await openStore(dataDir);
    cleanups.push(() => sqlite.close());
    expect((await sqlite.users.list()).map((u) => u.username)).toEqual(['Alice']);
  });

  it('refuses a URL that is not PostgreSQL as a usage error (exit 2)', async () => {
    const r = await addAdmin(await tempDir(), ['--database', 'mysql://root@localhost/portal']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--database must be a postgres:\/\//);
  });

  it('says which server it cannot reach, without printing the password', async () => {
    const r = await addAdmin(await tempDir(), ['--database', 'postgres://portal:s3cret@127.0.0.1:1/portal']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /Cannot reach the PostgreSQL database postgres:\/\/portal:\*\*\*@127\.0\.0\.1:1\/portal/,
    );
    expect(r.stderr).not.toContain('s3cret');
  });
});
