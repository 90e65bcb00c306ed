import { parentPort } from 'node:worker_threads';
import { extractDocument, stableParagraphKeys } from '../extract-document.ts';

/** Messages the runner sends: extract these bytes. */
export type ExtractRequest = { id: number; bytes: Uint8Array; filename: string; maxBytes: number };

// pdf.js parsing is CPU-bound for seconds on large files; in a worker it never stalls the HTTP loop.
parentPort?.on('message', async (req: ExtractRequest) => {
  try {
    const result = await extractDocument({
      bytes: req.bytes,
      filename: req.filename,
      maxBytes: req.maxBytes,
      onProgress: (done: number, total: number) =>
        parentPort?.postMessage({ id: req.id, progress: done / total }),
    });
    // Keys over the whole list: a repeated paragraph text gets "#2", "#3", so each keeps its own id.
    const keys = stableParagraphKeys(result.paragraphs.map((p) => p.text));
    const paragraphs = result.paragraphs.map((p, i) => ({ ...p, key: keys[i] }));
    parentPort?.postMessage({ id: req.id, result: { ...result, paragraphs } });
  } catch (err) {
    // extractDocument reports bad input as a status; reaching here is a bug, reported as such.
    parentPort?.postMessage({
      id: req.id,
      error: `Internal error while extracting: ${(err as Error).message}`,
    });
  }
});
