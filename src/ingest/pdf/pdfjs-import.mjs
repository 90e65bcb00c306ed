// pdf.js for Node, imported once per process by the extraction worker (before tsx is registered: through tsx
// pdf.js costs ~450 MB and seconds) and by load.ts (the ESM cache then hands it the same modules).
//
// Its worker module is imported with changes to its source (decisions 63, 71 and 73; the replacements are in
// pdfjs-patches.mjs), most of them dropping work that only drawing needs (no process of the server draws a
// page with pdf.js: OCR draws with pdftoppm):
// - getTextContent hands each font it loads to the API as an operator list does ("commonobj"), so a font's
//   real name (bold, italic, barcode) is known without evaluating the page's whole operator list, which
//   decodes every image;
// - an operator list builds no glyph outlines (with disableFontFace, pdf.js builds and posts one for every
//   glyph shown, for canvas drawing);
// - an operator list carries no text operators (decision 71): the text comes from getTextContent, and the
//   readers of operator lists (rules.ts, picture-areas.ts, extract-pdf.ts) look only at paths, images and
//   the transforms around them, none of which a text operator moves. They are dropped when a chunk is sent,
//   after pdf.js's optimizer has run, so every other operator and argument is as before; a page set one
//   glyph at a time ("Td Tj" per letter) had sent 400,000 of them to be cloned;
// - an image XObject is not decoded: its paint operator and arguments go into the list before pdf.js
//   decodes it (asynchronously, for canvas drawing), so the list is unchanged, and the API gets no pixels, as
//   for an image that failed to decode (picture-areas.ts and rules.ts read only where things are painted);
// - a font program is parsed as before (its encoding, widths, metrics and the checks that send a broken font
//   to the fallback path are what the text depends on) but not rebuilt into an OpenType file for drawing
//   (TrueType's new cmap and OS/2 tables and glyph remapping, Type 1/CFF's whole file: decision 71); the font
//   then has no `data`, which pdf.js reads only to draw glyphs or load a FontFace;
// - Flate streams are inflated by zlib in one call, not through a DecompressionStream (web streams over the
//   same zlib, chunk by chunk: 4–5 % of extraction time in the profile); a stream zlib refuses (truncated,
//   bad header) still falls back to pdf.js's own inflater, as when DecompressionStream refused it. The copy
//   keeps pdf.js's buffer its own (zlib's result may share Node's buffer pool, and pdf.js transfers buffers).
// - text content ends with one more chunk, without items, saying whether the page may paint an image (an
//   image XObject or inline image in its content or forms, a soft mask, an annotation that draws, or an error
//   that cut the scan short): extract-pdf.ts then reads operator lists for pictures only on such pages
//   (decision 73; every text page of a file with any image had been evaluated whole);
// - a page's structure tree reads each element's kids once per document, not once per page and ancestor, and
//   finds an element among its parent's kids through an index, not by scanning them per child (decision 73:
//   a tagged report's top-level element, thousands of kids, was read again for every page).
// - no font file is compiled from a CFF or Type 1 program either (CFFFont, Type1Font.wrap), and a composite
//   TrueType font's CMap is checked for CIDs over 65,535 (which send the font to the fallback path) without
//   building the glyph map that only the skipped remapping read (decision 73).
// - a glyph's text transform (asked twice per glyph by getTextContent) is Util.transform applied twice, term
//   for term, without the two intermediate arrays (decision 73; the same doubles).
// Where the changes cannot be applied (another pdf.js version), the unchanged module is imported and
// extract-pdf.ts reads operator lists for fonts as before: slower, same results.
//
// The legacy build bundles core-js, which on Node 20 *replaces* native built-ins for spec edge cases
// (Array.prototype.push 2.2× slower, JSON.parse, JSON.stringify, Function.prototype.toString) process-wide;
// pdf.js does not need those edge cases, so the natives are put back once both modules are loaded.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PATCHES, PRELUDE } from './pdfjs-patches.mjs';

const require = createRequire(import.meta.url);

/** The worker module's source with PATCHES applied, or null when one of them does not match exactly once. */
export function patchedWorkerSource(source) {
  let out = `${PRELUDE}${source}`;
  for (const [from, to] of PATCHES) {
    const at = out.indexOf(from);
    if (at < 0 || out.indexOf(from, at + 1) >= 0) return null;
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}

/** Whether text content sends its fonts (the patch applied): read by extract-pdf.ts and its test. */
export let textContentSendsFonts = false;

/**
 * The patched module as a file of its own in the temp directory, named by its content (written once, renamed
 * into place so workers starting together never read half a file). Not a data: URL: that keeps a second copy
 * of the 2.3 MB source alive (+25 MB RSS, measured).
 */
function patchedFile(code) {
  const name = `pdf.worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  // Under a node_modules folder: test runners (Vitest) then import it as Node does, not through their
  // transform (2.3 MB, seconds per test file).
  const dir = join(tmpdir(), 'cyberportal-pdfjs', 'node_modules');
  const file = join(dir, name);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const part = `${file}.${process.pid}.part`;
    writeFileSync(part, code);
    renameSync(part, file);
  }
  return file;
}

async function importWorker() {
  const path = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const patched = patchedWorkerSource(readFileSync(path, 'utf8'));
  if (patched !== null) {
    try {
      // sourceURL: stack traces and profiles name the published file (whose source map no longer fits).
      const code = `${patched.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')}//# sourceURL=${pathToFileURL(path).href}\n`;
      await import(pathToFileURL(patchedFile(code)).href);
      textContentSendsFonts = true;
      return;
    } catch {
      // (a temp directory that cannot be written) the module as published
    }
  }
  await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
}

async function importBoth() {
  const natives = {
    push: Array.prototype.push,
    parse: JSON.parse,
    stringify: JSON.stringify,
    toString: Function.prototype.toString,
  };
  try {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // The worker module registers itself as globalThis.pdfjsWorker: pdf.js then runs it in this thread.
    await importWorker();
    return pdfjs;
  } finally {
    Array.prototype.push = natives.push;
    JSON.parse = natives.parse;
    JSON.stringify = natives.stringify;
    Function.prototype.toString = natives.toString;
  }
}

let loading = null;

/** pdf.js's API module, its worker loaded (patched where possible); once per process. */
export function importPdfJs() {
  loading ??= importBoth();
  return loading;
}
