/**
 * Segmentation quality: the share of paragraphs extracted exactly (same text, same boundaries) and the
 * running-header / page-number lines leaking into paragraphs, on PDFs whose paragraphs we know because we
 * wrote them:
 *  - the seed texts (/work/shared/seeds/*.txt) through our test generator in several layouts,
 *  - the same seeds through the demo renderer (src/demo/render/render-pdf.ts, renderTextPdf) in its layouts,
 *  - the demo's sample documents (renderDocumentPdf).
 *
 *   npx tsx bench/segmentation/run.ts [--verbose]   → table on stdout and in bench/.out/segmentation.md
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument } from '../../src/ingest/extract-document.ts';
import { makePdf, type PdfSpec } from '../../test/fixtures/pdf/make-pdf.ts';
import { type Score, score, type Truth } from './score.ts';

const SEEDS = process.env.SEEDS_DIR ?? '/work/shared/seeds';
const verbose = process.argv.includes('--verbose');

interface Case {
  corpus: string;
  layout: string;
  name: string;
  pdf: Uint8Array;
  truth: Truth[];
  running: string[];
}

/** Seeds are run-on excerpts: split them into paragraphs of three sentences, with a heading every third. */
function seedBlocks(text: string, name: string): PdfSpec['blocks'] {
  const sentences = text.replace(/\s+/g, ' ').match(/[^.!?]+(?:[.!?]+["'”’)]*\s*|$)/g) ?? [];
  const blocks: PdfSpec['blocks'] = [{ text: name, kind: 'title' }];
  for (let i = 0, n = 0; i < sentences.length; i += 3, n++) {
    if (n % 3 === 2) blocks.push({ text: `${n}. Section ${n}`, kind: 'heading' });
    const para = sentences
      .slice(i, i + 3)
      .join('')
      .trim();
    if (para) blocks.push({ text: para });
  }
  return blocks;
}

const GENERATOR_LAYOUTS: Array<[string, Omit<PdfSpec, 'blocks'>]> = [
  ['A4 spaced, runs per line', { footer: 'n / N', header: 'Seed report' }],
  [
    'A5 indented, runs per word',
    {
      pageSize: [420, 595],
      paragraphStyle: 'indented',
      runs: 'word',
      footer: 'Page n of N',
      header: 'Seed report',
    },
  ],
  ['A4 two columns, runs per letter', { columns: 2, runs: 'letter', footer: 'n', header: 'Seed report' }],
  [
    'A5 hyphenated, "- n -"',
    { pageSize: [420, 595], hyphenate: true, footer: '- n -', header: 'Seed report' },
  ],
];

async function cases(): Promise<Case[]> {
  const out: Case[] = [];
  const seeds = existsSync(SEEDS)
    ? readdirSync(SEEDS)
        .filter((f) => f.endsWith('.txt'))
        .sort()
    : [];
  const texts = seeds.map((f) => [f, readFileSync(join(SEEDS, f), 'utf8')] as const);
  for (const [file, text] of texts) {
    for (const [layout, spec] of GENERATOR_LAYOUTS) {
      const made = await makePdf({ ...spec, blocks: seedBlocks(text, `Seed ${file.slice(0, 3)}`) });
      out.push({
        corpus: 'seeds, test generator',
        layout,
        name: file,
        pdf: made.bytes,
        truth: made.truth,
        running: ['Seed report'],
      });
    }
  }
  const renderPath = '../../src/demo/render/render-pdf.ts';
  if (!existsSync(new URL(renderPath, import.meta.url))) return out;
  const render = await import(renderPath);
  for (const [file, text] of texts) {
    for (const layout of ['single', 'two-column', 'letter-landscape', 'numbered']) {
      const title = `Seed ${file.slice(0, 3)}`;
      const r = await render.renderTextPdf(text, { layout, title });
      out.push({
        corpus: 'seeds, demo renderer',
        layout,
        name: file,
        pdf: r.pdf,
        truth: r.truth.paragraphs,
        running: [title, 'Cyber Policy Portal'],
      });
    }
  }
  const docsPath = '../../src/demo/documents/index.ts';
  if (existsSync(new URL(docsPath, import.meta.url))) {
    const { sampleDocuments } = await import(docsPath);
    for (const doc of sampleDocuments) {
      const r = await render.renderDocumentPdf(doc);
      const running = [doc.shortTitle ?? doc.title, doc.issuerName];
      out.push({
        corpus: 'demo documents',
        layout: doc.layout,
        name: doc.id ?? doc.title,
        pdf: r.pdf,
        truth: r.truth.paragraphs,
        running,
      });
    }
  }
  return out;
}

async function main(): Promise<void> {
  const all = await cases();
  const groups = new Map<string, Score & { files: number }>();
  const failures: string[] = [];
  for (const c of all) {
    const ex = await extractDocument({ bytes: c.pdf });
    const s = score(ex, c.truth, c.running);
    const key = `${c.corpus} | ${c.layout}`;
    const g = groups.get(key) ?? {
      files: 0,
      truth: 0,
      extracted: 0,
      exact: 0,
      headingsAgree: 0,
      leakedPageNumbers: 0,
      leakedHeaders: 0,
      misses: [],
    };
    g.files += 1;
    g.truth += s.truth;
    g.extracted += s.extracted;
    g.exact += s.exact;
    g.headingsAgree += s.headingsAgree;
    g.leakedPageNumbers += s.leakedPageNumbers;
    g.leakedHeaders += s.leakedHeaders;
    groups.set(key, g);
    if (verbose && s.misses.length > 0)
      failures.push(`### ${key} — ${c.name}`, ...s.misses.map((m) => `- ${m.slice(0, 160)}`));
  }
  const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)} %`);
  const rows = [...groups].map(
    ([k, g]) =>
      `| ${k} | ${g.files} | ${g.truth} | ${g.extracted} | **${pct(g.exact, g.truth)}** | ${pct(g.headingsAgree, g.exact)} | ${g.leakedPageNumbers} | ${g.leakedHeaders} |`,
  );
  const total = [...groups.values()].reduce(
    (t, g) => ({
      truth: t.truth + g.truth,
      exact: t.exact + g.exact,
      pn: t.pn + g.leakedPageNumbers,
      h: t.h + g.leakedHeaders,
    }),
    { truth: 0, exact: 0, pn: 0, h: 0 },
  );
  const md = [
    `## Segmentation benchmark (${new Date().toISOString().slice(0, 10)})`,
    '',
    'Command: `npx tsx bench/segmentation/run.ts [--verbose]`. Exact = same text and same boundaries as written.',
    '',
    '| corpus | layout | files | paragraphs written | extracted | exact | heading flag agrees (of exact) | leaked page numbers | leaked header lines |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => r.replace(' | ', ' | ').replace(/^\| ([^|]+) \| ([^|]+) \|/, '| $1 | $2 |')),
    `| **all** | | ${all.length} | ${total.truth} | | **${pct(total.exact, total.truth)}** | | ${total.pn} | ${total.h} |`,
    '',
    ...failures,
  ].join('\n');
  mkdirSync('bench/.out', { recursive: true });
  writeFileSync('bench/.out/segmentation.md', md);
  process.stdout.write(`${md}\n`);
}

await main();
