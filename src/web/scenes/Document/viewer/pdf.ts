import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';

type PdfJs = typeof import('pdfjs-dist');
let loading: Promise<PdfJs> | null = null;

/** pdf.js and its worker, loaded on the first document opened: readers of profiles never download them. */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(
    ([pdfjs, worker]) => {
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      return pdfjs;
    },
  );
  return loading;
}

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
    loadPdfJs()
      .then((pdfjs) => pdfjs.getDocument({ url, isEvalSupported: false }).promise)
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
