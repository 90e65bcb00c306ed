/**
 * Corpus robustness bench: every PDF of ../shared/corpus/pdfjs-test-pdfs (480 exotic, broken and fuzzed files
 * from pdf.js's test suite) through the real ingest runner — a temp database, the worker processes, the time
 * and memory limits — as `cyberportal add` does, with a good file queued last. Then `pdftotext` on the same
 * files for comparison.
 *
 *   npx tsx bench/corpus/run.ts [DIR] [--timeout 30]   → Markdown on stdout and in bench/.out/corpus.md
 *
 * Exit 1 when a file ends outside ready / needs-ocr / failed, fails without a human reason, or when the
 * good file queued behind them does not end ready.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { makePdf } from '../../test/fixtures/pdf/make-pdf.ts';
import { ingestFiles, isRawReason, pdfCorpusDir } from '../../test/ingest-files.ts';
import { createTempStore } from '../../test/temp-store.ts';
import { childRss } from '../child-rss.ts';

const args = process.argv.slice(2);
const timeoutAt = args.indexOf('--timeout');
const timeoutSeconds = timeoutAt >= 0 ? Number(args[timeoutAt + 1]) : 30;
const dir = resolve(
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--timeout') ??
    pdfCorpusDir() ??
    '../shared/corpus/pdfjs-test-pdfs',
);
const PDFTOTEXT = '/usr/bin/pdftotext';

const mb = (b: number) => Math.round(b / 1024 / 1024);

async function main() {
  if (!existsSync(dir)) throw new Error(`No corpus at ${dir}`);
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.pdf'))
    .sort()
    .map((f) => join(dir, f));
  const t = await createTempStore({ ingestTimeoutSeconds: timeoutSeconds });
  const good = join(t.dataDir, 'good-after-corpus.pdf');
  writeFileSync(
    good,
    (await makePdf({ blocks: [{ text: 'States should cooperate on the security of ICTs, as agreed.' }] }))
      .bytes,
  );
  const load0 = loadavg();
  let peakWorker = 0;
  let peakMain = 0;
  const sampler = setInterval(() => {
    for (const r of childRss()) peakWorker = Math.max(peakWorker, r);
    peakMain = Math.max(peakMain, process.memoryUsage.rss());
  }, 100);
  let done = 0;
  const t0 = performance.now();
  const outcomes = await ingestFiles(t, [...files, good], (e) => {
    if (e.type === 'finished' && ++done % 40 === 0) process.stderr.write(`${done} files done\n`);
  });
  const wallMs = performance.now() - t0;
  clearInterval(sampler);
  const load1 = loadavg();
  await t.cleanup();

  const corpus = outcomes.slice(0, -1);
  const goodOutcome = outcomes[outcomes.length - 1]!;
  const counts = new Map<string, number>();
  for (const o of corpus) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
  const reasons = new Map<string, string[]>();
  for (const o of corpus)
    if (o.status !== 'ready' || o.reason) {
      const key = `${o.status}: ${o.reason ?? '(no reason)'}`;
      reasons.set(key, [...(reasons.get(key) ?? []), basename(o.path)]);
    }
  // "refused": turned away at upload (an empty file), with its reason, as `cyberportal add` reports it.
  const bad = corpus.filter(
    (o) =>
      !['ready', 'needs-ocr', 'failed', 'refused'].includes(o.status) ||
      o.events.filter((e) => e === 'started').length > 1 ||
      (o.status !== 'ready' && (!o.reason?.trim() || isRawReason(o.reason))),
  );
  const slowest = [...corpus].sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0)).slice(0, 10);
  const extractMs = corpus.reduce((s, o) => s + (o.ms ?? 0), 0);
  const pages = corpus.reduce((s, o) => s + o.pages, 0);

  // pdftotext on the same files, one at a time, the same time limit.
  let popplerMs = 0;
  let popplerOk = 0;
  let popplerPagesOfOurs = 0;
  for (const o of corpus) {
    const s = performance.now();
    const r = spawnSync(PDFTOTEXT, [o.path, '/dev/null'], {
      timeout: timeoutSeconds * 1000,
      stdio: 'ignore',
    });
    popplerMs += performance.now() - s;
    if (r.status === 0) {
      popplerOk++;
      popplerPagesOfOurs += o.pages;
    }
  }
  const oursPps = pages / (extractMs / 1000);
  const popplerPps = pages / (popplerMs / 1000);

  const lines: string[] = [];
  const p = (s = '') => lines.push(s);
  p(`## Corpus run: ${corpus.length} PDFs from ${basename(dir)} (${new Date().toISOString().slice(0, 16)}Z)`);
  p();
  p(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${mb(totalmem())} MB; load average before ${load0.map((l) => l.toFixed(2)).join(' ')}, after ${load1.map((l) => l.toFixed(2)).join(' ')}.`,
  );
  p(
    `Runner: concurrency ${t.config.ingestConcurrency}, time limit ${timeoutSeconds} s per file, memory limit ${t.config.ingestMemoryMb} MB per worker.`,
  );
  p();
  p('| status | files |');
  p('|---|---:|');
  for (const [s, n] of [...counts].sort((a, b) => b[1] - a[1])) p(`| ${s} | ${n} |`);
  p();
  p(
    `Good file queued after all ${corpus.length}: **${goodOutcome.status}** (${goodOutcome.ms?.toFixed(0)} ms of its own).`,
  );
  p(
    `Files ending outside the three statuses (or refused at upload), processed twice, or failed with a raw/empty reason: **${bad.length}**${bad.length ? ` (${bad.map((o) => basename(o.path)).join(', ')})` : ''}.`,
  );
  p();
  p(
    `Wall time ${(wallMs / 1000).toFixed(1)} s (uploads included); extraction time summed over files ${(extractMs / 1000).toFixed(1)} s.`,
  );
  p(
    `Peak RSS: extraction worker ${mb(peakWorker)} MB, main process ${mb(peakMain)} MB (sampled every 100 ms).`,
  );
  p(
    `Pages: ${pages} (of ready/needs-ocr files) → **${oursPps.toFixed(1)} pages/s** through the runner (start to finish of each file: read, extract, write, index).`,
  );
  p(
    `pdftotext (poppler, no -layout) on the same ${corpus.length} files: ${(popplerMs / 1000).toFixed(1)} s, ${popplerOk} exit 0 → ${popplerPps.toFixed(1)} pages/s on the same page count; **ratio ours / pdftotext = ${(oursPps / popplerPps).toFixed(2)}** (pages of files pdftotext read: ${popplerPagesOfOurs}).`,
  );
  p();
  p('### Slowest files');
  p();
  p('| file | ms | status | pages |');
  p('|---|---:|---|---:|');
  for (const o of slowest) p(`| ${basename(o.path)} | ${o.ms?.toFixed(0)} | ${o.status} | ${o.pages} |`);
  p();
  p('### Reasons (grouped)');
  p();
  for (const [r, names] of [...reasons].sort((a, b) => b[1].length - a[1].length))
    p(
      `- **${names.length}** × ${r}${names.length <= 6 ? ` — ${names.join(', ')}` : ` — e.g. ${names.slice(0, 4).join(', ')}`}`,
    );
  const md = lines.join('\n');
  console.log(md);
  mkdirSync('bench/.out', { recursive: true });
  writeFileSync('bench/.out/corpus.md', `${md}\n`);
  writeFileSync('bench/.out/corpus.json', JSON.stringify(outcomes, null, 1));
  if (bad.length || goodOutcome.status !== 'ready') process.exitCode = 1;
}

await main();
