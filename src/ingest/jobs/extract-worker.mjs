// Extraction child-process entry (extract-client.ts). pdf.js is imported before tsx's loader is registered: through tsx it takes ~450 MB and
// seconds to load, plainly ~100 MB (bench/ingest notes). The ESM cache then hands src/ingest/pdf/load.ts the
// same modules (pdfjs-import.mjs: the worker module patched, core-js's replaced natives put back).
import { register } from 'tsx/esm/api';
import { importPdfJs } from '../pdf/pdfjs-import.mjs';

await importPdfJs();
register();
await import('./extract-worker.ts');
