// Only the worker's address (a string in this chunk): the worker itself is fetched on a document page only.

import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

type PdfJs = typeof import('pdfjs-dist');
let loading: Promise<PdfJs> | null = null;

/**
 * pdf.js and its worker, loaded on the first document opened: readers of profiles never download them. The
 * worker's script is fetched at once, beside pdf.js, into the HTTP cache (hashed, cached for a year), so
 * pdf.js's own `new Worker` finds it there instead of downloading it after pdf.js and the PDF. The worker
 * itself stays pdf.js's to start and end: a shared `workerPort` cannot be reused while a closed document's
 * destroy is pending.
 */
export function loadPdfJs(): Promise<PdfJs> {
  if (!loading) {
    void fetch(workerUrl, { credentials: 'same-origin' }).catch(() => {});
    loading = import('pdfjs-dist').then((pdfjs) => {
      pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
      return pdfjs;
    });
  }
  return loading;
}

const early = new Map<string, Promise<PDFDocumentProxy>>();

/**
 * Starts downloading a PDF (and pdf.js) as soon as the first route knows which file it will show — before
 * the viewer's code has arrived — and has pdf.js parse it as soon as both are in, so the viewer gets a
 * document ready to draw instead of starting the download, the worker and the parse one after the other.
 */
export function preloadPdf(url: string): void {
  if (early.has(url)) return;
  const bytes = fetch(url, { credentials: 'same-origin' }).then((res) => {
    if (!res.ok) throw new Error(`${res.status}`);
    return res.arrayBuffer();
  });
  const doc = Promise.all([loadPdfJs(), bytes]).then(
    ([pdfjs, data]) => pdfjs.getDocument({ data, isEvalSupported: false }).promise,
  );
  // A failed early open is not an error: the viewer opens the file itself and reports what it gets.
  doc.catch(() => early.delete(url));
  early.set(url, doc);
}

/** The early-opened document at `url`, once: whoever takes it owns it (and destroys it). */
export function takePreloadedPdf(url: string): Promise<PDFDocumentProxy> | undefined {
  const doc = early.get(url);
  early.delete(url);
  return doc;
}
