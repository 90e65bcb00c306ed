/**
 * pdf.js in Node: the legacy build (the modern one needs DOMMatrix), loaded on first use. In Node pdf.js runs
 * its "fake worker" in this thread (no worker_threads), which is what we want for one file at a time.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { importPdfJs } from './pdfjs-import.mjs';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** pdf.js, its worker module patched where possible (pdfjs-import.mjs, decision 63); loaded once per process. */
export function loadPdfJs(): Promise<PdfJs> {
  return importPdfJs();
}

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
// pdf.js reads these through fs in Node; they must end with a slash.
const STANDARD_FONTS = `${join(pdfjsRoot, 'standard_fonts')}/`;
const CMAPS = `${join(pdfjsRoot, 'cmaps')}/`;

export type OpenResult =
  | { ok: true; doc: PdfDocument; destroy: () => Promise<void> }
  | { ok: false; reason: string };

export const REASONS = {
  password: 'The PDF is password-protected: upload an unprotected copy.',
  truncated:
    'The PDF is incomplete (it stops before its end, so the upload or download was probably cut off): upload the complete file.',
  damaged:
    'The PDF is damaged and cannot be read: open it in a PDF reader and save or print it again as PDF, then upload that copy.',
  noPages: 'The PDF has no pages.',
} as const;

/** A complete PDF ends with "%%EOF" (perhaps followed by a line end or some junk); look in the last 1 KB. */
export function looksTruncated(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-1024);
  return !tail.includes('%%EOF');
}

export async function openPdf(bytes: Uint8Array): Promise<OpenResult> {
  const pdfjs = await loadPdfJs();
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: STANDARD_FONTS,
    cMapUrl: CMAPS,
    cMapPacked: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const doc = await task.promise;
    return { ok: true, doc, destroy: () => task.destroy() };
  } catch (error) {
    await task.destroy().catch(() => undefined);
    return { ok: false, reason: reasonFor(error, bytes) };
  }
}

export function reasonFor(error: unknown, bytes: Uint8Array): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return REASONS.password;
  return looksTruncated(bytes) ? REASONS.truncated : REASONS.damaged;
}
