import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { drainIngestQueue } from '../src/cli/context.ts';
import type { IngestEvent } from '../src/ingest/jobs/ingest-runner.ts';
import { createEntity } from '../src/operations/create-entity.ts';
import { OPERATOR } from '../src/operations/permissions.ts';
import { saveTemplate } from '../src/operations/save-template.ts';
import { uploadFile } from '../src/operations/upload-file.ts';
import type { TempStore } from './temp-store.ts';

/** One file's outcome after the real ingest runner (worker processes, time and memory limits) is done with it. */
export type IngestOutcome = {
  path: string;
  fileId: string | null;
  status: string;
  reason: string | null;
  pages: number;
  paragraphs: number;
  /** From the runner's `started` to its `finished` event; null when it never started. */
  ms: number | null;
  /** Order in which the runner finished it (0-based). */
  finishedAs: number | null;
  /** The runner's events for it ("started", "started:ocr", "finished:failed"), to tell a file processed twice. */
  events: string[];
};

/**
 * Uploads `paths` in order (one entity each, as `cyberportal add` does) and drains the queue with the runner
 * the CLI uses. A file refused at upload is reported with status "refused" and the refusal as its reason.
 */
export async function ingestFiles(
  t: TempStore,
  paths: string[],
  onEvent?: (e: IngestEvent) => void,
): Promise<IngestOutcome[]> {
  await saveTemplate({
    store: t.store,
    actor: OPERATOR,
    input: { name: 'Document', label: 'Document', properties: [] },
  });
  const outcomes: IngestOutcome[] = [];
  const byId = new Map<string, IngestOutcome>();
  for (const path of paths) {
    const entity = await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: { template: 'Document', title: basename(path) },
    });
    const o: IngestOutcome = {
      path,
      fileId: null,
      status: 'refused',
      reason: null,
      pages: 0,
      paragraphs: 0,
      ms: null,
      finishedAs: null,
      events: [],
    };
    try {
      const file = await uploadFile({
        store: t.store,
        actor: OPERATOR,
        entityId: entity.id,
        filename: basename(path),
        content: readFileSync(path),
      });
      o.fileId = file.id;
      byId.set(file.id, o);
    } catch (err) {
      // A refusal with field errors ("the file is empty") says why in them, not in its message.
      const fields = (err as { errors?: { message: string }[] }).errors;
      o.reason = fields?.length ? fields.map((f) => f.message).join('; ') : (err as Error).message;
    }
    outcomes.push(o);
  }
  const started = new Map<string, number>();
  let finished = 0;
  await drainIngestQueue(t.store, t.config, (e) => {
    if (e.type === 'started') started.set(e.fileId, performance.now());
    if (e.type !== 'progress')
      byId
        .get(e.fileId)
        ?.events.push(
          e.type === 'finished'
            ? `finished:${e.status}`
            : e.type === 'started' && e.ocr
              ? 'started:ocr'
              : e.type,
        );
    if (e.type === 'finished') {
      const o = byId.get(e.fileId);
      const t0 = started.get(e.fileId);
      if (o) {
        o.ms = t0 === undefined ? null : performance.now() - t0;
        o.finishedAs = finished++;
      }
    }
    onEvent?.(e);
  });
  const row = t.store.sqlite.sqlite.prepare(
    'SELECT status, reason, page_count, paragraph_count FROM files WHERE id = ?',
  );
  for (const o of byId.values()) {
    const r = row.get(o.fileId) as
      | { status: string; reason: string | null; page_count: number | null; paragraph_count: number | null }
      | undefined;
    if (!r) continue;
    o.status = r.status;
    o.reason = r.reason;
    o.pages = r.page_count ?? 0;
    o.paragraphs = r.paragraph_count ?? 0;
  }
  return outcomes;
}

/**
 * A reason a person cannot act on: an exception's own words, a stack frame, "Internal error", or a bare
 * JavaScript message (undefined, null, "is not a function"…).
 */
export function isRawReason(reason: string): boolean {
  return /internal error|\n\s+at |\bat .+:\d+:\d+|TypeError|RangeError|ReferenceError|SyntaxError|is not a function|of undefined|of null|\bundefined\b|\bNaN\b|Error:/i.test(
    reason,
  );
}

/**
 * The pdf.js test corpus: `../shared/corpus/pdfjs-test-pdfs` from the project root (one level further up
 * from a git worktree under wt/), or CYBERPORTAL_PDF_CORPUS. Null when absent.
 */
export function pdfCorpusDir(): string | null {
  const candidates = [
    process.env.CYBERPORTAL_PDF_CORPUS,
    resolve('../shared/corpus/pdfjs-test-pdfs'),
    resolve('../../shared/corpus/pdfjs-test-pdfs'),
  ];
  return candidates.find((d): d is string => Boolean(d && existsSync(d))) ?? null;
}
