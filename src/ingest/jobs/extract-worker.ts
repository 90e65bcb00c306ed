import { OCR_FILE_JOB } from '../../domain/schemas/job.ts';
import { newId } from '../../store/ids.ts';
import { openStoreAt, type Store, type StoreLocator } from '../../store/store.ts';
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
  /** The store to write into, opened by this worker for itself. */
  locator: StoreLocator;
  fileId: string;
  /** A module exporting `onFileWritten(tx, fileId)`, run inside the transaction that makes the file ready. */
  hookModule?: string;
  /** Read the pages' pictures with OCR instead of extracting their text (an `ocr-file` job). */
  ocr?: OcrRequest;
};

/** What the runner hears back once the text is written. */
export type ExtractSummary = { status: string; reason: string | null; pages: number; paragraphs: number };

type Hook = (tx: Store, fileId: string) => Promise<void>;

/** Runs as a child process (extract-client.ts): its memory goes back to the system when it exits. */
const parent = {
  postMessage: (m: unknown) => process.send?.(m),
  on: (event: 'message', fn: (req: ExtractRequest | { release: true }) => void) => process.on(event, fn),
};
// The server went away (or closed the channel): nothing left to do for it.
process.on('disconnect', () => process.exit(0));

let connection: { key: string; store: Store } | null = null;
const hooks = new Map<string, Hook>();

/** This worker's own connection: the write happens here, so the HTTP thread only hears "done". */
async function open(locator: StoreLocator): Promise<Store> {
  const key = JSON.stringify(locator);
  if (connection?.key !== key) {
    await connection?.store.close();
    connection = { key, store: await openStoreAt(locator, { migrate: false }) };
  }
  return connection.store;
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
parent.on('message', async (message: ExtractRequest | { release: true }) => {
  // Kept idle for another runner (the unit tests only, extract-client.ts): its store may be deleted next.
  if ('release' in message) {
    const open = connection;
    connection = null;
    await open?.store.close().catch(() => undefined);
    parent.postMessage({ released: true });
    return;
  }
  const req = message;
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
    const store = await open(req.locator);
    const hook = await hookOf(req.hookModule);
    // Keys over the whole list: a repeated paragraph text gets "#2", "#3", so each keeps its own id.
    const keys = stableParagraphKeys(result.paragraphs.map((p) => p.text));
    const paragraphs = result.paragraphs.map((p, i) => ({ ...p, key: keys[i]! }));
    // Keep the ids of paragraphs whose text did not change, so permalinks and anchors survive a reindex.
    const previous = await store.fileText.paragraphIdsByKey(req.fileId, stableParagraphKeys);
    const ids = paragraphs.map((p) => previous.get(p.key) ?? newId());
    await writeFileText(store, req.fileId, { ...result, paragraphs }, ids, {
      afterWrite: async (tx) => {
        // The TOC with the text, its entries anchored to the paragraphs' (kept) ids.
        await tx.toc.replace(
          req.fileId,
          result.toc.entries.map((e) => ({
            label: e.label,
            level: e.level,
            page: e.page,
            paragraphId: e.ordinal === null ? null : (ids[e.ordinal] ?? null),
          })),
          result.toc.source,
        );
        await hook?.(tx, req.fileId);
        // In the same transaction as the status: a scan is never left needing OCR without a job to do it.
        if (result.status === 'needs-ocr' || (result.ocrPages?.length ?? 0) > 0)
          await tx.jobs.queueFileJobOnce(OCR_FILE_JOB, req.fileId);
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
