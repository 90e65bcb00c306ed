// Extraction child-process entry (extract-client.ts). pdf.js is imported before tsx's loader is registered: through tsx it takes ~450 MB and
// seconds to load, plainly ~100 MB (bench/ingest notes). The ESM cache then hands src/ingest/pdf/load.ts the
// same module. Its core-js polyfills replace a few natives process-wide; they are put back, as load.ts does.
import { register } from 'tsx/esm/api';

const natives = {
  push: Array.prototype.push,
  parse: JSON.parse,
  stringify: JSON.stringify,
  toString: Function.prototype.toString,
};
try {
  await import('pdfjs-dist/legacy/build/pdf.mjs');
  await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
} finally {
  Array.prototype.push = natives.push;
  JSON.parse = natives.parse;
  JSON.stringify = natives.stringify;
  Function.prototype.toString = natives.toString;
}
register();
await import('./extract-worker.ts');
