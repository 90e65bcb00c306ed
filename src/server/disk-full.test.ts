import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../test/cli-process.ts';
import {
  authHeaders,
  buildEntity,
  buildTemplate,
  type Login,
  loginAs,
  multipartBody,
} from '../../test/factories.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { createEntity } from '../operations/create-entity.ts';
import { OPERATOR } from '../operations/permissions.ts';
import { saveTemplate } from '../operations/save-template.ts';
import { buildApp } from './app.ts';

describe('upload when the database is full (SQLITE_FULL)', () => {
  let t: TempStore;
  let app: FastifyInstance;
  let editor: Login;
  let entityId: string;
  beforeAll(async () => {
    t = await createTempStore();
    app = await buildApp({ config: t.config, store: t.store });
    await saveTemplate({ store: t.store, actor: OPERATOR, input: buildTemplate() });
    entityId = (await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity() })).id;
    editor = await loginAs(app, 'editor');
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it('answers 507 with a message, keeps no bytes and no row', async () => {
    const sqlite = t.store.sqlite.sqlite;
    // A real SQLITE_FULL: the database may not grow, and its last free space is taken by small rows, so
    // the upload's rows (file, job, activity) cannot be written.
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true })}`);
    const fill = sqlite.prepare(
      `INSERT INTO jobs (kind, payload, status, created_at, updated_at) VALUES ('filler', '{}', 'done', '', '')`,
    );
    const fillActivity = sqlite.prepare(
      `INSERT INTO activity_log (action, target_type, target_id, summary, at) VALUES ('x', 'x', 'x', '', '')`,
    );
    for (const insert of [fill, fillActivity])
      expect(() => {
        for (;;) insert.run();
      }).toThrow(expect.objectContaining({ code: 'SQLITE_FULL' }));
    const body = multipartBody('report.txt', 'x'.repeat(20_000));
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/entities/${entityId}/files`,
      headers: { ...authHeaders(editor), ...body.headers },
      payload: body.payload,
    });
    sqlite.pragma('max_page_count = 1073741823');
    expect(res.statusCode, res.body).toBe(507);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().detail).toMatch(/out of disk space/);
    expect(await t.store.files.listByEntity(entityId)).toEqual([]);
    const stored = readdirSync(join(t.dataDir, 'files'), { recursive: true, withFileTypes: true });
    expect(stored.filter((e) => e.isFile()).map((e) => e.name)).toEqual([]);
  });
});

/** Whether this machine lets an unprivileged process mount its own small tmpfs (a user namespace). */
const canMountTmpfs =
  spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'], { stdio: 'ignore' })
    .status === 0;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe.runIf(canMountTmpfs)('upload when the disk is full (ENOSPC, a real 3 MB file system)', () => {
  it('answers 507, leaves no partial file, and the next upload that fits works', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cyberportal-full-'));
    const port = await freePort();
    // The portal runs in its own mount namespace on a 3 MB tmpfs; after it stops, the script lists what
    // is left under files/ (the test process cannot see inside that namespace).
    const script = `
      mount -t tmpfs -o size=3m tmpfs "$D" || exit 90
      node bin/cyberportal.js --data "$D" user add editor1 --role admin --password ed-password-123 >/dev/null || exit 91
      node bin/cyberportal.js --data "$D" serve --no-demo --port "$P" &
      pid=$!
      trap 'kill -TERM $pid' TERM
      wait $pid; wait $pid
      echo "LEFT:"; find "$D/files" -type f
    `;
    const child = spawn('unshare', ['-rm', 'sh', '-c', script], {
      env: { ...process.env, D: dataDir, P: String(port), CYBERPORTAL_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    const exited = new Promise((r) => child.once('close', r));
    try {
      const base = `http://127.0.0.1:${port}/api/v1`;
      await waitFor(() => out.includes('listening on'), `the portal to listen (${out})`);
      const login = await fetch(`${base}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'editor1', password: 'ed-password-123' }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
      const headers = {
        cookie,
        'x-csrf-token': (await login.json()).csrfToken,
        'content-type': 'application/json',
      };
      // A data directory without the demo has no templates yet.
      const post = (path: string, body: unknown) =>
        fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      expect((await post('/templates', { name: 'Note', label: 'Note', properties: [] })).status).toBe(201);
      const entityId = (await (await post('/entities', { template: 'Note', title: 'Full disk' })).json()).id;
      const upload = (name: string, bytes: Buffer) => {
        const body = multipartBody(name, bytes);
        return fetch(`${base}/entities/${entityId}/files`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': headers['x-csrf-token'], ...body.headers },
          body: new Uint8Array(body.payload),
        });
      };
      const tooBig = await upload('big.txt', Buffer.alloc(4 * 1024 * 1024, 'a'));
      expect(tooBig.status).toBe(507);
      expect(tooBig.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await tooBig.json()).detail).toMatch(/out of disk space/);

      const fits = await upload('small.txt', Buffer.from('Norms of responsible State behaviour.'));
      expect(fits.status).toBe(202);
      const file = await fits.json();
      let status = file.status;
      const deadline = Date.now() + 30_000;
      while (status !== 'ready' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        status = (await (await fetch(`${base}/files/${file.id}`, { headers: { cookie } })).json()).status;
      }
      expect(status).toBe('ready');
    } finally {
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    }
    const left = out
      .slice(out.indexOf('LEFT:') + 5)
      .trim()
      .split('\n')
      .filter(Boolean);
    expect(left.filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(left).toHaveLength(1); // the small file's original
  }, 120_000);
});
