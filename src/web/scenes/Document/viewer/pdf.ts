import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';

import { loadPdfJs, takePreloadedPdf } from '../../../lib/pdfPreload.ts';

export { loadPdfJs };

export type PdfState =
  | { status: 'loading'; doc: null; error: null }
  | { status: 'ready'; doc: PDFDocumentProxy; error: null }
  | { status: 'error'; doc: null; error: Error };

/** The parsed PDF at `url` (null: not a PDF), destroyed when the viewer leaves it. */
export function usePdfDocument(url: string | null): PdfState {
  const [state, setState] = useState<PdfState>({ status: 'loading', doc: null, error: null });
  useEffect(() => {
    if (!url) return;
    let cancelled = false;
    let doc: PDFDocumentProxy | null = null;
    setState({ status: 'loading', doc: null, error: null });
    // Opened early by the prefetch (first visit to this URL), else here; pdf.js then streams the file and
    // draws page 1 before the rest has arrived.
    const open = () =>
      loadPdfJs().then(
        (pdfjs) => pdfjs.getDocument({ url, isEvalSupported: false, disableAutoFetch: true }).promise,
      );
    (takePreloadedPdf(url)?.catch(open) ?? open())
      .then((d) => {
        doc = d;
        if (cancelled) void d.destroy();
        else setState({ status: 'ready', doc: d, error: null });
      })
      .catch((error: Error) => {
        if (!cancelled) setState({ status: 'error', doc: null, error });
      });
    return () => {
      cancelled = true;
      void doc?.destroy();
    };
  }, [url]);
  return state;
}
