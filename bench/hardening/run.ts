/**
 * Availability under hostile load (issue 15): the real portal process on a fresh data directory with the demo
 * collection, 32 readers over HTTP (searches, autocomplete, a profile, a document, /health), and, while they
 * read, a signed-in collaborator uploads a hostile document (one 2 MB paragraph) and a 200,000-paragraph
 * file, which are ingested; then the big document is deleted; then SIGTERM arrives while hostile searches run.
 *
 * Reported per phase (quiet → ingest → delete, all in one run, so the quiet phase is the comparison): request
 * latency p50/p95/p99/max, requests over 2 s, errors, and the server's own event-loop delay (sampled inside
 * its process by loop-stats.mjs); the ingest and delete times; how long SIGTERM takes to end the process.
 *
 * `npx tsx bench/hardening/run.ts [--readers 32] [--paragraphs 200000] [--hostile-mb 2]`
 * → bench/.out/hardening.md (copy the table into docs/PERFORMANCE.md).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fmt, freePort, pct } from '../http-load.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const READERS = arg('readers', 32);
const PARAGRAPHS = arg('paragraphs', 200_000);
const HOSTILE_BYTES = arg('hostile-mb', 2) * 1024 * 1024;
const QUIET_MS = 15_000;
const AFTER_MS = 5_000;
const INGEST_LIMIT_MS = 15 * 60_000;
const SLOW_MS = 2_000;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(ROOT, 'bench/.out');

const VOCAB = (
  'the of and to in a is that for on as with by be are this national cyber security strategy ' +
  'government critical infrastructure incident response capacity cooperation international law ' +
  'norms state behaviour information communications technology agency ministry framework protection ' +
  'data privacy resilience risk assessment public private sector partnership awareness education'
).split(' ');

/** Deterministic pseudo-random words (a fixed seed: every run uploads the same bytes). */
function words(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return VOCAB[s % VOCAB.length] as string;
  };
}

/** One paragraph of `bytes` characters with no line break; "quasar" every 40 words, so a search hits it. */
function hostileText(bytes: number): string {
  const next = words(7);
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const w = i % 40 === 0 ? 'quasar' : next();
    parts.push(w);
    n += w.length + 1;
  }
  return `${parts.join(' ')}.\n`;
}

/** `count` short paragraphs separated by blank lines; "meridian" in every 50th. */
function manyParagraphs(count: number): string {
  const next = words(11);
  const out: string[] = [];
  for (let p = 0; p < count; p++) {
    const len = 8 + (p % 9);
    const ws = Array.from({ length: len }, next);
    if (p % 50 === 0) ws[3] = 'meridian';
    out.push(`${ws.join(' ')}.`);
  }
  return `${out.join('\n\n')}\n`;
}

type Sample = [start: number, ms: number, status: number, path: number];
type Loop = { t: number; p50: number; p99: number; max: number };

async function main() {
  mkdirSync(OUT, { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'cyberportal-hardening-'));
  const loopFile = join(dataDir, 'loop-stats.jsonl');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const loadStart = loadavg();

  console.log(`Starting the portal on ${base} (first start loads and ingests the demo)…`);
  const server = spawn(
    process.execPath,
    [
      '--import',
      './bench/hardening/loop-stats.mjs',
      'bin/cyberportal.js',
      '--data',
      dataDir,
      'serve',
      '--port',
      String(port),
    ],
    { cwd: ROOT, env: { ...process.env, LOOP_STATS_FILE: loopFile }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let serverLog = '';
  server.stdout?.on('data', (d) => {
    serverLog += d;
  });
  server.stderr?.on('data', (d) => {
    serverLog += d;
  });
  const exited = new Promise<{ code: number | null; signal: string | null; at: number }>((resolve) =>
    server.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  try {
    await waitFor(
      () => serverLog.includes('listening on'),
      10 * 60_000,
      () => serverLog,
    );
    const report = await run(base, dataDir, server, exited, loopFile);
    const header = [
      '# Availability under hostile load (bench/hardening)',
      '',
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}. Load average at start ${loadStart.map((l) => l.toFixed(2)).join(' ')}, at end ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}.`,
      `Corpus: the demo collection (193 states, organisations, 15 sample PDFs) plus, during the run, one text file of one ${(HOSTILE_BYTES / 1048576).toFixed(1)} MB paragraph and one of ${PARAGRAPHS.toLocaleString('en')} paragraphs. ${READERS} concurrent readers over HTTP.`,
      '',
    ];
    const text = [...header, ...report].join('\n');
    writeFileSync(join(OUT, 'hardening.md'), `${text}\n`);
    console.log(text);
  } finally {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function waitFor(ok: () => boolean | Promise<boolean>, limitMs: number, why: () => string) {
  const until = Date.now() + limitMs;
  while (!(await ok())) {
    if (Date.now() > until) throw new Error(`timed out waiting\n${why().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function run(
  base: string,
  dataDir: string,
  server: ChildProcess,
  exited: Promise<{ code: number | null; signal: string | null; at: number }>,
  loopFile: string,
): Promise<string[]> {
  const admin = readFileSync(join(dataDir, 'initial-admin.txt'), 'utf8');
  const username = /username: (.*)/.exec(admin)?.[1] ?? 'admin';
  const password = /password: (.*)/.exec(admin)?.[1] ?? '';
  const login = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const auth = { cookie, 'x-csrf-token': csrf };

  const states = (await (await fetch(`${base}/api/v1/entities?template=State&limit=3`)).json()) as {
    items: { id: string }[];
  };
  const docs = (await (await fetch(`${base}/api/v1/entities?template=Document&limit=3`)).json()) as {
    items: { id: string }[];
  };
  const stateId = states.items[0]?.id;
  const docId = docs.items[0]?.id;
  const paths = [
    '/api/v1/search?q=cyber',
    '/api/v1/search?q=quasar',
    '/api/v1/search?q=%22national%20strategy%22',
    '/api/v1/search?q=meridian',
    '/api/v1/autocomplete?q=cyb',
    `/api/v1/entities/${stateId}/view`,
    `/api/v1/entities/${docId}/view`,
    '/health',
  ];

  const readers = new Worker(new URL('./readers.mjs', import.meta.url), {
    workerData: { base, paths, concurrency: READERS, limitMs: INGEST_LIMIT_MS + 5 * 60_000 },
  });
  const samples = new Promise<Sample[]>((resolve, reject) => {
    readers.once('message', resolve);
    readers.once('error', reject);
  });

  const phases: { name: string; from: number; to: number }[] = [];
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, QUIET_MS));
  phases.push({ name: 'quiet (readers only)', from: t0, to: Date.now() });

  const ingestFrom = Date.now();
  const upload = async (title: string, name: string, text: string) => {
    const created = await fetch(`${base}/api/v1/entities`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        template: 'Document',
        title,
        published: true,
        metadata: { documentType: 'national-strategy' },
      }),
    });
    if (!created.ok) throw new Error(`create failed: ${created.status} ${await created.text()}`);
    const entity = (await created.json()) as { id: string };
    const form = new FormData();
    form.set('file', new Blob([text], { type: 'text/plain' }), name);
    const t = Date.now();
    const res = await fetch(`${base}/api/v1/entities/${entity.id}/files`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    if (!res.ok) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
    const file = (await res.json()) as { id: string };
    return { entityId: entity.id, fileId: file.id, uploadMs: Date.now() - t };
  };
  const hostile = await upload('Hostile one-paragraph document', 'hostile.txt', hostileText(HOSTILE_BYTES));
  const big = await upload('A very long document', 'long.txt', manyParagraphs(PARAGRAPHS));
  const status = async (fileId: string) =>
    ((await (await fetch(`${base}/api/v1/files/${fileId}`, { headers: auth })).json()) as {
      status: string;
      reason?: string | null;
    }) ?? { status: '?' };
  const finished: Record<string, { status: string; reason?: string | null; ms: number }> = {};
  await waitFor(
    async () => {
      for (const f of [hostile, big]) {
        if (finished[f.fileId]) continue;
        const s = await status(f.fileId);
        if (!['queued', 'processing'].includes(s.status))
          finished[f.fileId] = { ...s, ms: Date.now() - ingestFrom };
      }
      return Object.keys(finished).length === 2;
    },
    INGEST_LIMIT_MS,
    () => JSON.stringify(finished),
  );
  await new Promise((r) => setTimeout(r, AFTER_MS));
  phases.push({ name: 'ingest (2 MB paragraph + long file)', from: ingestFrom, to: Date.now() });

  const deleteFrom = Date.now();
  const del = await fetch(`${base}/api/v1/entities/${big.entityId}`, { method: 'DELETE', headers: auth });
  const deleteMs = Date.now() - deleteFrom;
  await new Promise((r) => setTimeout(r, AFTER_MS));
  phases.push({ name: `delete the long document (HTTP ${del.status})`, from: deleteFrom, to: Date.now() });

  readers.postMessage('stop');
  const all = await samples;
  await readers.terminate();

  // SIGTERM while searches that hit the hostile paragraph are in flight.
  const inflight = Array.from({ length: 8 }, () =>
    fetch(`${base}/api/v1/search?q=quasar`).then(
      (r) => r.status,
      () => 0,
    ),
  );
  await new Promise((r) => setTimeout(r, 200));
  const termAt = Date.now();
  server.kill('SIGTERM');
  const killer = setTimeout(() => server.kill('SIGKILL'), 60_000);
  const exit = await exited;
  clearTimeout(killer);
  const inflightStatuses = await Promise.all(inflight);

  const loop: Loop[] = readFileSync(loopFile, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Loop);

  const lines = [
    `| phase | requests | errors | p50 ms | p95 ms | p99 ms | max ms | over 2 s | loop p99 ms (median / worst second) | loop max ms |`,
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const ph of phases) {
    const xs = all.filter(([s]) => s >= ph.from && s < ph.to);
    const ms = xs.map(([, m]) => m);
    const errors = xs.filter(([, , st]) => st === 0 || st >= 500).length;
    const lp = loop.filter((l) => l.t >= ph.from && l.t <= ph.to + 1000);
    const p99s = lp.map((l) => l.p99);
    lines.push(
      `| ${ph.name} | ${xs.length} | ${errors} | ${fmt(pct(ms, 50))} | ${fmt(pct(ms, 95))} | ${fmt(pct(ms, 99))} | ${fmt(Math.max(0, ...ms))} | ${ms.filter((m) => m > SLOW_MS).length} | ${fmt(pct(p99s, 50))} / ${fmt(Math.max(0, ...p99s))} | ${fmt(Math.max(0, ...lp.map((l) => l.max)))} |`,
    );
  }
  const ingest = phases[1] as { from: number; to: number };
  const perPath = paths.map((p, i) => {
    const ms = all.filter(([s, , , k]) => k === i && s >= ingest.from && s < ingest.to).map(([, m]) => m);
    return `\`${p.replace(String(stateId), ':state').replace(String(docId), ':document')}\` ${fmt(pct(ms, 95))} / ${fmt(Math.max(0, ...ms))}`;
  });
  const fileRow = (label: string, f: { fileId: string; uploadMs: number }) => {
    const r = finished[f.fileId];
    return `- ${label}: upload answered in ${f.uploadMs} ms; ended \`${r?.status}\`${r?.reason ? ` (${r.reason})` : ''} ${((r?.ms ?? 0) / 1000).toFixed(1)} s after the first upload began.`;
  };
  return [
    ...lines,
    '',
    fileRow(`Hostile document (one ${(HOSTILE_BYTES / 1048576).toFixed(1)} MB paragraph)`, hostile),
    fileRow(`Long document (${PARAGRAPHS.toLocaleString('en')} paragraphs)`, big),
    `- Deleting the long document: HTTP ${del.status} in ${deleteMs} ms.`,
    `- SIGTERM with 8 hostile searches in flight: the process exited ${((exit.at - termAt) / 1000).toFixed(2)} s later (code ${exit.code}, signal ${exit.signal}); in-flight answers: ${inflightStatuses.join(', ')}.`,
    `- p95 / max ms per reader path during the ingest phase: ${perPath.join('; ')}.`,
  ];
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
