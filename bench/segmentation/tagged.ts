/**
 * Segmentation on tagged PDFs, two ways in one run: the geometric pipeline with the tags ignored, and the
 * ingester as it runs (paragraphs from the structure tree when it is sane). Ground truth:
 *  - Chromium-printed fixtures (bench/segmentation/fixtures/*.html): the DOM they were printed from;
 *  - real tagged PDFs from ../shared/corpus/pdfjs-test-pdfs (or $CYBERPORTAL_PDF_CORPUS): their own P/H/LI/TD structure
 *    (truth-from-tags.ts), compared with white space ignored; files whose tree holds under 90 % of their
 *    text are listed apart (the ingester rightly falls back to geometry on them).
 *
 *   npx tsx bench/segmentation/tagged.ts [--verbose]   → table on stdout and in bench/.out/segmentation-tagged.md
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { extractPdf } from '../../src/ingest/pdf/extract-pdf.ts';
import { pdfCorpusDir } from '../../test/ingest-files.ts';
import { addCounts, type Counts, emptyCounts, f1, scoreParagraphs, type TruthParagraph } from './f1.ts';
import { printFixtures } from './print-html.ts';
import { truthFromTags } from './truth-from-tags.ts';

const CORPUS = pdfCorpusDir();
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const verbose = process.argv.includes('--verbose');

interface Case {
  group: string;
  name: string;
  pdf: Uint8Array;
  truth: TruthParagraph[];
  running: string[];
  spaces: 'collapse' | 'ignore';
}

/** Which DOM paragraphs cross a page break: not found whole in any one page's text (white space ignored). */
async function markCrossing(pdf: Uint8Array, truth: TruthParagraph[]): Promise<void> {
  const tags = await truthFromTags(pdf);
  if (!tags) return;
  for (const t of truth) {
    const k = t.text.replace(/\s+/g, '');
    t.crossesPage = tags.pageTexts.length > 1 && !tags.pageTexts.some((p) => p.includes(k));
  }
}

/**
 * Corpus files whose tree is shown wrong as paragraph truth, by its own text (each reason says how; no file is
 * left out for disagreeing with the pipeline). Checked with `bench/segmentation/diff.ts FILE --tags`.
 */
const WRONG_TREES: Record<string, string> = {
  // Its first P runs the page title, the section heading "A. SLEEP ENVIRONMENT" and the questions into one
  // ("Personal Sleep StudyA. SLEEP ENVIRONMENTGo through…"), and the next P starts mid-sentence ("…a fan or
  // ventilation" | "duct that may impact your sleep temperature?"); "B." is a P apart from its heading "SLEEP
  // RITUALS", which opens the P of the questions under it.
  'issue9972-2.pdf':
    'tree runs a title and a section heading into the text under them and cuts a sentence at a line end',
};

async function cases(): Promise<{ cases: Case[]; excluded: string[] }> {
  const out: Case[] = [];
  for (const p of await printFixtures(only)) {
    const truth = p.truth.paragraphs.map((t) => ({ ...t }));
    await markCrossing(p.pdf, truth);
    out.push({
      group: 'Chromium-printed HTML',
      name: p.name,
      pdf: p.pdf,
      truth,
      running: p.truth.running,
      spaces: 'collapse',
    });
  }
  const excluded: string[] = [];
  if (only) return { cases: out, excluded };
  if (!CORPUS) {
    process.stderr.write('(no ../shared/corpus/pdfjs-test-pdfs: real tagged PDFs skipped)\n');
    return { cases: out, excluded };
  }
  for (const f of readdirSync(CORPUS).sort()) {
    if (!f.endsWith('.pdf')) continue;
    const bytes = new Uint8Array(readFileSync(join(CORPUS, f)));
    // Trees are found through /StructTreeRoot in the bytes (or in an object stream: then /MarkInfo).
    const latin = Buffer.from(bytes).toString('latin1');
    if (!latin.includes('/StructTreeRoot') && !latin.includes('/MarkInfo')) continue;
    const wrong = WRONG_TREES[f];
    if (wrong) {
      excluded.push(`${f} (${wrong})`);
      continue;
    }
    const truth = await truthFromTags(bytes).catch(() => null);
    if (!truth || truth.paragraphs.length === 0) continue;
    if (truth.coverage < 0.9) {
      excluded.push(`${f} (tree holds ${(100 * truth.coverage).toFixed(0)} % of the text)`);
      continue;
    }
    out.push({
      group: 'pdf.js corpus, tagged',
      name: f,
      pdf: bytes,
      truth: truth.paragraphs,
      running: [],
      spaces: 'ignore',
    });
  }
  return { cases: out, excluded };
}

const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

function row(label: string, c: Counts, files: number): string {
  const p = f1(c.exact, c.extracted, c.truth);
  const h = f1(c.exactHeadings, c.extractedHeadings, c.truthHeadings);
  const b = f1(c.sameChars, c.extracted, c.truth);
  return `| ${label} | ${files} | ${c.truth} | ${c.extracted} | ${pct(p.p)} | ${pct(p.r)} | **${p.f.toFixed(3)}** | ${b.f.toFixed(3)} | ${h.f.toFixed(3)} | ${c.crossingWhole} / ${c.crossing} | ${c.orderErrors} | ${c.leakedPageNumbers} | ${c.leakedRunning} |`;
}

async function main(): Promise<void> {
  const load = loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');
  const { cases: all, excluded } = await cases();
  const totals = new Map<string, { counts: Counts; files: number }>();
  const detail: string[] = [];
  const fallbacks: string[] = [];
  /** Extraction time per pipeline, summed over the files (the same files, alternating, in one run). */
  const ms = { 'tags ignored': 0, 'tags used': 0 };
  for (const [i, c] of all.entries()) {
    // Which pipeline runs first alternates per file, so warm caches favour neither in the timings.
    for (const tags of i % 2 === 0 ? [false, true] : [true, false]) {
      let why: string | null = null;
      const started = performance.now();
      const r = await extractPdf(c.pdf, undefined, {
        tags,
        onTags: (v) => {
          why = v.use ? null : `${v.why} (coverage ${pct(v.coverage)})`;
        },
      });
      ms[tags ? 'tags used' : 'tags ignored'] += performance.now() - started;
      if (tags && why) fallbacks.push(`${c.name}: ${why}`);
      const paragraphs = r.ok ? r.paragraphs : [];
      const s = scoreParagraphs(paragraphs, c.truth, c.running, c.spaces);
      const key = `${c.group}|${tags ? 'tags used' : 'tags ignored'}`;
      const t = totals.get(key) ?? { counts: emptyCounts(), files: 0 };
      t.counts = addCounts(t.counts, s);
      t.files += 1;
      totals.set(key, t);
      const fs = f1(s.exact, s.extracted, s.truth);
      const same = f1(s.sameChars, s.extracted, s.truth);
      detail.push(
        `| ${c.name} | ${tags ? 'tags' : 'geometry'} | ${s.truth} | ${s.extracted} | ${fs.f.toFixed(3)} | ${same.f.toFixed(3)} | ${s.orderErrors} |`,
      );
      if (verbose && s.misses.length > 0)
        process.stderr.write(
          `### ${c.name} (${tags ? 'tags' : 'geometry'})\n${s.misses.map((m) => `- ${m.slice(0, 140)}`).join('\n')}\n`,
        );
    }
  }
  const sum = (suffix: string) =>
    [...totals]
      .filter(([k]) => k.endsWith(suffix))
      .reduce((a, [, v]) => ({ counts: addCounts(a.counts, v.counts), files: a.files + v.files }), {
        counts: emptyCounts(),
        files: 0,
      });
  const md = [
    `## Segmentation of tagged PDFs (${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, load average ${load})`,
    '',
    'Command: `npx tsx bench/segmentation/tagged.ts [--verbose]`. Exact = same text as the truth paragraph (NFKC, white space collapsed; ignored for the corpus files, whose truth comes from item strings). Same characters = the same characters in any order (boundaries right even where the text layer misorders letters).',
    '',
    '| corpus · pipeline | files | truth paragraphs | extracted | precision | recall | F1 (exact text) | F1 (same characters) | heading F1 | page-crossing paragraphs whole | reading-order errors | leaked page numbers | leaked running headers |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...[...totals].map(([k, v]) => row(k.replace('|', ' · '), v.counts, v.files)),
    row('**all · tags ignored (geometry)**', sum('tags ignored').counts, sum('tags ignored').files),
    row('**all · tags used**', sum('tags used').counts, sum('tags used').files),
    '',
    `Extraction time over the ${all.length} files: tags ignored ${Math.round(ms['tags ignored'])} ms, tags used ${Math.round(ms['tags used'])} ms (same process, each file through both, which first alternating per file; the load average above applies).`,
    '',
    excluded.length > 0
      ? `Tagged corpus files left out (tree too partial, or shown wrong, to be truth): ${excluded.join('; ')}.`
      : '',
    '',
    fallbacks.length > 0 ? `Files where the ingester did not use the tags: ${fallbacks.join('; ')}.` : '',
    '',
    '| file | pipeline | truth | extracted | F1 (exact) | F1 (same characters) | order errors |',
    '|---|---|---|---|---|---|---|',
    ...detail,
  ].join('\n');
  mkdirSync('bench/.out', { recursive: true });
  writeFileSync('bench/.out/segmentation-tagged.md', md);
  process.stdout.write(`${md}\n`);
}

await main();
