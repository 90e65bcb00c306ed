/**
 * Connections benchmark: `npx tsx bench/connections/run.ts [--connections 5000] [--runs 40] [--long-pages 200]`.
 * Loads the demo collection into a temp directory (ingested, with its 83 pre-made connections) and puts N
 * generated connections on each of two documents: the demo PDF with the most pages (few pages, so over a
 * thousand highlights per page) and a generated text of about `--long-pages` logical pages (a long report).
 * For each it times, through `app.inject`, the API requests the document viewer makes to open the document,
 * beside comparisons in the same run: the same opening without the 2026112304 indexes (runs interleaved, so
 * both see the same machine load) and listing all of the document's connections in pages of 500. Then, with a
 * built web app, cold loads of the viewer in Chromium before and after the connections are added. Writes
 * bench/.out/connections.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { drainIngestQueue } from '../../src/cli/context.ts';
import { loadConfig } from '../../src/config.ts';
import { createDemoConnections } from '../../src/demo/create-demo-connections.ts';
import { RELATIONS } from '../../src/demo/documents/types.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { describeAnchor } from '../../src/domain/anchoring/describe-anchor.ts';
import type { Paragraph } from '../../src/domain/schemas/file.ts';
import { createEntity } from '../../src/operations/create-entity.ts';
import { OPERATOR } from '../../src/operations/permissions.ts';
import { uploadFile } from '../../src/operations/upload-file.ts';
import { buildApp } from '../../src/server/app.ts';
import { referencesRoutes } from '../../src/server/routes/references.routes.ts';
import { newId, nowIso } from '../../src/store/sqlite/ids.ts';
import { openStore } from '../../src/store/store.ts';
import { measureViewerOpen } from './viewer-open.ts';

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '40' },
    'long-pages': { type: 'string', default: '200' },
  },
});
const N = Number(args.connections);
const RUNS = Number(args.runs);
const WARMUP = 5;
const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a);
const f1 = (n: number) => n.toFixed(1);

/** Median and p95 of timings (nearest rank). */
function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? 0;
  return { median: at(0.5), p95: at(0.95) };
}

/** A seeded generator (mulberry32), so every run puts the same connections in the same places. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(20261123);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;

const loadBefore = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
const dataDir = mkdtempSync(join(tmpdir(), 'cp-bench-connections-'));
const config = loadConfig({}, { dataDir, logLevel: 'silent' });
const store = await openStore(dataDir);
let t0 = performance.now();
const demo = await loadDemo({ store });
await drainIngestQueue(store, config);
const demoConnections = await createDemoConnections({ store, documents: demo.documents });
log(`demo ingested with ${demoConnections.created} connections in ${f1((performance.now() - t0) / 1000)} s`);

// The long document: numbered paragraphs of ~600 characters, ~5 per logical page of ~3,000 characters.
const longEntity = await createEntity({
  store,
  actor: OPERATOR,
  input: {
    template: 'Document',
    title: 'Generated long report',
    language: 'en',
    published: true,
    metadata: { documentType: 'report' },
  },
});
const sentences = [
  'States reaffirm that international law applies to the use of information and communications technologies.',
  'Capacity-building should be demand-driven, sustainable and respectful of human rights.',
  'Critical infrastructure operators report significant incidents to the national CERT without delay.',
  'Confidence-building measures include points of contact and the exchange of national views.',
  'The working group recommends regular institutional dialogue under the auspices of the United Nations.',
  'Attribution of an ICT incident is a complex undertaking that should consider all relevant information.',
];
const longText = Array.from(
  { length: Number(args['long-pages']) * 5 },
  (_, i) => `${i + 1}. ${Array.from({ length: 6 }, () => pick(sentences)).join(' ')}`,
).join('\n\n');
const longFile = await uploadFile({
  store,
  actor: OPERATOR,
  entityId: longEntity.id,
  filename: 'long-report.txt',
  mimeType: 'text/plain',
  content: Buffer.from(longText),
});
await drainIngestQueue(store, config);

type Doc = { key: string; entityId: string; fileId: string; pageCount: number };
const docs: Doc[] = [];
for (const d of [
  ...demo.documents,
  { key: 'generated-long-report', entityId: longEntity.id, fileId: longFile.id },
])
  docs.push({ ...d, pageCount: (await store.files.findById(d.fileId))?.pageCount ?? 0 });
const textOf = new Map<string, string>();
const paragraphsOf = new Map<string, Paragraph[]>();
for (const d of docs) {
  textOf.set(d.fileId, (await store.files.fullText(d.fileId)) ?? '');
  paragraphsOf.set(d.fileId, await store.pages.listParagraphs(d.fileId));
}
const relationTypes = new Map((await store.relationTypes.list()).map((r) => [r.name, r.id]));
const demoDocs = docs.filter((d) => d.fileId !== longFile.id);

/** A quote of 20–200 characters inside a random paragraph of a file, with that paragraph's rectangles. */
function randomAnchor(fileId: string) {
  const p = pick(paragraphsOf.get(fileId)!.filter((x) => x.end - x.start >= 20));
  const length = Math.min(p.end - p.start, 20 + Math.floor(random() * 180));
  const start = p.start + Math.floor(random() * (p.end - p.start - length + 1));
  const text = textOf.get(fileId)!;
  return describeAnchor({ fileId, text, start, end: start + length, rects: p.rects.slice(0, 3) });
}

/** N connections on `subject`, half outgoing and half incoming, the other end in a random demo PDF. */
async function connect(subject: Doc) {
  const others = demoDocs.filter((d) => d.fileId !== subject.fileId);
  await store.transaction(async (tx) => {
    const references = tx.references;
    for (let i = 0; i < N; i++) {
      const other = pick(others);
      const here = randomAnchor(subject.fileId);
      const there = randomAnchor(other.fileId);
      const outgoing = random() < 0.5;
      const relationType = pick(RELATIONS);
      await references.insert({
        id: newId(),
        relationTypeId: relationTypes.get(relationType)!,
        relationType,
        sourceEntityId: outgoing ? subject.entityId : other.entityId,
        source: outgoing ? here : there,
        targetEntityId: outgoing ? other.entityId : subject.entityId,
        target: outgoing ? there : here,
        orphaned: false,
        createdBy: null,
        createdAt: nowIso(),
      });
    }
  });
}

const shortDoc = demoDocs.sort((a, b) => b.pageCount - a.pageCount)[0]!;
const longDoc = docs.find((d) => d.fileId === longFile.id)!;
const VIEWER_RUNS = 5;
log(`viewer cold loads of ${shortDoc.key} before the generated connections…`);
const viewerBefore = await measureViewerOpen(
  config,
  [{ label: `${shortDoc.key}, demo connections only`, entityId: shortDoc.entityId }],
  VIEWER_RUNS,
);
t0 = performance.now();
await connect(shortDoc);
await connect(longDoc);
log(
  `inserted ${N} connections on each of ${shortDoc.key} and ${longDoc.key} in ${f1(performance.now() - t0)} ms`,
);

const app = await buildApp({ config, store, plugins: [referencesRoutes] });
const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return res;
};
const totalOf = async (url: string) => ((await get(url)).json() as { total: number }).total;

/** Every page of `url` (limit=500), following offset until the total. */
async function allPages(url: string) {
  for (let offset = 0; ; offset += 500) {
    const body = (await get(`${url}&limit=500&offset=${offset}`)).json() as { total: number };
    if (offset + 500 >= body.total) return;
  }
}

/**
 * What the viewer requests to open a document at page 1: the entity view, the file, page 1 with its line
 * geometry, the paragraphs, page 1's highlights (all of them, in pages of 500) and the first 50 connections
 * of the side panel. One after another, so the total is the worst case of the browser's parallel fetches.
 */
const opening = (d: Doc) => [
  { name: 'GET /entities/:id/view', run: () => get(`/api/v1/entities/${d.entityId}/view`) },
  { name: 'GET /files/:id', run: () => get(`/api/v1/files/${d.fileId}`) },
  { name: 'GET /files/:id/pages?from=1&to=1', run: () => get(`/api/v1/files/${d.fileId}/pages?from=1&to=1`) },
  { name: 'GET /files/:id/paragraphs', run: () => get(`/api/v1/files/${d.fileId}/paragraphs`) },
  {
    name: 'GET /references?fileId=&page=1 (all, limit=500)',
    run: () => allPages(`/api/v1/references?fileId=${d.fileId}&page=1`),
  },
  {
    name: 'GET /references?entityId=&limit=50',
    run: () => get(`/api/v1/references?entityId=${d.entityId}&limit=50`),
  },
];

const sqlite = store.sqlite.sqlite;
const INDEXES = sqlite
  .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN
  ('text_references_source_span', 'text_references_target_span', 'paragraphs_file_start', 'pages_file_start')`)
  .all() as { name: string; sql: string }[];
const setIndexes = (on: boolean) => {
  for (const i of INDEXES)
    sqlite.exec(
      on
        ? `${i.sql.replace('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS')}`
        : `DROP INDEX IF EXISTS ${i.name}`,
    );
  sqlite.exec('ANALYZE');
};

/** Opens the document RUNS times with the indexes and RUNS times without, alternating. */
async function measureOpen(d: Doc) {
  const steps = opening(d);
  const per = { on: steps.map(() => [] as number[]), off: steps.map(() => [] as number[]) };
  const totals = { on: [] as number[], off: [] as number[] };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    for (const mode of ['on', 'off'] as const) {
      setIndexes(mode === 'on');
      let total = 0;
      for (const [j, step] of steps.entries()) {
        const s = performance.now();
        await step.run();
        const ms = performance.now() - s;
        total += ms;
        if (i >= WARMUP) per[mode][j]!.push(ms);
      }
      if (i >= WARMUP) totals[mode].push(total);
    }
  }
  setIndexes(true);
  return {
    names: steps.map((s) => s.name),
    on: { total: stats(totals.on), steps: per.on.map(stats) },
    off: { total: stats(totals.off), steps: per.off.map(stats) },
  };
}

async function measure(runs: number, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + runs; i++) {
    const s = performance.now();
    await fn();
    if (i >= WARMUP) times.push(performance.now() - s);
  }
  return stats(times);
}

async function scenario(d: Doc, label: string) {
  const pageTotals: number[] = [];
  for (let n = 1; n <= d.pageCount; n++)
    pageTotals.push(await totalOf(`/api/v1/references?fileId=${d.fileId}&page=${n}&limit=1`));
  const fileTotal = await totalOf(`/api/v1/references?fileId=${d.fileId}&limit=1`);
  const open = await measureOpen(d);
  const lastPage = await measure(RUNS, () =>
    allPages(`/api/v1/references?fileId=${d.fileId}&page=${d.pageCount}`),
  );
  const whole = await measure(Math.max(5, Math.floor(RUNS / 4)), () =>
    allPages(`/api/v1/references?fileId=${d.fileId}`),
  );
  log(
    `${d.key}: open median ${f1(open.on.total.median)} / p95 ${f1(open.on.total.p95)} ms (without indexes ${f1(open.off.total.median)} / ${f1(open.off.total.p95)}); all ${fileTotal} ${f1(whole.median)} / ${f1(whole.p95)} ms`,
  );
  const perPage =
    d.pageCount <= 10
      ? pageTotals.join(' / ')
      : `min ${Math.min(...pageTotals)}, median ${stats(pageTotals).median}, max ${Math.max(...pageTotals)}`;
  return `## ${label}: \`${d.key}\`, ${d.pageCount} pages, ${fileTotal} connections

Connections per page: ${perPage}. Opening at page 1, ms (${RUNS} runs after ${WARMUP} warm-up, with and without the indexes alternating):

| request | median | p95 | without the 2026112304 indexes: median | p95 |
|---|---|---|---|---|
${open.names.map((n, i) => `| ${n} | ${f1(open.on.steps[i]!.median)} | ${f1(open.on.steps[i]!.p95)} | ${f1(open.off.steps[i]!.median)} | ${f1(open.off.steps[i]!.p95)} |`).join('\n')}
| **total** | **${f1(open.on.total.median)}** | **${f1(open.on.total.p95)}** | ${f1(open.off.total.median)} | ${f1(open.off.total.p95)} |

Target: opening the document < 1,000 ms — ${open.on.total.p95 < 1000 ? 'met' : '**missed**'} (p95 ${f1(open.on.total.p95)} ms; page 1 has ${pageTotals[0] ?? 0} highlights, all fetched).

| comparison | median | p95 |
|---|---|---|
| highlights of the last page (${pageTotals.at(-1) ?? 0} connections, pages of 500) | ${f1(lastPage.median)} | ${f1(lastPage.p95)} |
| all ${fileTotal} connections of the file (\`?fileId=\`, ${Math.ceil(fileTotal / 500)} requests of 500) | ${f1(whole.median)} | ${f1(whole.p95)} |
`;
}

const sections = [
  await scenario(shortDoc, 'Demo PDF with the most pages'),
  await scenario(longDoc, 'Generated long report'),
];
const sqliteVersion = sqlite.prepare('SELECT sqlite_version()').pluck().get() as string;
const plan = (
  sqlite
    .prepare(`EXPLAIN QUERY PLAN SELECT id FROM text_references r
   WHERE (r.source_file_id = 'x' AND r.source_start < 10 AND r.source_start > -40000
          AND json_extract(r.source, '$.end') > 0)
      OR (r.target_file_id = 'x' AND r.target_start < 10 AND r.target_start > -40000
          AND json_extract(r.target, '$.end') > 0)`)
    .all() as {
    detail: string;
  }[]
)
  .map((r) => r.detail)
  .join('; ');
await app.close();
log('viewer cold loads with the generated connections…');
const viewerAfter = await measureViewerOpen(
  config,
  [
    { label: `${shortDoc.key}, ${N} more connections`, entityId: shortDoc.entityId },
    { label: `${longDoc.key}, ${N} connections`, entityId: longDoc.entityId },
  ],
  VIEWER_RUNS,
);
await store.close();
rmSync(dataDir, { recursive: true, force: true });
const viewerRows = [...(viewerBefore ?? []), ...(viewerAfter ?? [])].map((v) => {
  const text = stats(v.text);
  const mark = stats(v.highlight);
  const warm = stats(v.warm);
  return `| ${v.label} | ${f1(text.median)} | ${f1(text.p95)} | ${f1(mark.median)} | ${f1(mark.p95)} | ${f1(warm.median)} | ${f1(warm.p95)} |`;
});
const viewerSection = viewerRows.length
  ? `## In the browser: \`/documents/:id\` cold loads (${VIEWER_RUNS} each, Chromium headless, real server)

From navigation start (empty cache: HTML, app, pdf.js and its worker, the PDF, page text, highlights), ms:

| document | cold: page 1 text selectable, median | p95 | cold: first highlight drawn, median | p95 | reload (HTTP cache warm): first highlight, median | p95 |
|---|---|---|---|---|---|---|
${viewerRows.join('\n')}

Target: a document with ${N} connections opens in under 1 s — ${viewerAfter?.every((v) => stats(v.warm).median < 1000) ? 'met' : '**missed**'} with the app cached (median, first highlight drawn); a first visit also downloads the app and pdf.js.
Highlights: up to 500 connections per page are drawn (the page's first 500 in text order); the panel pages through all of them.
`
  : 'Browser timings skipped: no built web app (run `npx vite build`).\n';

const cpu = cpus();
const md = `# Connections benchmark

Generated ${new Date().toISOString()} by \`npx tsx bench/connections/run.ts\` (seeded: the same connections every run).

**Machine:** ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM (${(freemem() / 2 ** 30).toFixed(1)} GB free), ${platform()} ${release()}, Node ${process.version}, SQLite ${sqliteVersion}. Load average (1/5/15 min) at start ${loadBefore}, at end ${loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')}.

**Collection:** the demo (${demo.states} states, ${demo.organisations} organisations, ${demo.documents.length} sample PDFs ingested, ${demoConnections.created} pre-made connections), a generated report, and ${N} generated connections on each of two documents: quotes of 20–200 characters in random paragraphs, half outgoing and half incoming, the other end in a random demo PDF. Anonymous reader, \`app.inject\` (no sockets), requests one after another.

${sections.join('\n')}
${viewerSection}
Query plan of the page filter: ${plan}.
`;
mkdirSync(new URL('../.out/', import.meta.url), { recursive: true });
writeFileSync(new URL('../.out/connections.md', import.meta.url), md);
log('wrote bench/.out/connections.md');
