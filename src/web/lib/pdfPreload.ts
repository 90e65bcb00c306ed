type PdfJs = typeof import('pdfjs-dist');
let loading: Promise<PdfJs> | null = null;

/**
 * pdf.js and its worker, loaded on the first document opened: readers of profiles never download them. The
 * worker's script is fetched here into the HTTP cache (hashed, cached for a year), so pdf.js's own
 * `new Worker` finds it there instead of downloading it after the PDF. The worker itself stays pdf.js's to
 * start and end: a shared `workerPort` cannot be reused while a closed document's destroy is pending.
 */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(
    ([pdfjs, worker]) => {
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      void fetch(worker.default, { credentials: 'same-origin' }).catch(() => {});
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
