import type { FileRecord } from '../../../domain/schemas/file.ts';

const ORDER = ['ready', 'needs-ocr', 'processing', 'queued', 'failed'];

/** The files the viewer can show: a thumbnail is an image standing for a document, not one to read. */
export const readable = (files: readonly FileRecord[]) => files.filter((f) => f.role !== 'thumbnail');

/**
 * The file to show: the one the URL names, else the most readable one, one in the reader's language first
 * (a document may hold one file per language: the French and English versions of a strategy).
 */
export function pickFile(
  files: readonly FileRecord[],
  wanted: string | undefined,
  lang?: string,
): FileRecord | undefined {
  const named = wanted ? files.find((f) => f.id === wanted) : undefined;
  if (named && named.role !== 'thumbnail') return named;
  const rank = (f: FileRecord) => ORDER.indexOf(f.status) * 2 + (f.language === lang ? 0 : 1);
  return readable(files).sort((a, b) => rank(a) - rank(b))[0];
}

/** The languages a document can be read in: one file per language, the most readable of each. */
export function fileLanguages(files: readonly FileRecord[]): { language: string; file: FileRecord }[] {
  const out = new Map<string, FileRecord>();
  for (const f of readable(files).sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status)))
    if (f.language && !out.has(f.language)) out.set(f.language, f);
  return [...out].map(([language, file]) => ({ language, file }));
}
