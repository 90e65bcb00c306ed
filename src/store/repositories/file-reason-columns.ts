import { fileReasonNotes } from '../../domain/file-reasons.ts';
import type { FileReasonNote } from '../../domain/schemas/file-reason.ts';

/**
 * A file's reason with its codes, to write both wherever a reason is written (decision 64): the ingest hands
 * over English sentences, their codes are read off them here, once, and kept beside them.
 */
export const reasonColumns = (reason: string | null) => ({
  reason,
  reason_codes: reason ? JSON.stringify(fileReasonNotes(reason)) : null,
});

/** The stored codes; for a row written before they were kept, the codes of its English reason. */
export const reasonNotesOf = (reason: string | null, stored: string | null): FileReasonNote[] =>
  stored === null ? fileReasonNotes(reason) : (JSON.parse(stored) as FileReasonNote[]);
