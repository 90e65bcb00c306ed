/**
 * Process memory (RSS) around hostile and heavy files through the ingest runner as the server uses it: a
 * PDF whose content stream inflates to hundreds of MB (stopped by the time/memory limits, worker killed),
 * then a 500-page PDF (processed; the worker is replaced afterwards when the process grew > 256 MB).
 *
 *   npx tsx bench/ingest/worker-memory.ts   → Markdown on stdout and in bench/.out/ingest-memory.md
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { drainIngestQueue } from '../../src/cli/context.ts';
import { createEntity } from '../../src/operations/create-entity.ts';
import { OPERATOR } from '../../src/operations/permissions.ts';
import { saveTemplate } from '../../src/operations/save-template.ts';
import { uploadFile } from '../../src/operations/upload-file.ts';
import { filler, makePdf } from '../../test/fixtures/pdf/make-pdf.ts';
import { inflatingPdf } from '../../test/fixtures/pdf/raw-pdf.ts';
import { createTempStore } from '../../test/temp-store.ts';
import { childRss } from '../child-rss.ts';

const mb = () => Math.round(process.memoryUsage.rss() / (1024 * 1024));

/** RSS (MB) of this process's children: the extraction worker is one. */
const childrenMb = () => Math.round(childRss().reduce((a, b) => a + b, 0) / (1024 * 1024));

const t = await createTempStore({ ingestTimeoutSeconds: 60 });
const { store } = t;
await saveTemplate({
  store,
  actor: OPERATOR,
  input: { name: 'Document', label: 'Document', properties: [] },
});
const entity = await createEntity({ store, actor: OPERATOR, input: { template: 'Document', title: 'M' } });
const blocks = [];
for (let p = 0; p < 500; p++) {
  blocks.push({ text: `${p + 1}. Section heading ${p + 1}`, kind: 'heading' as const });
  for (let i = 0; i < 6; i++) blocks.push({ text: filler(p * 10 + i, 3) });
}
const files: [string, Uint8Array][] = [
  ['PDF whose content stream inflates to 1 GB of operators', inflatingPdf(1024)],
  ['500-page PDF', (await makePdf({ blocks, blocksPerPage: 7 })).bytes],
];
global.gc?.();
const rows: string[] = [];
const start = mb();
for (const [name, bytes] of files) {
  const file = await uploadFile({
    store,
    actor: OPERATOR,
    entityId: entity.id,
    filename: 'x.pdf',
    content: Buffer.from(bytes),
  });
  const before = mb();
  let peak = before;
  let workerPeak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, mb());
    workerPeak = Math.max(workerPeak, childrenMb());
  }, 100);
  const t0 = performance.now();
  await drainIngestQueue(store, t.config);
  const ms = Math.round(performance.now() - t0);
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 2000));
  const row = store.sqlite.sqlite.prepare('SELECT status, reason FROM files WHERE id = ?').get(file.id) as {
    status: string;
    reason: string | null;
  };
  rows.push(
    `| ${name} | ${bytes.length.toLocaleString('en')} | ${row.status}${row.reason ? `: ${row.reason.slice(0, 60)}…` : ''} | ${ms} | ${before} | ${peak} | ${mb()} | ${workerPeak} | ${childrenMb()} | ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} |`,
  );
  console.error(rows.at(-1));
}
await t.cleanup();
const md = [
  `### RSS of the server and of its extraction worker around hostile and heavy files (MB; server at start ${start} MB; limits 60 s, 1024 MB)`,
  '',
  '| file | bytes | outcome | ms | server RSS before | server peak | server 2 s after | worker peak | worker 2 s after | load average |',
  '|---|---:|---|---:|---:|---:|---:|---:|---:|---|',
  ...rows,
  '',
].join('\n');
mkdirSync('bench/.out', { recursive: true });
writeFileSync('bench/.out/ingest-memory.md', md);
console.log(md);
