/**
 * The geometric pipeline's ordered lines of one file, with their geometry, to see why two paragraphs join or
 * part (page, flow, cell, x, width, baseline, size, weight, text).
 *
 *   npx tsx bench/segmentation/lines.ts FILE.pdf|fixture-name [--page=N] [--pieces]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commonGutter, findGutter, orderPage } from '../../src/ingest/pdf/columns.ts';
import { readPdfLines } from '../../src/ingest/pdf/extract-pdf.ts';
import { findRunningLines } from '../../src/ingest/pdf/running.ts';
import { findSideBoxes, placeSideBoxes } from '../../src/ingest/pdf/side-boxes.ts';
import { pdfCorpusDir } from '../../test/ingest-files.ts';
import { printFixtures } from './print-html.ts';

const name = process.argv[2];
if (!name) throw new Error('usage: lines.ts FILE.pdf|fixture-name [--page=N]');
const showPieces = process.argv.includes('--pieces');
const onlyPage = Number(process.argv.find((a) => a.startsWith('--page='))?.slice(7) ?? 0);
const corpusFile = join(pdfCorpusDir() ?? '', name);
let pdf: Uint8Array;
if (existsSync(name)) pdf = new Uint8Array(readFileSync(name));
else if (name.endsWith('.pdf') && existsSync(corpusFile)) pdf = new Uint8Array(readFileSync(corpusFile));
else {
  const [p] = await printFixtures([name]);
  if (!p) throw new Error(`${name}: no such fixture`);
  pdf = p.pdf;
}
const raw = await readPdfLines(pdf);
if (!raw) throw new Error(`${name}: cannot be opened`);
for (const p of raw) p.lines = p.lines.filter((l) => !l.watermark);
const running = findRunningLines(
  raw.map((p) => p.lines),
  raw.map((p) => p.height),
);
const sizes = raw.flatMap((p) => p.lines.map((l) => l.size)).sort((a, b) => a - b);
const bodySize = sizes[Math.floor(sizes.length / 2)] ?? 10;
const body = raw.map((p) => p.lines.filter((l) => !running.has(l)));
const boxes = body.map((lines) => findSideBoxes(lines, bodySize));
const rest = body.map((lines, i) => {
  const inBox = new Set(boxes[i]!.flat());
  return lines.filter((l) => !inBox.has(l));
});
const own = rest.map((lines) => findGutter(lines, bodySize));
const hint = commonGutter(own);
const f = (v: number) => v.toFixed(1).padStart(6);
raw.forEach((p, i) => {
  if (onlyPage && p.number !== onlyPage) return;
  process.stdout.write(
    `## page ${p.number} (${p.width} × ${p.height}), running: ${[...running]
      .filter((l) => l.page === p.number)
      .map((l) => JSON.stringify(l.text))
      .join(', ')}\n`,
  );
  const ordered = placeSideBoxes(
    orderPage(rest[i]!, own[i] ?? findGutter(rest[i]!, bodySize, hint)),
    boxes[i]!,
  );
  for (const l of ordered)
    process.stdout.write(
      `f${l.flow}${l.aside !== undefined ? ` a${l.aside}` : ''}${l.cell !== undefined ? ` c${l.cell}` : ''} x${f(l.x)} w${f(l.w)} r${f(l.x + l.w)} b${f(l.baseline)} s${l.size.toFixed(1)}${l.bold ? ' B' : ''}${l.italic ? ' I' : ''} | ${l.text}\n${
        showPieces && l.pieces
          ? l.pieces
              .map(
                (q) =>
                  `      · x${f(q.x)} w${f(q.w)} b${f(q.base)} s${q.size.toFixed(1)}${q.bold ? ' B' : ''} @${q.at}\n`,
              )
              .join('')
          : ''
      }`,
    );
});
