/**
 * Ingest benchmark: pages/s and peak RSS of extractDocument on generated 50- and 500-page text PDFs, against
 * `pdftotext -layout` (Debian poppler-utils) on the same files in the same run.
 *
 *   npx tsx bench/ingest/run.ts            → Markdown table on stdout and in bench/.out/ingest.md
 *
 * Each extraction runs in a fresh child process, so peak RSS is that of one file; the first (cold) run
 * includes loading pdf.js, the best of the warm runs does not.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { filler, makePdf } from '../../test/fixtures/pdf/make-pdf.ts';

const PDFTOTEXT = '/usr/bin/pdftotext';
const TIME = '/usr/bin/time';
/** Warm runs per file: more for the small file, whose runs are short enough to be swamped by noise. */
const warmRuns = (pages: number) => (pages <= 50 ? 10 : 3);
const PDFTOTEXT_RUNS = 3;

interface ChildResult {
  pages: number;
  paragraphs: number;
  status: string;
  coldMs: number;
  warmMs: number[];
  maxRssMb: number;
}

async function child(file: string): Promise<void> {
  const { extractDocument } = await import('../../src/ingest/extract-document.ts');
  const bytes = new Uint8Array(readFileSync(file));
  let t0 = performance.now();
  const first = await extractDocument({ bytes });
  const coldMs = performance.now() - t0;
  const warmMs: number[] = [];
  for (let i = 0; i < warmRuns(first.pages.length); i++) {
    t0 = performance.now();
    await extractDocument({ bytes });
    warmMs.push(performance.now() - t0);
  }
  const result: ChildResult = {
    pages: first.pages.length,
    paragraphs: first.paragraphs.length,
    status: first.status,
    coldMs,
    warmMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(result));
}

/** Like the research set-up: A4, a running header, a bold heading and six paragraphs per page, "n / N". */
async function makeBenchPdf(pages: number, dir: string): Promise<string> {
  const file = join(dir, `bench-${pages}.pdf`);
  if (existsSync(file)) return file;
  const blocks = [];
  for (let p = 0; p < pages; p++) {
    blocks.push({ text: `${p + 1}. Section heading ${p + 1}`, kind: 'heading' as const });
    for (let i = 0; i < 6; i++) blocks.push({ text: filler(p * 10 + i, 3) });
  }
  const made = await makePdf({
    blocks,
    blocksPerPage: 7,
    header: 'National Cyber Strategy',
    footer: 'n / N',
  });
  if (made.pageCount !== pages) throw new Error(`generator made ${made.pageCount} pages, wanted ${pages}`);
  writeFileSync(file, made.bytes);
  return file;
}

function pdftotext(file: string): { ms: number; maxRssMb: number } | null {
  if (!existsSync(PDFTOTEXT)) return null;
  const runs: Array<{ ms: number; maxRssMb: number }> = [];
  for (let i = 0; i < PDFTOTEXT_RUNS; i++) {
    const t0 = performance.now();
    const r = existsSync(TIME)
      ? spawnSync(TIME, ['-f', '%M', PDFTOTEXT, '-layout', file, '/dev/null'], { encoding: 'utf8' })
      : spawnSync(PDFTOTEXT, ['-layout', file, '/dev/null'], { encoding: 'utf8' });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
    const kb = Number(r.stderr.trim().split('\n').at(-1));
    runs.push({ ms, maxRssMb: Number.isFinite(kb) ? kb / 1024 : Number.NaN });
  }
  return runs.sort((a, b) => a.ms - b.ms)[0]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-bench-'));
  const rows: string[] = [];
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  for (const pages of [50, 500]) {
    const file = await makeBenchPdf(pages, dir);
    const size = readFileSync(file).length;
    const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', file], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
    const c = JSON.parse(r.stdout) as ChildResult;
    const warm = Math.min(...c.warmMs);
    const pps = (ms: number) => ((c.pages / ms) * 1000).toFixed(0);
    rows.push(
      `| extractDocument (pdf.js ${pdfjsVersion()}), ${pages} pages, ${(size / 1024).toFixed(0)} KB | ${c.coldMs.toFixed(0)} ms → ${pps(c.coldMs)} | ${warm.toFixed(0)} ms → **${pps(warm)}** | ${c.maxRssMb.toFixed(0)} MB | ${c.paragraphs} paragraphs, ${c.status} |`,
    );
    const p = pdftotext(file);
    rows.push(
      p
        ? `| \`pdftotext -layout\` (process spawn included), ${pages} pages | | ${p.ms.toFixed(0)} ms → **${pps(p.ms)}** | ${p.maxRssMb.toFixed(0)} MB | ratio ${(warm / p.ms).toFixed(1)}× slower |`
        : `| \`pdftotext\` missing at ${PDFTOTEXT} (apt-get install poppler-utils) | | | | |`,
    );
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const md = [
    `## Ingest benchmark (${new Date().toISOString().slice(0, 10)})`,
    '',
    `Machine: ${cpus().length} cores (nproc), ${cpu}, Node ${process.version}; load average at start ${load} (other work was running).`,
    'One process, one core: pdf.js runs its worker in the same thread. Command: `npx tsx bench/ingest/run.ts`.',
    '',
    '| what | cold run (pages/s) | best warm run (pages/s; 10 runs at 50 pages, 3 at 500) | peak RSS | notes |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  mkdirSync('bench/.out', { recursive: true });
  writeFileSync('bench/.out/ingest.md', md);
  process.stdout.write(md);
}

function pdfjsVersion(): string {
  try {
    return (JSON.parse(readFileSync('node_modules/pdfjs-dist/package.json', 'utf8')) as { version: string })
      .version;
  } catch {
    return '?';
  }
}

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) await child(process.argv[childIndex + 1]!);
else await main();
