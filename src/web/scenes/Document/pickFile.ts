import type { FileRecord } from '../../../domain/schemas/file.ts';

const ORDER = ['ready', 'needs-ocr', 'processing', 'queued', 'failed'];

/** The file to show: the one the URL names, else the first readable one (an entity may have several). */
export function pickFile(files: readonly FileRecord[], wanted: string | undefined): FileRecord | undefined {
  const named = wanted ? files.find((f) => f.id === wanted) : undefined;
  if (named) return named;
  return [...files].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status))[0];
}
