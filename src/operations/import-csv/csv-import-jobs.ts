import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CsvImportOptions, CsvImportPreview, CsvImportStatus } from '../../domain/schemas/csv-import.ts';
import { IMPORT_CSV_JOB } from '../../domain/schemas/job.ts';
import type { Store } from '../../store/store.ts';
import { NotFound } from '../errors.ts';
import { type Actor, OPERATOR, requireRole } from '../permissions.ts';
import { mayTakeUp } from './import-owner.ts';
import { type CsvImportPlan, planCsvImport } from './plan-csv-import.ts';
import { type ImportSource, readImportFile } from './read-import-file.ts';
import { type ImportPayload, newImportPayload, openImportJobs, runCsvImport } from './run-csv-import.ts';

/** The preview a person reads before confirming: counts, every problem, new values, the first rows. */
export function previewOf(plan: CsvImportPlan): Omit<CsvImportPreview, 'started'> {
  return {
    template: plan.template,
    delimiter: plan.delimiter,
    rows: plan.rows,
    valid: plan.planned.length,
    columns: plan.columns,
    problems: plan.problems,
    newValues: plan.newValues,
    preview: plan.planned
      .slice(0, 5)
      .map((r) => ({ row: r.row, title: r.input.title, metadata: r.input.metadata ?? {} })),
  };
}

/** Whether a plan may be written: never with a column problem, with row problems only when asked. */
export const mayWrite = (plan: CsvImportPlan, skipInvalid: boolean) =>
  !plan.problems.some((p) => p.row === undefined) && (skipInvalid || plan.problems.length === 0);

/** An import file read and planned for one template: what the CLI, the API and a resumed job all start from. */
export async function planImportFile(
  store: Store,
  bytes: Uint8Array,
  options: { template: string; addNewValues?: boolean; publish?: boolean },
): Promise<{ source: ImportSource; plan: CsvImportPlan }> {
  const source = readImportFile(bytes);
  const plan = await planCsvImport({
    store,
    text: source.text,
    template: options.template,
    addNewValues: options.addNewValues ?? false,
    publish: options.publish ?? false,
    ...(source.zip ? { files: new Set(source.files.keys()) } : {}),
  });
  return { source, plan };
}

const stagePath = (stageDir: string, sha256: string) => join(stageDir, `${sha256}.import`);

/**
 * `POST /imports/csv`: plans the import (admins only) and answers the preview; unless it is a dry run or
 * has problems, also keeps the file in the data directory (so the import can be taken up after a restart)
 * and starts it in the background as a durable job, followed at `GET /imports/:id`.
 */
export async function startCsvImport({
  store,
  actor,
  bytes,
  name,
  options,
  stageDir,
  onError,
}: {
  store: Store;
  actor: Actor;
  bytes: Uint8Array;
  name: string;
  options: CsvImportOptions;
  stageDir: string;
  onError?: (err: Error) => void;
}): Promise<CsvImportPreview> {
  const who = requireRole(actor, 'admin');
  const { source, plan } = await planImportFile(store, bytes, options);
  const preview = previewOf(plan);
  if (options.dryRun || !mayWrite(plan, options.skipInvalid)) return { ...preview, started: false };
  await mkdir(stageDir, { recursive: true, mode: 0o700 });
  await writeFile(stagePath(stageDir, source.sha256), bytes, { mode: 0o600 });
  const { addNewValues, publish } = options;
  // A job row first, so the answer can name it; the rows are written in the background.
  const payload = newImportPayload({
    sha256: source.sha256,
    template: plan.template,
    name,
    rows: plan.planned.length,
    options: { addNewValues, publish },
  });

  const jobId = await store.jobs.enqueue(
    IMPORT_CSV_JOB,
    { ...payload, at: Date.now() },
    new Date().toISOString(),
  );
  void runCsvImport({
    store,
    actor: who,
    plan,
    sha256: source.sha256,
    name,
    jobId,
    options: payload.options,
    fileContent: (n) => source.files.get(n),
  }).catch((err: Error) => onError?.(err));
  return { ...preview, started: true, jobId };
}

/** `GET /imports/:id`: where an import stands (admins only). */
export async function getCsvImport({
  store,
  actor,
  id,
}: {
  store: Store;
  actor: Actor;
  id: number;
}): Promise<CsvImportStatus> {
  requireRole(actor, 'admin');
  const job = await store.jobs.findById(id);
  if (!job || job.kind !== IMPORT_CSV_JOB) throw new NotFound('Import', String(id));
  const p = job.payload as ImportPayload;
  return {
    id: job.id,
    name: p.name,
    template: p.template,
    status: job.status,
    rows: p.rows,
    created: p.created ?? 0,
    progress: job.progress ?? 0,
    error: job.error,
  };
}

/**
 * Takes up, at a server's start, the imports another process left unfinished (killed, or the server
 * stopped): an import whose process is gone (import-owner.ts) is claimed by a conditional write, so of
 * several servers starting at once only one takes it; it is planned again from its kept file and goes on
 * after its last written row.
 */
export async function resumeCsvImports({
  store,
  stageDir,
  onError,
}: {
  store: Store;
  stageDir: string;
  onError?: (err: Error) => void;
}): Promise<number[]> {
  const open = await openImportJobs(store);
  const taken: number[] = [];
  for (const job of open) {
    if (!mayTakeUp(job)) continue;
    if (!(await store.jobs.claimIfUnchanged(job.id, job.updatedAt, new Date().toISOString()))) continue;
    const p = job.payload as ImportPayload;
    const bytes = await readFile(stagePath(stageDir, p.sha256)).catch(() => null);
    if (!bytes) {
      await store.jobs.update(
        job.id,
        { status: 'failed', error: 'the import file kept for it is gone' },
        new Date().toISOString(),
      );
      continue;
    }
    const { source, plan } = await planImportFile(store, bytes, { template: p.template, ...p.options });
    taken.push(job.id);
    void runCsvImport({
      store,
      actor: OPERATOR,
      plan,
      sha256: p.sha256,
      name: p.name,
      jobId: job.id,
      fileContent: (n) => source.files.get(n),
    }).catch((err: Error) => onError?.(err));
  }
  return taken;
}
