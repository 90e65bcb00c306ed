/**
 * Extraction of real PDFs (test/real-pdfs.ts: the Uwazi fixture's documents and the pdf.js test files with
 * text) through the ingest worker as the server runs it — a child process (extract-client.ts) that extracts
 * (pdf.js text, fonts, structure tree, picture areas, languages) and writes the text and search index into a
 * real store — against `pdftotext` (poppler, default mode, process start included) on the same files in the
 * same run, alternating file by file. With `--before DIR` (a checkout of an older commit, node_modules
 * linked) that commit's worker runs too, in turn with the others, and the paragraphs each one stored are
 * compared.
 *
 *   npx tsx bench/ingest/real-pdfs.ts [--before DIR] [--rounds 2] [--only a.pdf,b.pdf]
 *   → Markdown on stdout and in bench/.out/ingest-real-pdfs.md
 *
 * Each worker first extracts one file untimed (it loads pdf.js then). Per file the median over the rounds
 * is kept; totals add those medians. Peak RSS is each worker process's high-water mark (VmHWM).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEntity } from '../../src/operations/create-entity.ts';
import { OPERATOR } from '../../src/operations/permissions.ts';
import { saveTemplate } from '../../src/operations/save-template.ts';
import { uploadFile } from '../../src/operations/upload-file.ts';
import { realPdfs } from '../../test/real-pdfs.ts';
import { createTempStore } from '../../test/temp-store.ts';

const PDFTOTEXT = '/usr/bin/pdftotext';
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const rounds = Number(arg('--rounds') ?? 2);
const before = arg('--before');
const only = arg('--only')?.split(',');

type Client = {
  process(args: Record<string, unknown>): Promise<{ status: string; pages: number; paragraphs: number }>;
  close(): Promise<void>;
};
type Variant = {
  name: string;
  root: string;
  client: Client;
  peakKb: number;
  ms: Map<string, number[]>;
  cpuMs: Map<string, number[]>;
  /** CPU ticks of each worker process when last read. */
  ticks: Map<number, number>;
  pids: Set<number>;
  /** Every worker process seen (a worker is replaced after a file that left it large). */
  started: Set<number>;
};

async function variant(name: string, root: string): Promise<Variant> {
  const mod = (await import(pathToFileURL(resolve(root, 'src/ingest/jobs/extract-client.ts')).href)) as {
    ExtractClient: new (limits: { timeoutMs: number; memoryMb: number }) => Client;
  };
  // The server's limits (config defaults): a file over them would be killed, not measured.
  const client = new mod.ExtractClient({ timeoutMs: 600_000, memoryMb: 1024 });
  return {
    name,
    root: resolve(root),
    client,
    peakKb: 0,
    ms: new Map(),
    cpuMs: new Map(),
    ticks: new Map(),
    pids: new Set(),
    started: new Set(),
  };
}

/** Peak RSS (VmHWM) of this process's children whose command line runs a worker from `root`. */
function samplePeaks(variants: Variant[]): void {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      if (Number(/PPid:\s+(\d+)/.exec(status)?.[1]) !== process.pid) continue;
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
      for (const v of variants)
        if (cmd.includes(`${v.root}/src/ingest/jobs/extract-worker.mjs`)) {
          v.peakKb = Math.max(v.peakKb, hwm);
          v.pids.add(Number(pid));
          v.started.add(Number(pid));
        }
    } catch {
      // the process ended between readdir and read
    }
  }
}

/** Wall and CPU (user + system) milliseconds of one pdftotext run, process start included. */
function pdftotext(path: string): { ms: number; cpuMs: number } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', PDFTOTEXT, path, '/dev/null'], { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`pdftotext failed on ${path}: ${r.stderr}`);
  const [u, s] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { ms, cpuMs: (u! + s!) * 1000 };
}

const TICK_MS = 10; // USER_HZ is 100 on Linux
/** CPU time the variant's worker processes used since last asked (ms). */
function workerCpu(v: Variant): number {
  let ms = 0;
  for (const pid of v.pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      ms += (ticks - (v.ticks.get(pid) ?? 0)) * TICK_MS;
      v.ticks.set(pid, ticks);
    } catch {
      v.pids.delete(pid); // ended (recycled after a file that left it large)
    }
  }
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const files = realPdfs().filter((f) => !only || only.includes(f.name));
  if (files.length === 0) throw new Error('no corpus: ../shared/corpus not found (set CYBERPORTAL_CORPUS)');
  const t = await createTempStore();
  const { store } = t;
  await saveTemplate({
    store,
    actor: OPERATOR,
    input: { name: 'Document', label: 'Document', properties: [] },
  });
  const variants = [await variant('after (this checkout)', '.')];
  if (before) variants.unshift(await variant(`before (${before})`, before));
  const ids = new Map<string, string>();
  for (const f of files) {
    const entity = await createEntity({
      store,
      actor: OPERATOR,
      input: { template: 'Document', title: f.name },
    });
    const bytes = readFileSync(f.path);
    const file = await uploadFile({
      store,
      actor: OPERATOR,
      entityId: entity.id,
      filename: f.name,
      content: bytes,
    });
    ids.set(f.name, file.id);
  }
  const request = (v: Variant, name: string, path: string) => ({
    bytes: new Uint8Array(readFileSync(path)),
    filename: name,
    maxBytes: 200 * 1024 * 1024,
    maxParagraphs: 250_000,
    locator: store.locator,
    fileId: ids.get(name)!,
    hookModule: pathToFileURL(resolve(v.root, 'src/operations/on-file-written.ts')).href,
  });
  const sampler = setInterval(() => samplePeaks(variants), 100);
  const loadStart = load();
  const started = new Date().toISOString();
  // Warm-up: each worker loads pdf.js on its first file.
  for (const v of variants) {
    await v.client.process(request(v, files[0]!.name, files[0]!.path));
    samplePeaks(variants);
    workerCpu(v);
  }
  const pages = new Map<string, number>();
  const pdftotextMs = new Map<string, number[]>();
  const pdftotextCpu = new Map<string, number[]>();
  /** Per file and variant: a hash of the paragraphs as stored, to see that the variants agree. */
  const stored = new Map<string, Set<string>>();
  for (let round = 0; round < rounds; round++) {
    for (const [i, f] of files.entries()) {
      const steps: Array<() => Promise<void>> = [
        async () => {
          const r = pdftotext(f.path);
          pdftotextMs.set(f.name, [...(pdftotextMs.get(f.name) ?? []), r.ms]);
          pdftotextCpu.set(f.name, [...(pdftotextCpu.get(f.name) ?? []), r.cpuMs]);
        },
        ...variants.map((v) => async () => {
          const t0 = performance.now();
          const summary = await v.client.process(request(v, f.name, f.path));
          const ms = performance.now() - t0;
          samplePeaks(variants);
          v.ms.set(f.name, [...(v.ms.get(f.name) ?? []), ms]);
          v.cpuMs.set(f.name, [...(v.cpuMs.get(f.name) ?? []), workerCpu(v)]);
          pages.set(f.name, summary.pages);
          const rows = await store.fileText.paragraphs(ids.get(f.name)!);
          const h = createHash('sha256')
            .update(
              JSON.stringify(rows.map((r) => [r.text, r.page, r.page_end, r.is_heading, r.start, r.end])),
            )
            .digest('hex');
          stored.set(f.name, (stored.get(f.name) ?? new Set()).add(`${summary.status}:${h}`));
        }),
      ];
      // Alternate who goes first, so neither side always meets the other's leftovers (caches, GC, load).
      const shift = (i + round) % steps.length;
      for (const step of [...steps.slice(shift), ...steps.slice(0, shift)]) await step();
      process.stderr.write(`round ${round + 1}/${rounds} ${i + 1}/${files.length} ${f.name}\n`);
    }
  }
  clearInterval(sampler);
  samplePeaks(variants);
  const loadEnd = load();
  for (const v of variants) await v.client.close();
  await t.cleanup();

  const sum = (m: Map<string, number[]>, names: string[]) => names.reduce((a, n) => a + median(m.get(n)!), 0);
  const groups: Array<[string, string[]]> = [
    ['Uwazi fixture documents', files.filter((f) => f.source === 'uwazi').map((f) => f.name)],
    ['pdf.js test files with text', files.filter((f) => f.source === 'pdfjs').map((f) => f.name)],
    ['all', files.map((f) => f.name)],
  ];
  const rows: string[] = [];
  for (const [label, names] of groups) {
    if (names.length === 0) continue;
    const p = names.reduce((a, n) => a + (pages.get(n) ?? 0), 0);
    const pt = sum(pdftotextMs, names);
    const pc = sum(pdftotextCpu, names);
    const cells = variants.map((v) => {
      const ms = sum(v.ms, names);
      const cpu = sum(v.cpuMs, names);
      return `${(ms / 1000).toFixed(2)} s → ${((p / ms) * 1000).toFixed(1)} p/s, **${(ms / pt).toFixed(2)}×** | ${(cpu / 1000).toFixed(2)} s, **${(cpu / pc).toFixed(1)}×**`;
    });
    rows.push(
      `| ${label} | ${names.length} | ${p} | ${(pt / 1000).toFixed(2)} s → ${((p / pt) * 1000).toFixed(1)} p/s | ${(pc / 1000).toFixed(2)} s | ${cells.join(' | ')} |`,
    );
  }
  const last = variants.at(-1)!;
  const worst = files
    .map((f) => ({ f, r: median(last.ms.get(f.name)!) / median(pdftotextMs.get(f.name)!) }))
    .sort((a, b) => b.r - a.r)
    .slice(0, 8)
    .map(
      ({ f, r }) =>
        `${f.name} (${pages.get(f.name)} p.) ${r.toFixed(1)}× (${median(last.ms.get(f.name)!).toFixed(0)} / ${median(pdftotextMs.get(f.name)!).toFixed(0)} ms)`,
    );
  const differ = [...stored].filter(([, s]) => s.size > 1).map(([n]) => n);
  const md = [
    `### Real PDFs through the ingest worker against pdftotext (${started.slice(0, 16).replace('T', ' ')} UTC)`,
    '',
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}; load average ${loadStart} at start, ${loadEnd} at end (1/5/15 min; shared machine). ${rounds} rounds, median per file; command \`npx tsx bench/ingest/real-pdfs.ts${before ? ` --before ${before}` : ''} --rounds ${rounds}\`.`,
    '',
    `| files | n | pages | pdftotext wall → pages/s | pdftotext CPU | ${variants.map((v) => `${v.name}: wall → pages/s, ratio | CPU, ratio`).join(' | ')} |`,
    `|---|---:|---:|---|---|${variants.map(() => '---|---|').join('')}`,
    ...rows,
    '',
    `Peak RSS per worker (VmHWM): ${variants.map((v) => `${v.name} ${(v.peakKb / 1024).toFixed(0)} MB`).join('; ')}. Worker processes started (warm-up included): ${variants.map((v) => `${v.name} ${v.started.size}`).join('; ')}.`,
    `Worst per-file ratios (${last.name}): ${worst.join('; ')}.`,
    variants.length > 1
      ? `Stored paragraphs identical across variants: ${differ.length === 0 ? `yes, all ${files.length} files` : `NO: ${differ.join(', ')}`}.`
      : '',
    '',
  ].join('\n');
  mkdirSync('bench/.out', { recursive: true });
  writeFileSync('bench/.out/ingest-real-pdfs.md', md);
  process.stdout.write(md);
}

await main();
