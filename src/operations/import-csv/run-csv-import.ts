import { labelKey } from '../../domain/csv/csv-cells.ts';
import { fileDownloadPath } from '../../domain/schemas/entity.ts';
import { IMPORT_CSV_JOB, type Job } from '../../domain/schemas/job.ts';
import { nowIso } from '../../store/ids.ts';
import type { Store } from '../../store/store.ts';
import { createEntity } from '../create-entity.ts';
import { Conflict } from '../errors.ts';
import { type Actor, requireRole } from '../permissions.ts';
import { saveThesaurus } from '../save-thesaurus.ts';
import { updateEntity } from '../update-entity.ts';
import { cleanFilename, uploadFile } from '../upload-file.ts';
import { mayTakeUp, RUNNING_HERE, THIS_PROCESS } from './import-owner.ts';
import type { CsvImportPlan, FileValue } from './plan-csv-import.ts';

/**
 * Files an imported row still has to get (written after its batch, so a kill in between is resumed).
 * `attachments` names those of the `attachments` column (role `attachment`); the others are the row's
 * `file` (its document). A payload written before roles has no `attachments`, and its files stay documents
 * as they were then. `fileValues`: media and image values to point at those files once uploaded.
 */
type PendingFiles = { entityId: string; names: string[]; attachments?: string[]; fileValues?: FileValue[] }[];

/** The job's payload: enough to take the import up again from its source file (see IMPORT_CSV_JOB). */
export type ImportPayload = {
  sha256: string;
  template: string;
  name: string;
  /** Valid rows to write. */
  rows: number;
  created: number;
  lastRow: number;
  valuesAdded: boolean;
  pending: PendingFiles;
  options?: { addNewValues: boolean; publish: boolean };
  /** The process running it (`host:pid`), so another knows whether it may take it up. */
  owner?: string;
};

/** What an import wrote; `resumedAfterRow` is set when it took up a run that had been cut off. */
export type CsvImportResult = {
  jobId: number;
  created: number;
  valuesAdded: number;
  filesAttached: number;
  resumedAfterRow: number | null;
};

/** The payload of an import not started yet. */
export const newImportPayload = (p: {
  sha256: string;
  template: string;
  name: string;
  rows: number;
  options?: ImportPayload['options'];
}): ImportPayload => ({
  ...p,
  created: 0,
  lastRow: 1,
  valuesAdded: false,
  pending: [],
  owner: THIS_PROCESS,
});

/** Imports not finished, running or waiting, oldest first. */
export const openImportJobs = async (store: Store): Promise<Job[]> => [
  ...(await store.jobs.list({ status: 'running', kinds: [IMPORT_CSV_JOB] })),
  ...(await store.jobs.list({ status: 'queued', kinds: [IMPORT_CSV_JOB] })),
];

/**
 * The unfinished import of the same file into the same template, to take up rather than start again; a
 * Conflict when the process running it is still at work (the same file imported twice at once would
 * write its rows twice).
 */
async function unfinished(store: Store, sha256: string, template: string): Promise<Job | undefined> {
  const open = (await openImportJobs(store)).filter(
    (j) => j.payload.sha256 === sha256 && j.payload.template === template,
  );
  for (const job of open) {
    if (!mayTakeUp(job))
      throw new Conflict(
        `This file is being imported by another process (import ${job.id}); wait for it to end`,
        { code: 'importRunning', params: { job: job.id } },
      );
    if (await store.jobs.claimIfUnchanged(job.id, job.updatedAt, nowIso())) return job;
  }
  return undefined;
}

/**
 * Writes a planned CSV import as a durable job: new thesaurus values first (each once), then the rows in
 * batches, each batch one transaction that also moves the job's `lastRow`, then each batch's files. Killed
 * at any point and run again with the same file, it takes up the unfinished job after its last written row,
 * so no row is written twice; files already attached to a row's entity are not attached again.
 */
export async function runCsvImport({
  store,
  actor,
  plan,
  sha256,
  name,
  fileContent,
  batchSize = 200,
  onProgress,
  options,
  jobId: givenJob,
}: {
  store: Store;
  actor: Actor;
  plan: CsvImportPlan;
  /** The import file's SHA-256: what makes a second run the same import. */
  sha256: string;
  name: string;
  /** The bytes of a file named in the ZIP. */
  fileContent?: (name: string) => Uint8Array | undefined;
  batchSize?: number;
  onProgress?: (p: { done: number; total: number }) => void;
  /** Kept in the job, so a server taking the import up again plans it the same way. */
  options?: ImportPayload['options'];
  /** The job to run (a server resuming it); by default the unfinished import of the same file, or a new one. */
  jobId?: number;
}): Promise<CsvImportResult> {
  const who = requireRole(actor, 'admin');
  const existing = givenJob
    ? ((await store.jobs.findById(givenJob)) ?? undefined)
    : await unfinished(store, sha256, plan.template);
  let payload: ImportPayload = existing
    ? (existing.payload as ImportPayload)
    : newImportPayload({ sha256, template: plan.template, name, rows: plan.planned.length, options });
  const jobId = existing?.id ?? (await store.jobs.enqueue(IMPORT_CSV_JOB, payload, nowIso()));
  const resumedAfterRow = existing ? payload.lastRow : null;
  const result: CsvImportResult = { jobId, created: 0, valuesAdded: 0, filesAttached: 0, resumedAfterRow };
  const save = (tx: Store, progress?: number) =>
    tx.jobs.update(
      jobId,
      {
        payload: { ...payload, owner: THIS_PROCESS },
        status: 'running',
        ...(progress !== undefined ? { progress } : {}),
      },
      nowIso(),
    );
  RUNNING_HERE.add(jobId);
  try {
    await store.transaction(async (tx) => save(tx, 0));
    if (!payload.valuesAdded) {
      await store.transaction(async (tx) => {
        for (const [thesaurus, values] of groupBy(plan.newValues, (v) => v.thesaurus)) {
          const current = await tx.thesauri.findByName(thesaurus);
          if (!current) continue;
          // Values added since the plan was made (another import, an editor) are used, not added twice;
          // a group found that way lends its id to the children planned under it.
          const keyOf = (group: string | undefined, label: string) =>
            `${group ?? ''}\u0000${labelKey(label)}`;
          const known = new Map(current.values.map((v) => [keyOf(v.group, v.label), v.id]));
          const sameAs = new Map<string, string>();
          const fresh: typeof values = [];
          for (const v of values) {
            const group = v.group === undefined ? undefined : (sameAs.get(v.group) ?? v.group);
            const existing = known.get(keyOf(group, v.label));
            if (existing !== undefined) sameAs.set(v.id, existing);
            else {
              fresh.push({ ...v, ...(group ? { group } : {}) });
              known.set(keyOf(group, v.label), v.id);
            }
          }
          if (fresh.length === 0) continue;
          const { id: _id, createdAt: _c, updatedAt: _u, ...input } = current;
          await saveThesaurus({
            store: tx,
            actor: who,
            name: thesaurus,
            input: {
              ...input,
              values: [
                ...current.values,
                ...fresh.map(({ id, label, group }) => ({ id, label, ...(group ? { group } : {}) })),
              ],
            },
          });
          result.valuesAdded += fresh.length;
        }
        payload = { ...payload, valuesAdded: true };
        await save(tx);
      });
    }
    result.filesAttached += await attachPending(store, who, payload.pending, fileContent);
    payload = { ...payload, pending: [] };
    const todo = plan.planned.filter((r) => r.row > payload.lastRow);
    const total = plan.planned.length;
    let done = total - todo.length;
    for (let i = 0; i < todo.length; i += batchSize) {
      const batch = todo.slice(i, i + batchSize);
      await store.transaction(async (tx) => {
        const pending: PendingFiles = [];
        for (const r of batch) {
          const e = await createEntity({ store: tx, actor: who, input: r.input });
          const names = [...r.documents, ...r.attachments];
          if (names.length)
            pending.push({
              entityId: e.id,
              names,
              attachments: r.attachments,
              ...(r.fileValues ? { fileValues: r.fileValues } : {}),
            });
        }
        payload = {
          ...payload,
          lastRow: batch.at(-1)!.row,
          pending,
          created: (payload.created ?? 0) + batch.length,
        };
        await save(tx, (done + batch.length) / Math.max(total, 1));
      });
      result.created += batch.length;
      done += batch.length;
      result.filesAttached += await attachPending(store, who, payload.pending, fileContent);
      payload = { ...payload, pending: [] };
      onProgress?.({ done, total });
    }
    await store.transaction(async (tx) =>
      tx.jobs.update(jobId, { payload, status: 'done', progress: 1, error: null }, nowIso()),
    );
    return result;
  } catch (err) {
    // The job stays open (running) so the same import run again resumes; the error says why it stopped.
    await store.jobs.update(jobId, { error: (err as Error).message }, nowIso()).catch(() => {});
    throw err;
  } finally {
    RUNNING_HERE.delete(jobId);
  }
}

/** Uploads the files of rows already written, skipping a name the entity already has (a resumed run). */
async function attachPending(
  store: Store,
  actor: Actor,
  pending: PendingFiles,
  fileContent: ((name: string) => Uint8Array | undefined) | undefined,
): Promise<number> {
  let attached = 0;
  for (const { entityId, names, attachments = [], fileValues = [] } of pending) {
    const idOf = new Map((await store.files.listByEntity(entityId)).map((f) => [f.filename, f.id]));
    for (const n of names) {
      const content = fileContent?.(n);
      if (!content || idOf.has(cleanFilename(n))) continue;
      const role = attachments.includes(n) ? 'attachment' : 'document';
      const f = await uploadFile({ store, actor, entityId, filename: n, content, mimeType: mimeOf(n), role });
      idOf.set(f.filename, f.id);
      attached++;
    }
    // Values naming the row's files: their addresses exist only now. Run again on a resumed import, the
    // patch writes the same addresses.
    const metadata: Record<string, string> = {};
    const translations: Record<string, { metadata: Record<string, string> }> = {};
    for (const v of fileValues) {
      const id = idOf.get(cleanFilename(v.name));
      if (!id) continue;
      if (!v.lang) metadata[v.property] = fileDownloadPath(id);
      else {
        const t = translations[v.lang] ?? { metadata: {} };
        t.metadata[v.property] = fileDownloadPath(id);
        translations[v.lang] = t;
      }
    }
    if (Object.keys(metadata).length || Object.keys(translations).length)
      await updateEntity({
        store,
        actor,
        id: entityId,
        patch: {
          ...(Object.keys(metadata).length ? { metadata } : {}),
          ...(Object.keys(translations).length ? { translations } : {}),
        },
      });
  }
  return attached;
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  html: 'text/html',
  htm: 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};
const mimeOf = (n: string) => MIME[n.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) out.set(key(i), [...(out.get(key(i)) ?? []), i]);
  return out;
}
