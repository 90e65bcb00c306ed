import { execFile } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { buildEntity, buildTemplate, buildUser } from '../../test/factories.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { addUser } from './add-user.ts';
import { createEntity } from './create-entity.ts';
import { exportCollection } from './export-collection.ts';
import { importCollection } from './import-collection.ts';
import { login } from './login.ts';
import { OPERATOR } from './permissions.ts';
import { saveTemplate } from './save-template.ts';

const open: TempStore[] = [];
const temp = async () => {
  const t = await createTempStore();
  open.push(t);
  return t;
};
afterEach(async () => {
  for (const t of open.splice(0)) await t.cleanup();
});

/** A collection with an admin who created an entity and signed in (so a session row exists). */
async function collectionWithAccounts() {
  const a = await temp();
  await saveTemplate({ store: a.store, actor: OPERATOR, input: buildTemplate() });
  const input = buildUser('admin');
  const admin = await addUser({ store: a.store, actor: OPERATOR, input });
  const entity = await createEntity({
    store: a.store,
    actor: { id: admin.id, username: admin.username, role: 'admin' },
    input: buildEntity({ published: true }),
  });
  await login({ store: a.store, username: input.username, password: input.password });
  return { a, admin, entity };
}

/** The names and text of a .tar.gz's entries (ustar: 512-byte headers, contents padded to 512). */
function tarEntries(path: string) {
  const tar = gunzipSync(readFileSync(path));
  const entries = new Map<string, string>();
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    const name = header.subarray(0, 100).toString().replace(/\0.*$/s, '');
    if (!name) break;
    const prefix = header.subarray(345, 500).toString().replace(/\0.*$/s, '');
    const size = Number.parseInt(header.subarray(124, 136).toString().replace(/\0.*$/s, '').trim(), 8);
    entries.set(prefix ? `${prefix}/${name}` : name, tar.subarray(at + 512, at + 512 + size).toString());
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}

describe('export and accounts', () => {
  it('leaves accounts out by default, writes the archive 0600, and the archive still imports', async () => {
    const { a, admin, entity } = await collectionWithAccounts();
    const out = join(a.dataDir, 'collection.tar.gz');
    // An archive left from an earlier export with open permissions must not keep them.
    writeFileSync(out, 'old');
    chmodSync(out, 0o644);
    await exportCollection({ store: a.store, out });

    expect(statSync(out).mode & 0o777).toBe(0o600);
    const entries = tarEntries(out);
    expect([...entries.keys()].filter((n) => /users|sessions/.test(n))).toEqual([]);
    const everything = [...entries.values()].join('\n');
    expect(everything).not.toContain('scrypt$');
    expect(everything).not.toContain(admin.passwordHash);
    expect(JSON.parse(entries.get('manifest.json') ?? '{}')).toMatchObject({ accounts: false });

    const b = await temp();
    await importCollection({ store: b.store, archive: out });
    expect(await b.store.users.list()).toEqual([]);
    // The entity came along without its creator's account; an operator then adds an admin.
    expect((await b.store.entities.findById(entity.id))?.title).toBe(entity.title);
    const input = buildUser('admin');
    await addUser({ store: b.store, actor: OPERATOR, input });
    expect(await login({ store: b.store, username: input.username, password: input.password })).toMatchObject(
      { token: expect.any(String) },
    );
  });

  it('includes accounts (never sessions) with withAccounts, and they sign in after import', async () => {
    const { a, admin } = await collectionWithAccounts();
    const out = join(a.dataDir, 'with-accounts.tar.gz');
    await exportCollection({ store: a.store, out, withAccounts: true });
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const entries = tarEntries(out);
    expect(entries.get('tables/users.jsonl')).toContain(admin.passwordHash);
    expect([...entries.keys()].filter((n) => n.includes('sessions'))).toEqual([]);
    expect(JSON.parse(entries.get('manifest.json') ?? '{}')).toMatchObject({ accounts: true });
    const b = await temp();
    await importCollection({ store: b.store, archive: out });
    expect((await b.store.users.list()).map((u) => u.id)).toEqual([admin.id]);
  });

  it('`cyberportal export --with-accounts` includes them, plain `export` does not', async () => {
    const { a } = await collectionWithAccounts();
    await a.store.close();
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['bin/cyberportal.js', '--data', a.dataDir, ...args], {
        env: { ...process.env, CYBERPORTAL_LOG_LEVEL: 'silent' },
      });
    const plain = join(a.dataDir, 'plain.tar.gz');
    const full = join(a.dataDir, 'full.tar.gz');
    const said = await run('export', plain);
    expect(said.stdout).toMatch(/without accounts/);
    await run('export', '--with-accounts', full);
    expect(tarEntries(plain).has('tables/users.jsonl')).toBe(false);
    expect(tarEntries(full).has('tables/users.jsonl')).toBe(true);
    expect(statSync(full).mode & 0o777).toBe(0o600);
  }, 120_000);
});
