import type { FileKind } from '../domain/schemas/file.ts';
import { detectKindFromSample } from '../ingest/detect-kind.ts';

/**
 * A file's kind at upload, from the first and last bytes file-storage kept: the same detector ingestion uses
 * on the whole file (ingest/detect-kind.ts), so the two agree; ingestion stores the kind it used.
 */
export function detectFileKind(head: Buffer, tail: Buffer = head, size: number = head.length): FileKind {
  return detectKindFromSample(head, tail, size).kind;
}
