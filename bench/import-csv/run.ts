/**
 * CSV import benchmark: `npx tsx bench/import-csv/run.ts [--rows 50000]`.
 * Writes a CSV of N Document rows in Uwazi's format (demo templates and thesauri, the 193 states as related
 * entities by title, a date, a select, a multiselect of two values, a summary with commas, quotes and accents,
 * a French title column), then in a temp directory: reads and checks every row (the dry run), writes them
 * as the durable job does (batches of 200, one transaction each), and, for comparison in the same run, writes
 * a tenth of the rows one transaction per row. Reports rows per second, peak resident memory and the load
 * average. Writes bench/.out/import-csv.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { STATES, TEMPLATES, THESAURI } from '../../src/demo/data/index.ts';
import { csvLine, UTF8_BOM } from '../../src/domain/readable-csv.ts';
import { createEntity } from '../../src/operations/create-entity.ts';
import { planCsvImport } from '../../src/operations/import-csv/plan-csv-import.ts';
import { runCsvImport } from '../../src/operations/import-csv/run-csv-import.ts';
import { OPERATOR } from '../../src/operations/permissions.ts';
import { saveTemplate } from '../../src/operations/save-template.ts';
import { saveThesaurus } from '../../src/operations/save-thesaurus.ts';
import { openStore } from '../../src/store/store.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '50000' } } });
const ROWS = Number(values.rows);

const types = THESAURI.find((t) => t.name === 'documentTypes')!.values.map((v) => v.label);
const pillars = THESAURI.find((t) => t.name === 'oewgPillars')!.values.map((v) => v.label);

function csv(rows: number): string {
  let out =
    UTF8_BOM + csvLine(['Title', 'title__fr', 'Document type', 'Date', 'States', 'OEWG pillars', 'Summary']);
  for (let i = 0; i < rows; i++)
    out += csvLine([
      `National cybersecurity measure ${i}`,
      `Mesure nationale de cybersécurité ${i}`,
      types[i % types.length],
      `${2000 + (i % 25)}-${String((i % 12) + 1).padStart(2, '0')}`,
      `${STATES[i % STATES.length]!.name} | ${STATES[(i * 7) % STATES.length]!.name}`,
      `${pillars[i % pillars.length]} | ${pillars[(i + 1) % pillars.length]}`,
      `Adopted by the "national" authority, it sets out roles, duties and reporting — état ${i}.`,
    ]);
  return out;
}

async function collection() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-csv-'));
  const store = await openStore(dir);
  for (const input of THESAURI) await saveThesaurus({ store, actor: OPERATOR, input });
  for (const input of TEMPLATES) await saveTemplate({ store, actor: OPERATOR, input: input as never });
  await store.transaction(async (tx) => {
    for (const s of STATES)
      await createEntity({ store: tx, actor: OPERATOR, input: { template: 'State', title: s.name } });
  });
  return { dir, store };
}

async function measure(rows: number, batchSize: number) {
  const { dir, store } = await collection();
  const text = csv(rows);
  try {
    let t = performance.now();
    const plan = await planCsvImport({ store, text, template: 'Document' });
    const planMs = performance.now() - t;
    if (plan.problems.length)
      throw new Error(`bench CSV has problems: ${JSON.stringify(plan.problems.slice(0, 3))}`);
    t = performance.now();
    const result = await runCsvImport({
      store,
      actor: OPERATOR,
      plan,
      sha256: `bench-${rows}-${batchSize}`,
      name: 'bench.csv',
      batchSize,
    });
    const writeMs = performance.now() - t;
    return { rows, batchSize, mb: Buffer.byteLength(text) / 1e6, planMs, writeMs, created: result.created };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const before = loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
const main = await measure(ROWS, 200);
const perRow = await measure(Math.round(ROWS / 10), 1);
const rssMb = process.resourceUsage().maxRSS / 1024;
const after = loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
const line = (m: Awaited<ReturnType<typeof measure>>, label: string) =>
  `| ${label} | ${m.rows} | ${m.mb.toFixed(1)} | ${(m.planMs / 1000).toFixed(1)} | ${Math.round(m.rows / (m.planMs / 1000))} | ${(m.writeMs / 1000).toFixed(1)} | ${Math.round(m.created / (m.writeMs / 1000))} |`;
const report = [
  `CSV import, ${new Date().toISOString()}, ${cpus().length} cores (${cpus()[0]?.model}), load average before ${before}, after ${after}; peak RSS of the whole run ${rssMb.toFixed(0)} MB.`,
  '',
  '| run | rows | MB | check s | checked rows/s | write s | written rows/s |',
  '|---|---|---|---|---|---|---|',
  line(main, 'batches of 200 (the import job)'),
  line(perRow, 'one transaction per row (comparison)'),
  '',
].join('\n');
mkdirSync('bench/.out', { recursive: true });
writeFileSync('bench/.out/import-csv.md', report);
console.log(report);
