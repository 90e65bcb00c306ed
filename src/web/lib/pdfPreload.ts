type PdfJs = typeof import('pdfjs-dist');
let loading: Promise<PdfJs> | null = null;

/**
 * pdf.js and its worker, loaded on the first document opened: readers of profiles never download them. The
 * worker is started here, not by the first getDocument, so its script downloads and compiles while the PDF
 * and the viewer's code are still on their way; every document of the visit then shares it.
 */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(
    ([pdfjs, worker]) => {
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      try {
        pdfjs.GlobalWorkerOptions.workerPort = new Worker(worker.default, { type: 'module' });
      } catch {
        // No module workers: pdf.js starts its own from workerSrc.
      }
      return pdfjs;
    },
  );
  return loading;
}

const early = new Map<string, Promise<ArrayBuffer>>();

/**
 * Starts downloading a PDF (and pdf.js) as soon as the first route knows which file it will show — before
 * the viewer's code has arrived — so the bytes and the code come in together instead of one after the other.
 */
export function preloadPdf(url: string): void {
  void loadPdfJs().catch(() => {});
  if (early.has(url)) return;
  const bytes = fetch(url, { credentials: 'same-origin' }).then((res) => {
    if (!res.ok) throw new Error(`${res.status}`);
    return res.arrayBuffer();
  });
  // A failed early download is not an error: the viewer fetches the file itself and reports what it gets.
  bytes.catch(() => early.delete(url));
  early.set(url, bytes);
}

/** The early download of `url`, once: pdf.js takes the buffer over, so a second viewer fetches again. */
export function takePreloadedPdf(url: string): Promise<ArrayBuffer> | undefined {
  const bytes = early.get(url);
  early.delete(url);
  return bytes;
}
