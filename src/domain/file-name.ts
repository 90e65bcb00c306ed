import { cutText } from './cut-text.ts';

/** The longest file name kept, in UTF-16 code units (what most file systems and browsers accept). */
export const MAX_FILENAME_LENGTH = 255;

/**
 * Characters dropped from file names: C0/C1 controls, bidi embeddings/overrides/isolates/marks (which make
 * "invoice‮fdp.exe" display as "invoiceexe.pdf"), line/paragraph separators and the BOM. The zero-width joiner
 * stays: emoji sequences need it.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/** An extension worth keeping when a name is cut: a dot and up to 16 letters or digits at the end. */
const EXTENSION = /\.[\p{L}\p{N}]{1,16}$/u;

/**
 * A client-supplied file name as stored and served: its last path segment, without control or bidi
 * characters, at most MAX_FILENAME_LENGTH code units cut between characters, keeping the extension.
 */
export function cleanFilename(name: string): string {
  const last = name.replaceAll('\\', '/').split('/').pop() ?? '';
  const clean = last.replace(UNSAFE, '').trim();
  if (!clean || clean === '.' || clean === '..') return 'upload';
  if (clean.length <= MAX_FILENAME_LENGTH) return clean;
  const ext = EXTENSION.exec(clean)?.[0] ?? '';
  return cutText(clean.slice(0, clean.length - ext.length), MAX_FILENAME_LENGTH - ext.length) + ext;
}

/** RFC 5987 attr-chars stay; everything else (including ' ( ) *, which encodeURIComponent keeps) is %XX. */
const encodeRfc5987 = (text: string) =>
  encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A Content-Disposition header for a stored file name: an ASCII `filename` for old clients (anything outside
 * printable ASCII, quotes and backslashes become "_") and the exact name as RFC 5987 `filename*`.
 */
export function contentDisposition(disposition: 'inline' | 'attachment', filename: string): string {
  const name = cleanFilename(filename);
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
