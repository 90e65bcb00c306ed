/**
 * The biggest profile over HTTP (issue 16 item 4): `npx tsx bench/http/profile.ts --before <checkout>
 * [--docs 25000] [--paragraphs 25000] [--readers 1,8,32] [--seconds 10]`. The corpus is bench/http's
 * generated collection (corpora.ts) at the 25,000 documents — only their links to states matter
 * here, so one paragraph each by default — with a "Documents" section on the State template whose inverse
 * is each document's `state`, so the most cited state's profile lists ~1,656 documents. The checkout
 * `--before` and this one serve a copy each; anonymous readers then ask for what each one's profile page
 * asks for first (before: `/entities/:id/view`, every linked document; after: `/entities/:id/profile`, first
 * items and counts), and after "Show all" (this one: the next 200 of the section). Runs alternate between the
 * checkouts per reader count, the load average beside each. Writes bench/.out/http-profile.md.
 */

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { fmt, pct } from '../http-load.ts';
import { copyOf, corpus } from './corpora.ts';
import { type Server, start, stop } from './portals.ts';

const { values: args } = parseArgs({
  options: {
    before: { type: 'string' },
    docs: { type: 'string', default: '25000' },
    paragraphs: { type: 'string', default: '25000' },
    readers: { type: 'string', default: '1,8,32' },
    seconds: { type: 'string', default: '10' },
  },
});
if (!args.before) throw new Error('--before <checkout of the code to compare with> is required');
const TREES = { before: resolve(args.before), after: resolve(import.meta.dirname, '..', '..') };
const seconds = Number(args.seconds);
const readerCounts = args.readers.split(',').map(Number);
const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

const SECTION = {
  name: 'documents',
  label: 'Documents',
  type: 'relationship',
  targetTemplate: 'Document',
  inverseOf: 'state',
  section: 'Documents',
  filterable: false,
};

/** Adds the Documents section to the copy's State template; the most cited state and its counts. */
function prepare(dataDir: string) {
  const db = new Database(join(dataDir, 'cyberportal.sqlite'));
  const props = JSON.parse(
    db.prepare(`SELECT properties FROM templates WHERE name = 'State'`).pluck().get() as string,
  ) as { name: string }[];
  if (!props.some((p) => p.name === SECTION.name))
    db.prepare(`UPDATE templates SET properties = ? WHERE name = 'State'`).run(
      JSON.stringify([...props, SECTION]),
    );
  const top = db
    .prepare(
      `SELECT l.to_id AS id, count(*) AS linked, sum(e.published) AS published
       FROM entity_links l JOIN entities e ON e.id = l.from_id
       WHERE l.property = 'state' GROUP BY l.to_id ORDER BY linked DESC LIMIT 1`,
    )
    .get() as { id: string; linked: number; published: number };
  db.close();
  return top;
}

/** Bytes on the wire of one answer, plain and as a browser asks for it (br). */
const size = (url: string, encoding: string) =>
  new Promise<number>((ok, fail) => {
    request(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      let n = 0;
      res.on('data', (b: Buffer) => {
        n += b.length;
      });
      res.on('end', () => (res.statusCode === 200 ? ok(n) : fail(new Error(`${url}: ${res.statusCode}`))));
    })
      .on('error', fail)
      .end();
  });

async function measure(s: Server, path: string, readers: number) {
  await Promise.all(Array.from({ length: 2 }, () => fetch(s.url + path).then((r) => r.arrayBuffer())));
  const res = await new Promise<{ latencies: number[]; errors: number }>((ok, fail) => {
    const worker = new Worker(new URL('../search/load-client.mjs', import.meta.url), {
      workerData: { base: s.url, paths: [path], concurrency: readers, durationMs: seconds * 1000 },
    });
    worker.once('message', ok);
    worker.once('error', fail);
  });
  return {
    rps: res.latencies.length / seconds,
    p50: pct(res.latencies, 50),
    p95: pct(res.latencies, 95),
    p99: pct(res.latencies, 99),
    max: pct(res.latencies, 100),
    errors: res.errors,
    load: load(),
  };
}

const loadStart = load();
const c = await corpus(Number(args.paragraphs), log, Number(args.docs));
const dirs = { before: copyOf(c), after: copyOf(c) };
const top = prepare(dirs.before);
prepare(dirs.after);
log(`biggest profile ${top.id}: ${top.linked} documents (${top.published} published)`);
const servers = {
  before: await start(TREES.before, dirs.before, true),
  after: await start(TREES.after, dirs.after, true),
};
const routes = [
  { label: 'profile page', tree: 'before', path: `/api/v1/entities/${top.id}/view` },
  { label: 'profile page', tree: 'after', path: `/api/v1/entities/${top.id}/profile` },
  {
    label: '"Show all": next 200',
    tree: 'after',
    path: `/api/v1/entities/${top.id}/sections/documents?offset=20&limit=200`,
  },
] as const;

const sizes: string[] = [];
for (const r of routes) {
  const url = servers[r.tree].url + r.path;
  const [plain, br, gzip] = [await size(url, 'identity'), await size(url, 'br'), await size(url, 'gzip')];
  sizes.push(
    `| ${r.tree} | ${r.label} | \`${r.path.replace(top.id, ':id')}\` | ${plain.toLocaleString('en')} | ${br.toLocaleString('en')} | ${gzip.toLocaleString('en')} |`,
  );
  log(`${r.tree} ${r.label}: ${plain} B plain, ${br} B br, ${gzip} B gzip`);
}

const rows: string[] = [];
for (const readers of readerCounts)
  for (const r of routes) {
    const m = await measure(servers[r.tree], r.path, readers);
    log(
      `${readers} readers ${r.tree} ${r.label}: ${fmt(m.rps)} req/s p50 ${fmt(m.p50)} p95 ${fmt(m.p95)} p99 ${fmt(m.p99)} max ${fmt(m.max)} errors ${m.errors} load ${m.load}`,
    );
    rows.push(
      `| ${readers} | ${r.tree} | ${r.label} | ${fmt(m.rps)} | ${fmt(m.p50)} / ${fmt(m.p95)} / ${fmt(m.p99)} | ${fmt(m.max)} | ${m.errors} | ${m.load} |`,
    );
  }
await stop(servers.before);
await stop(servers.after);
for (const d of Object.values(dirs)) rmSync(d, { recursive: true, force: true });

const md = `# The biggest profile over HTTP

Generated ${new Date().toISOString()} by \`npx tsx bench/http/profile.ts --before ${args.before} --docs ${args.docs} --paragraphs ${args.paragraphs} --readers ${args.readers} --seconds ${seconds}\`.
Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}; load average at start ${loadStart}, at end ${load()}.
Corpus: ${c.docs.toLocaleString('en')} documents, ${c.paragraphs.toLocaleString('en')} paragraphs, 193 states; the profile is the state with the most documents, ${top.linked.toLocaleString('en')} (${top.published.toLocaleString('en')} published, which anonymous readers see). Anonymous readers, each sending one request at a time for ${seconds} s; before = \`${TREES.before}\`, after = this checkout, alternating.

Bytes per answer (plain / brotli / gzip, as sent):

| checkout | what | request | plain | br | gzip |
|---|---|---|---|---|---|
${sizes.join('\n')}

| readers | checkout | what | req/s | p50 / p95 / p99 ms | max ms | errors | load after |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
mkdirSync(new URL('../.out/', import.meta.url), { recursive: true });
writeFileSync(new URL('../.out/http-profile.md', import.meta.url), md);
log('wrote bench/.out/http-profile.md');
