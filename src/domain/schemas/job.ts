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
