/**
 * The scaled set-up under load (issue 13): one PostgreSQL, two portal servers on it sharing one data
 * directory for originals, Debian's nginx as round-robin proxy, all on this machine. The demo collection is
 * loaded into the embedded store and moved with `migrate-store` (timed). Then, in one run:
 *
 * 1. one server behind nginx, a fixed mix for a fixed time (searches of several classes, profile and
 *    document opens, paragraph pages, and a few writes: new records by a signed-in editor);
 * 2. the same mix over both servers;
 * 3. the same over both, with files uploaded just before one server is killed (SIGKILL) mid-run.
 *
 * Reported: throughput and p50/p95 per phase and per request class, errors per second around the kill (only
 * requests in flight on the killed server may fail), and the check afterwards that no acknowledged write is
 * missing and every uploaded file ends ready (its job taken over by the surviving server once the lease
 * runs out).
 *
 * `npx tsx bench/scale/run.ts [--clients 16] [--seconds 30]` → bench/.out/scale.md
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startCluster } from '../../test/postgres/cluster.ts';
import { fmt, freePort, pct } from '../http-load.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg('clients', 16);
const SECONDS = arg('seconds', 30);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(ROOT, 'bench/.out');
const NGINX = '/usr/sbin/nginx';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the real CLI to completion; throws with its output when it fails. */
function cli(args: string[]): { ms: number; out: string } {
  const t = Date.now();
  const r = spawnSync(process.execPath, ['bin/cyberportal.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CYBERPORTAL_LOG_LEVEL: 'warn' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0)
    throw new Error(`cyberportal ${args.join(' ')} failed (${r.status}):\n${r.stderr}${r.stdout}`);
  return { ms: Date.now() - t, out: r.stdout };
}

type Server = { name: string; port: number; child: ChildProcess; log: () => string };

async function startServer(name: string, dataDir: string, url: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['bin/cyberportal.js', '--data', dataDir, '--database', url, 'serve', '--port', String(port)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CYBERPORTAL_LOG_LEVEL: 'warn' } },
  );
  let log = '';
  child.stdout?.on('data', (d) => {
    log += d;
  });
  child.stderr?.on('data', (d) => {
    log += d;
  });
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server ${name} exited:\n${log}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > until) throw new Error(`server ${name} did not start:\n${log}`);
    await sleep(250);
  }
  return { name, port, child, log: () => log };
}

/** nginx with two listeners: one proxies to the first server only, the other round-robin to both. */
async function startNginx(dir: string, one: Server, two: Server) {
  const single = await freePort();
  const both = await freePort();
  const conf = join(dir, 'nginx.conf');
  const temp = (n: string) => `${n}_temp_path ${join(dir, n)};`;
  writeFileSync(
    conf,
    `user root;
worker_processes 1;
daemon off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'nginx-error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  client_max_body_size 200m;
  upstream single { server 127.0.0.1:${one.port}; keepalive 64; }
  upstream both {
    server 127.0.0.1:${one.port} max_fails=1 fail_timeout=10s;
    server 127.0.0.1:${two.port} max_fails=1 fail_timeout=10s;
    keepalive 64;
  }
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host $host;
  # A GET that finds its server gone is tried on the other; a write is never sent twice.
  proxy_next_upstream error timeout;
  server { listen 127.0.0.1:${single}; location / { proxy_pass http://single; } }
  server { listen 127.0.0.1:${both}; location / { proxy_pass http://both; } }
}
`,
  );
  const child = spawn(NGINX, ['-c', conf, '-p', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (d) => {
    log += d;
  });
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`http://127.0.0.1:${both}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, single: `http://127.0.0.1:${single}`, both: `http://127.0.0.1:${both}` };
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  throw new Error(`nginx did not start:\n${log}`);
}

type Auth = { cookie: string; 'x-csrf-token': string };
type Sample = { at: number; ms: number; status: number; cls: string };

async function signIn(base: string, username: string, password: string): Promise<Auth> {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  return { cookie, 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** The request mix: read classes by weight, and a write now and then. */
function mix(ids: { states: string[]; docs: string[]; files: string[] }) {
  const reads: [cls: string, weight: number, path: (i: number) => string][] = [
    ['search: frequent term', 20, () => '/api/v1/search?q=cyber'],
    ['search: rare term', 10, () => '/api/v1/search?q=ransomware'],
    ['search: phrase', 10, () => '/api/v1/search?q=%22national%20security%22'],
    ['search: prefix', 10, () => '/api/v1/search?q=resil*'],
    [
      'search: two words',
      10,
      (i) => `/api/v1/search?q=critical%20infrastructure&cursor=&limit=${20 + (i % 3)}`,
    ],
    ['autocomplete', 5, () => '/api/v1/autocomplete?q=fra'],
    ['profile', 15, (i) => `/api/v1/entities/${ids.states[i % ids.states.length]}/view`],
    ['document', 10, (i) => `/api/v1/entities/${ids.docs[i % ids.docs.length]}/view`],
    ['document pages', 5, (i) => `/api/v1/files/${ids.files[i % ids.files.length]}/pages?from=1&to=2`],
  ];
  const total = reads.reduce((a, r) => a + r[1], 0);
  return (i: number) => {
    let x = (i * 7919) % total;
    for (const [cls, w, path] of reads) {
      if (x < w) return { cls, path: path(i) };
      x -= w;
    }
    return { cls: reads[0]![0], path: reads[0]![2](i) };
  };
}

/** CLIENTS loops for `ms`: reads from the mix, and every 50th request of a client a write (a new record). */
async function load(base: string, auth: Auth, pick: ReturnType<typeof mix>, ms: number, writes: string[]) {
  const samples: Sample[] = [];
  const end = Date.now() + ms;
  let n = 0;
  const client = async (c: number) => {
    for (let k = 0; Date.now() < end; k++) {
      const i = n++;
      const at = Date.now();
      if (k % 50 === 49) {
        const title = `Scale bench record ${c}-${k}-${at}`;
        const status = await fetch(`${base}/api/v1/entities`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({
            template: 'Document',
            title,
            metadata: { documentType: 'national-strategy' },
          }),
        }).then(
          async (r) => {
            await r.arrayBuffer();
            return r.status;
          },
          () => 0,
        );
        if (status === 201) writes.push(title);
        samples.push({ at, ms: Date.now() - at, status, cls: 'write: new record' });
        continue;
      }
      const { cls, path } = pick(i);
      const status = await fetch(`${base}${path}`, { headers: { cookie: auth.cookie } }).then(
        async (r) => {
          await r.arrayBuffer();
          return r.status;
        },
        () => 0,
      );
      samples.push({ at, ms: Date.now() - at, status, cls });
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  return samples;
}

function summary(name: string, samples: Sample[], ms: number) {
  const ok = samples.filter((s) => s.status >= 200 && s.status < 400);
  const errors = samples.length - ok.length;
  return `| ${name} | ${((ok.length / ms) * 1000).toFixed(1)} | ${fmt(
    pct(
      ok.map((s) => s.ms),
      50,
    ),
  )} | ${fmt(
    pct(
      ok.map((s) => s.ms),
      95,
    ),
  )} | ${fmt(
    pct(
      ok.map((s) => s.ms),
      99,
    ),
  )} | ${errors} |`;
}

function perClass(phases: { name: string; samples: Sample[] }[]) {
  const classes = [...new Set(phases.flatMap((p) => p.samples.map((s) => s.cls)))].sort();
  const rows = classes.map((cls) => {
    const cells = phases.map((p) => {
      const xs = p.samples.filter((s) => s.cls === cls && s.status >= 200 && s.status < 400).map((s) => s.ms);
      return `${fmt(pct(xs, 50))} / ${fmt(pct(xs, 95))}`;
    });
    return `| ${cls} | ${cells.join(' | ')} |`;
  });
  return [
    `| request class | ${phases.map((p) => `${p.name} p50 / p95 ms`).join(' | ')} |`,
    `|---|${phases.map(() => '---:').join('|')}|`,
    ...rows,
  ];
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const loadStart = loadavg();
  const work = await mkdtemp(join(tmpdir(), 'cyberportal-scale-'));
  const dataDir = join(work, 'data');
  const cluster = await startCluster();
  const servers: Server[] = [];
  let nginx: ChildProcess | undefined;
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE scale');
    await admin.end();
    const url = cluster.url.replace(/\/[^/?]*(\?|$)/, '/scale$1');

    console.log('Loading the demo into the embedded store, then migrate-store into PostgreSQL…');
    const demo = cli(['--data', dataDir, 'demo']);
    const migrated = cli(['migrate-store', '--from', dataDir, '--to', url]);
    const password = 'scale-bench-password-1';
    cli([
      '--data',
      dataDir,
      '--database',
      url,
      'user',
      'add',
      'scaleeditor',
      '--role',
      'editor',
      '--password',
      password,
    ]);

    servers.push(await startServer('A', dataDir, url), await startServer('B', dataDir, url));
    const proxy = await startNginx(work, servers[0]!, servers[1]!);
    nginx = proxy.child;
    const auth = await signIn(proxy.both, 'scaleeditor', password);
    const list = async (template: string) =>
      (
        (await (await fetch(`${proxy.both}/api/v1/entities?template=${template}&limit=50`)).json()) as {
          items: { id: string }[];
        }
      ).items.map((e) => e.id);
    const docs = await list('Document');
    const files: string[] = [];
    for (const id of docs.slice(0, 20)) {
      const view = (await (await fetch(`${proxy.both}/api/v1/entities/${id}/view`)).json()) as {
        files: { id: string }[];
      };
      files.push(...view.files.map((f) => f.id));
    }
    const pick = mix({ states: await list('State'), docs, files });
    const writes: string[] = [];
    const ms = SECONDS * 1000;

    console.log(`Phase 1: one server, ${CLIENTS} clients, ${SECONDS} s…`);
    const one = await load(proxy.single, auth, pick, ms, writes);
    console.log(`Phase 2: two servers…`);
    const two = await load(proxy.both, auth, pick, ms, writes);

    console.log('Phase 3: two servers, files uploaded, server B killed half-way…');
    const uploads: string[] = [];
    for (let i = 0; i < 6; i++) {
      const created = await fetch(`${proxy.both}/api/v1/entities`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          template: 'Document',
          title: `Scale upload ${i}`,
          metadata: { documentType: 'national-strategy' },
        }),
      });
      const entity = (await created.json()) as { id: string };
      const form = new FormData();
      const text = Array.from(
        { length: 20_000 },
        (_, p) => `Paragraph ${p} of upload ${i} on critical infrastructure.`,
      ).join('\n\n');
      form.set('file', new Blob([text], { type: 'text/plain' }), `upload-${i}.txt`);
      const res = await fetch(`${proxy.both}/api/v1/entities/${entity.id}/files?duplicate=allow`, {
        method: 'POST',
        headers: auth,
        body: form,
      });
      if (!res.ok) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
      uploads.push(((await res.json()) as { id: string }).id);
    }
    const started = Date.now();
    const killAt = started + ms / 2;
    const killer = (async () => {
      await sleep(ms / 2);
      servers[1]!.child.kill('SIGKILL');
    })();
    const three = await load(proxy.both, auth, pick, ms, writes);
    await killer;

    // Afterwards: every acknowledged write is there, and every upload ends ready on the surviving server.
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const titles = new Set(
      (
        await db.query<{ title: string }>(
          `SELECT title FROM entities WHERE title LIKE 'Scale bench record %'`,
        )
      ).rows.map((r) => r.title),
    );
    const lostWrites = writes.filter((t) => !titles.has(t)).length;
    const waitFrom = Date.now();
    let statuses: string[] = [];
    while (Date.now() - waitFrom < 5 * 60_000) {
      statuses = (
        await db.query<{ status: string }>(`SELECT status FROM files WHERE id = ANY($1)`, [uploads])
      ).rows.map((r) => r.status);
      if (statuses.length === uploads.length && statuses.every((s) => s === 'ready' || s === 'failed')) break;
      await sleep(1000);
    }
    const uploadsReadyS = (Date.now() - waitFrom) / 1000;
    await db.end();

    const around = three.filter((s) => Math.abs(s.at - killAt) <= 5000);
    const errorsAround = around.filter((s) => s.status === 0 || s.status >= 500);
    const errorsElsewhere = three.filter(
      (s) => Math.abs(s.at - killAt) > 5000 && (s.status === 0 || s.status >= 500),
    ).length;
    const lines = [
      '## The scaled set-up: one PostgreSQL, two app servers behind nginx (bench/scale)',
      '',
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}; PostgreSQL, both servers, nginx and the load generator on the same 2 cores. Load average at start ${loadStart.map((l) => l.toFixed(2)).join(' ')}, at end ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}. PostgreSQL as the test cluster runs it (fsync off).`,
      `Corpus: the demo collection (193 states, organisations, sample PDFs), loaded in ${(demo.ms / 1000).toFixed(0)} s and moved by \`migrate-store\` in ${(migrated.ms / 1000).toFixed(1)} s (every table checked row by row). ${CLIENTS} clients, ${SECONDS} s per phase, one write (a new record by a signed-in editor) in 50 requests.`,
      '',
      '| phase | ok requests/s | p50 ms | p95 ms | p99 ms | errors |',
      '|---|---:|---:|---:|---:|---:|',
      summary('one server', one, ms),
      summary('two servers', two, ms),
      summary('two servers, B killed half-way', three, ms),
      '',
      ...perClass([
        { name: 'one server', samples: one },
        { name: 'two servers', samples: two },
      ]),
      '',
      `Kill: ${errorsAround.length} failed request(s) within 5 s of the kill (${[...new Set(errorsAround.map((s) => s.cls))].join(', ') || 'none'}), ${errorsElsewhere} elsewhere in the phase. Acknowledged writes: ${writes.length}, missing afterwards: ${lostWrites}. Uploads queued before the kill: ${uploads.length}, ended ${statuses.filter((s) => s === 'ready').length} ready, ${statuses.filter((s) => s === 'failed').length} failed, ${uploads.length - statuses.length} missing, all settled ${uploadsReadyS.toFixed(0)} s after the phase.`,
    ];
    const text = lines.join('\n');
    writeFileSync(join(OUT, 'scale.md'), `${text}\n`);
    console.log(text);
  } finally {
    nginx?.kill('SIGTERM');
    for (const s of servers)
      if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGTERM');
    await sleep(1000);
    await cluster.stop();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
