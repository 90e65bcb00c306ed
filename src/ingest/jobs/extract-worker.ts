import Database from 'better-sqlite3';
import { OCR_FILE_JOB } from '../../domain/schemas/job.ts';
import { paragraphIdsByKey } from '../../store/sqlite/file-text.ts';
import { newId } from '../../store/sqlite/ids.ts';
import { queueFileJobOnce } from '../../store/sqlite/jobs-queue.ts';
import { applyPragmas } from '../../store/sqlite/open-database.ts';
import { replaceFileToc } from '../../store/sqlite/toc-write.ts';
import { extractDocument, stableParagraphKeys } from '../extract-document.ts';
import { type OcrRequest, ocrExtraction } from '../ocr/ocr-extraction.ts';
import { OcrToolError } from '../ocr/tesseract.ts';
import type { Extraction } from '../types.ts';
import { writeFileText } from './write-file-text.ts';

/** Messages the runner sends: extract this file's bytes and write its text into the database. */
export type ExtractRequest = {
  id: number;
  bytes: Uint8Array;
  filename: string;
  maxBytes: number;
  maxParagraphs: number;
  dbPath: string;
  fileId: string;
  /** A module exporting `onFileWritten(sqlite, fileId)`, run inside the transaction that makes the file ready. */
  hookModule?: string;
  /** Read the pages' pictures with OCR instead of extracting their text (an `ocr-file` job). */
  ocr?: OcrRequest;
};

/** What the runner hears back once the text is written. */
export type ExtractSummary = { status: string; reason: string | null; pages: number; paragraphs: number };

type Hook = (sqlite: Database.Database, fileId: string) => void;

/** Runs as a child process (extract-client.ts): its memory goes back to the system when it exits. */
const parent = {
  postMessage: (m: unknown) => process.send?.(m),
  on: (event: 'message', fn: (req: ExtractRequest) => void) => process.on(event, fn),
};
// The server went away (or closed the channel): nothing left to do for it.
process.on('disconnect', () => process.exit(0));

let connection: { path: string; sqlite: Database.Database } | null = null;
const hooks = new Map<string, Hook>();

/** This worker's own connection: the write happens here, so the HTTP thread only hears "done". */
function open(path: string): Database.Database {
  if (connection?.path !== path) {
    connection?.sqlite.close();
    const sqlite = new Database(path);
    applyPragmas(sqlite);
    connection = { path, sqlite };
  }
  return connection.sqlite;
}

async function hookOf(module: string | undefined): Promise<Hook | undefined> {
  if (!module) return undefined;
  if (!hooks.has(module))
    hooks.set(module, ((await import(module)) as { onFileWritten: Hook }).onFileWritten);
  return hooks.get(module);
}

function tooManyParagraphs(result: Extraction, max: number): Extraction {
  const n = result.paragraphs.length.toLocaleString('en');
  return {
    ...result,
    status: 'failed',
    reason: `The file has ${n} paragraphs, over the limit of ${max.toLocaleString('en')} per file: split it into several files and upload them separately.`,
    language: null,
    fullText: '',
    pages: [],
    paragraphs: [],
    toc: { source: 'headings', entries: [] },
  };
}

/** Between write batches the lock is free for a moment, so the server's own writes are not starved. */
const pause = () => new Promise<void>((r) => setTimeout(r, 5));

// pdf.js parsing is CPU-bound for seconds on large files; in its own process it never stalls the HTTP loop.
// The worker also writes the text: the result never crosses to the server as 200k objects to deserialize.
parent.on('message', async (req: ExtractRequest) => {
  // The time limit starts now, not when the worker was created (loading pdf.js takes seconds under load).
  parent.postMessage({ id: req.id, phase: 'extracting' });
  try {
    const onProgress = (done: number, total: number) =>
      parent.postMessage({ id: req.id, progress: done / total });
    let result = req.ocr
      ? await ocrExtraction(req.bytes, req.ocr, onProgress)
      : await extractDocument({
          bytes: req.bytes,
          filename: req.filename,
          maxBytes: req.maxBytes,
          onProgress,
        });
    if (result.paragraphs.length > req.maxParagraphs) result = tooManyParagraphs(result, req.maxParagraphs);
    // From here on the time limit no longer applies: the write is bounded by the paragraph cap.
    parent.postMessage({ id: req.id, phase: 'writing' });
    const sqlite = open(req.dbPath);
    const hook = await hookOf(req.hookModule);
    // Keys over the whole list: a repeated paragraph text gets "#2", "#3", so each keeps its own id.
    const keys = stableParagraphKeys(result.paragraphs.map((p) => p.text));
    const paragraphs = result.paragraphs.map((p, i) => ({ ...p, key: keys[i]! }));
    // Keep the ids of paragraphs whose text did not change, so permalinks and anchors survive a reindex.
    const previous = paragraphIdsByKey(sqlite, req.fileId, stableParagraphKeys);
    const ids = paragraphs.map((p) => previous.get(p.key) ?? newId());
    await writeFileText(sqlite, req.fileId, { ...result, paragraphs }, ids, {
      afterWrite: () => {
        // The TOC with the text, its entries anchored to the paragraphs' (kept) ids.
        replaceFileToc(
          sqlite,
          req.fileId,
          result.toc.entries.map((e) => ({
            ...e,
            paragraphId: e.ordinal === null ? null : (ids[e.ordinal] ?? null),
          })),
          result.toc.source,
        );
        hook?.(sqlite, req.fileId);
        // In the same transaction as the status: a scan is never left needing OCR without a job to do it.
        if (result.status === 'needs-ocr') queueFileJobOnce(sqlite, OCR_FILE_JOB, req.fileId);
      },
      pause,
    });
    const summary: ExtractSummary = {
      status: result.status,
      reason: result.reason,
      pages: result.pages.length,
      paragraphs: result.paragraphs.length,
    };
    parent.postMessage({ id: req.id, result: summary });
  } catch (err) {
    // extractDocument reports bad input as a status; reaching here is a bug, reported as such (or OCR's tools
    // missing or over their time limit, said as they are).
    parent.postMessage({
      id: req.id,
      error:
        err instanceof OcrToolError
          ? err.message
          : `Internal error while extracting: ${(err as Error).message}`,
      // SQLITE_FULL / ENOSPC: the runner tells a full disk apart from a bug (isDiskFull).
      code: (err as { code?: unknown }).code,
    });
  }
});
