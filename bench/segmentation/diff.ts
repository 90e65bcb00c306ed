/**
 * Where the geometric pipeline (tags ignored) parts from the tag truth of one file: the truth paragraphs it
 * missed and the paragraphs it made instead, in reading order, to find the classes of error.
 *
 *   npx tsx bench/segmentation/diff.ts FILE.pdf|fixture-name [--tags] [--all]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPdf } from '../../src/ingest/pdf/extract-pdf.ts';
import { pdfCorpusDir } from '../../test/ingest-files.ts';
import { keyOf, type TruthParagraph } from './f1.ts';
import { printFixtures } from './print-html.ts';
import { truthFromTags } from './truth-from-tags.ts';

const name = process.argv[2];
if (!name) throw new Error('usage: diff.ts FILE.pdf|fixture-name [--tags] [--all]');
const tags = process.argv.includes('--tags');
const all = process.argv.includes('--all');

let pdf: Uint8Array;
let truth: TruthParagraph[];
let spaces: 'collapse' | 'ignore';
const corpusFile = join(pdfCorpusDir() ?? '', name);
if (name.endsWith('.pdf') && existsSync(corpusFile)) {
  pdf = new Uint8Array(readFileSync(corpusFile));
  const t = await truthFromTags(pdf);
  if (!t) throw new Error(`${name}: no tag truth`);
  truth = t.paragraphs;
  spaces = 'ignore';
} else {
  const [p] = await printFixtures([name]);
  if (!p) throw new Error(`${name}: no such fixture`);
  pdf = p.pdf;
  truth = p.truth.paragraphs;
  spaces = 'collapse';
}
const r = await extractPdf(pdf, undefined, { tags });
if (!r.ok) throw new Error(r.reason);
const truthKeys = new Map<string, number>();
for (const t of truth) truthKeys.set(keyOf(t.text, spaces), (truthKeys.get(keyOf(t.text, spaces)) ?? 0) + 1);
const gotKeys = new Map<string, number>();
for (const p of r.paragraphs)
  gotKeys.set(keyOf(p.text, spaces), (gotKeys.get(keyOf(p.text, spaces)) ?? 0) + 1);
const clip = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}…` : s);
let hit = 0;
process.stdout.write(`## truth (${truth.length}) — "-" missed\n`);
for (const t of truth) {
  const k = keyOf(t.text, spaces);
  const ok = (gotKeys.get(k) ?? 0) > 0;
  if (ok) {
    gotKeys.set(k, gotKeys.get(k)! - 1);
    hit += 1;
  }
  if (!ok || all) process.stdout.write(`${ok ? ' ' : '-'} ${t.isHeading ? '[H] ' : ''}${clip(t.text)}\n`);
}
process.stdout.write(`\n## extracted (${r.paragraphs.length}) — "+" not in the truth\n`);
for (const p of r.paragraphs) {
  const k = keyOf(p.text, spaces);
  const ok = (truthKeys.get(k) ?? 0) > 0;
  if (ok) truthKeys.set(k, truthKeys.get(k)! - 1);
  if (!ok || all)
    process.stdout.write(`${ok ? ' ' : '+'} p${p.page} ${p.isHeading ? '[H] ' : ''}${clip(p.text)}\n`);
}
process.stdout.write(
  `\n${hit} of ${truth.length} truth paragraphs exact, ${r.paragraphs.length} extracted\n`,
);
