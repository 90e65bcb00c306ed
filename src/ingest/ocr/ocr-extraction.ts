/** An `ocr-file` job's work in the extraction worker: the scan read by OCR, as an Extraction to write. */
import { assignLanguages } from '../extract-document.ts';
import { detectLanguage } from '../language.ts';
import { readPdfLines } from '../pdf/extract-pdf.ts';
import { tocFromHeadings } from '../toc.ts';
import type { Extraction, ProgressCallback } from '../types.ts';
import { ocrPdf } from './ocr-pdf.ts';

export type OcrRequest = {
  /** Tesseract language to read in; null to detect it. */
  language: string | null;
  /** The document's language (ISO 639-1), tried first when detecting. */
  hint: string | null;
  /** Limit on each page's drawing and reading. */
  pageTimeoutMs: number;
  dpi?: number;
};

const NOTE_START = 'Text recognised by OCR';

const pageList = (pages: number[]) =>
  `${pages.length === 1 ? 'page' : 'pages'} ${pages.slice(0, 20).join(', ')}${pages.length > 20 ? '…' : ''}`;

/** Said on every OCR'd file: readers should know the text is a machine's reading of pictures. */
export const ocrNote = (lang: string, emptyPages: number[], partly: number[] | null = null) =>
  `${NOTE_START} (tesseract, language ${lang})${partly ? ` on ${pageList(partly)}` : ''}; it may contain recognition errors.` +
  (emptyPages.length
    ? ` No text was found on ${emptyPages.length === 1 ? 'page' : 'pages'} ${emptyPages.slice(0, 20).join(', ')}${emptyPages.length > 20 ? '…' : ''}.`
    : '');

/** Whether a file's note (its `reason`) says its text came from OCR. */
export const isOcrText = (reason: string | null) => reason?.startsWith(NOTE_START) ?? false;

export async function ocrExtraction(
  bytes: Uint8Array,
  req: OcrRequest,
  onProgress: ProgressCallback,
): Promise<Extraction> {
  // A missing program or a page over its limit throws OcrToolError: the worker reports its message, and
  // the runner fails the file keeping whatever text it had.
  // Pages with a text layer keep it (a scanned page inside a text PDF); the others are read by OCR.
  const keep = await readPdfLines(bytes);
  const kept = keep?.flatMap((p) => p.lines.map((l) => l.text)).join('\n') ?? '';
  const hint = (kept.trim() ? detectLanguage(kept) : null) ?? req.hint;
  const r = await ocrPdf(bytes, { ...req, hint, keep, onProgress });
  const language = assignLanguages(r.fullText, r.paragraphs);
  const partly = r.ocrPages.length < r.pages.length ? r.ocrPages : null;
  return {
    status: 'ready',
    reason: ocrNote(
      r.ocrLanguage,
      r.emptyPages.filter((n) => r.ocrPages.includes(n)),
      partly,
    ),
    kind: 'pdf',
    language,
    fullText: r.fullText,
    pages: r.pages,
    paragraphs: r.paragraphs,
    toc: { source: 'headings', entries: tocFromHeadings(r.paragraphs, r.sizes) },
  };
}
