import { z } from 'zod';
import { Timestamp } from './common.ts';

/** The job that extracts an uploaded file's text; its payload is `{fileId}`. */
export const INGEST_FILE_JOB = 'ingest-file';

/**
 * A file's connections still to be re-anchored to its new text; payload `{fileId}`. Queued in the
 * transaction that writes the text and finished once re-anchoring is done, so a process killed in between
 * leaves it queued and the next start does it.
 */
export const REANCHOR_FILE_JOB = 'reanchor-file';

/**
 * Reading a scanned PDF's pages with OCR; payload `{fileId, language?}` (a tesseract language an admin
 * chose; without it, the language an admin chose last for the file, else the document's or the detected
 * one). Queued in the transaction that ends an extraction `needs-ocr`, and by `POST /files/:id/ocr`.
 */
export const OCR_FILE_JOB = 'ocr-file';

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

/** A durable unit of background work (ingesting a file, reindexing); survives restarts. */
export const Job = z.object({
  id: z.number().int(),
  kind: z.string(),
  payload: z.record(z.string(), z.unknown()),
  status: z.enum(JOB_STATUSES),
  attempts: z.number().int(),
  error: z.string().nullable(),
  progress: z.number().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Job = z.infer<typeof Job>;

/**
 * A CSV (or ZIP) import run as a durable job by the operation that started it; payload
 * `{sha256, template, name, rows, lastRow, valuesAdded, pending}`: `lastRow` is the spreadsheet row written
 * last, moved in the transaction that writes its batch, so a killed import resumes after it.
 */
export const IMPORT_CSV_JOB = 'import-csv';
