// pdf.js for Node, imported once per process by the extraction worker (before tsx is registered: through tsx
// pdf.js costs ~450 MB and seconds) and by load.ts (the ESM cache then hands it the same modules).
//
// Its worker module is imported with changes to its source (decisions 63 and 68), most of them dropping work
// that only drawing needs (no process of the server draws a page with pdf.js: OCR draws with pdftoppm):
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

const require = createRequire(import.meta.url);

/**
 * pdf.js's parseKids, parseKid and StructElement as this module's parsedKidsOf copies them (decision 73): matched
 * whole, so a pdf.js that reads kids otherwise is refused rather than read by an outdated copy.
 */
const PARSE_KIDS = `  parseKids() {
    let pageObjId = null;
    const objRef = this.dict.getRaw("Pg");
    if (objRef instanceof Ref) {
      pageObjId = objRef.toString();
    }
    const kids = this.dict.get("K");
    if (Array.isArray(kids)) {
      for (const kid of kids) {
        const element = this.parseKid(pageObjId, this.xref.fetchIfRef(kid));
        if (element) {
          this.kids.push(element);
        }
      }
    } else {
      const element = this.parseKid(pageObjId, kids);
      if (element) {
        this.kids.push(element);
      }
    }
  }
  parseKid(pageObjId, kid) {
    if (Number.isInteger(kid)) {
      if (this.tree.pageDict.objId !== pageObjId) {
        return null;
      }
      return new StructElement({
        type: StructElementType.PAGE_CONTENT,
        mcid: kid,
        pageObjId
      });
    }
    if (!(kid instanceof Dict)) {
      return null;
    }
    const pageRef = kid.getRaw("Pg");
    if (pageRef instanceof Ref) {
      pageObjId = pageRef.toString();
    }
    const type = kid.get("Type") instanceof Name ? kid.get("Type").name : null;
    if (type === "MCR") {
      if (this.tree.pageDict.objId !== pageObjId) {
        return null;
      }
      const kidRef = kid.getRaw("Stm");
      return new StructElement({
        type: StructElementType.STREAM_CONTENT,
        refObjId: kidRef instanceof Ref ? kidRef.toString() : null,
        pageObjId,
        mcid: kid.get("MCID")
      });
    }
    if (type === "OBJR") {
      if (this.tree.pageDict.objId !== pageObjId) {
        return null;
      }
      const kidRef = kid.getRaw("Obj");
      return new StructElement({
        type: StructElementType.OBJECT,
        refObjId: kidRef instanceof Ref ? kidRef.toString() : null,
        pageObjId
      });
    }
    return new StructElement({
      type: StructElementType.ELEMENT,
      dict: kid
    });
  }
}
class StructElement {
  constructor({
    type,
    dict = null,
    mcid = null,
    pageObjId = null,
    refObjId = null
  }) {
    this.type = type;
    this.dict = dict;
    this.mcid = mcid;
    this.pageObjId = pageObjId;
    this.refObjId = refObjId;
    this.parentNode = null;
  }
}
`;

/** [what the source says, what it says instead]; each must occur exactly once. */
const PATCHES = [
  [
    'const translated = await self.loadFont(fontName, fontRef, resources, task);\n      textState.loadedName = translated.loadedName;',
    'const translated = await self.loadFont(fontName, fontRef, resources, task);\n      if (!translated.font.isType3Font && self.handler) translated.send(self.handler);\n      textState.loadedName = translated.loadedName;',
  ],
  [
    'font.disableFontFace) {\n        PartialEvaluator.buildFontPaths(font, glyphs, this.handler, this.options);\n      }',
    'font.disableFontFace) {\n        // not drawn here: no glyph outlines\n      }',
  ],
  [
    '    PDFImage.buildImage({\n      xref: this.xref,',
    '    if (!DECODES_IMAGES) this._sendImgData(objId, null, cacheGlobally);\n    else PDFImage.buildImage({\n      xref: this.xref,',
  ],
  [
    '  flush(lastChunk = false, separateAnnots = null) {\n    this.optimizer.flush();\n    const length = this.length;',
    '  flush(lastChunk = false, separateAnnots = null) {\n    this.optimizer.flush();\n    if (!DRAWS_TEXT) dropTextOperators(this.fnArray, this.argsArray);\n    const length = this.length;',
  ],
  [
    '  handleText(chars, state) {\n    const font = state.font;\n    const glyphs = font.charsToGlyphs(chars);',
    '  handleText(chars, state) {\n    if (!DRAWS_TEXT) return [];\n    const font = state.font;\n    const glyphs = font.charsToGlyphs(chars);',
  ],
  [
    '    if (!properties.cssFontInfo) {\n      const newMapping = adjustMapping(charCodeToGlyphId, hasGlyph, glyphZeroId, this.toUnicode);',
    '    if (!properties.cssFontInfo && BUILDS_FONT_FILES) {\n      const newMapping = adjustMapping(charCodeToGlyphId, hasGlyph, glyphZeroId, this.toUnicode);',
  ],
  [
    '    const builder = new OpenTypeFileBuilder(header.version);\n    for (const tableTag in tables) {',
    '    if (!BUILDS_FONT_FILES) return undefined;\n    const builder = new OpenTypeFileBuilder(header.version);\n    for (const tableTag in tables) {',
  ],
  [
    '      adjustType1ToUnicode(properties, properties.builtInEncoding);\n    }\n    let glyphZeroId = 1;',
    '      adjustType1ToUnicode(properties, properties.builtInEncoding);\n    }\n    if (!BUILDS_FONT_FILES) return undefined;\n    let glyphZeroId = 1;',
  ],
  // Decision 73: text content says whether its page may paint an image (an image XObject or inline image in the
  // content or its forms, a soft mask's group, an annotation that draws, or an error that stopped the scan).
  [
    '                const globalImage = self.globalImageCache.getData(xobj, self.pageIndex);\n                if (globalImage) {\n',
    '                const globalImage = self.globalImageCache.getData(xobj, self.pageIndex);\n                if (globalImage) {\n                  self.mayPaintImage = true;\n',
  ],
  [
    '              if (type.name !== "Form") {\n                emptyXObjectCache.set(name, dict.objId, true);',
    '              if (type.name !== "Form") {\n                self.mayPaintImage = true;\n                emptyXObjectCache.set(name, dict.objId, true);',
  ],
  [
    '              if (self.options.ignoreErrors) {\n                warn(`getTextContent - ignoring XObject: ',
    '              if (self.options.ignoreErrors) {\n                self.mayPaintImage = true;\n                warn(`getTextContent - ignoring XObject: ',
  ],
  [
    '              const gStateFont = gState.get("Font");\n              if (!gStateFont) {',
    '              if (gState.get("SMask") instanceof Dict) self.mayPaintImage = true;\n              const gStateFont = gState.get("Font");\n              if (!gStateFont) {',
  ],
  [
    '              if (self.options.ignoreErrors) {\n                warn(`getTextContent - ignoring ExtGState: ',
    '              if (self.options.ignoreErrors) {\n                self.mayPaintImage = true;\n                warn(`getTextContent - ignoring ExtGState: ',
  ],
  [
    '          case OPS.beginMarkedContent:\n            flushTextContentItem();\n            if (includeMarkedContent) {\n              markedContentData.level++;',
    '          case OPS.endInlineImage:\n            self.mayPaintImage = true;\n            break;\n          case OPS.beginMarkedContent:\n            flushTextContentItem();\n            if (includeMarkedContent) {\n              markedContentData.level++;',
  ],
  [
    '      if (this.options.ignoreErrors) {\n        warn(`getTextContent - ignoring errors during ',
    '      if (this.options.ignoreErrors) {\n        this.mayPaintImage = true;\n        warn(`getTextContent - ignoring errors during ',
  ],
  [
    '    const partialEvaluator = this.#createPartialEvaluator(handler);\n    return partialEvaluator.getTextContent({\n      stream: contentStream,\n      task,\n      resources,\n      includeMarkedContent,\n      disableNormalization,\n      sink,\n      viewBox: this.view,\n      lang,\n      intersector\n    });\n',
    '    const partialEvaluator = this.#createPartialEvaluator(handler);\n    await partialEvaluator.getTextContent({\n      stream: contentStream,\n      task,\n      resources,\n      includeMarkedContent,\n      disableNormalization,\n      sink,\n      viewBox: this.view,\n      lang,\n      intersector\n    });\n    await sendMayPaintImage(this, partialEvaluator, sink);\n',
  ],
  // Decision 73: no font file is compiled from a CFF or Type 1 program, and a composite TrueType font's CMap
  // is only checked (its CIDs), not turned into a glyph map that only the skipped remapping reads.
  [
    '    try {\n      this.data = compiler.compile();\n    } catch {',
    '    if (!BUILDS_FONT_FILES) this.data = file;\n    else try {\n      this.data = compiler.compile();\n    } catch {',
  ],
  [
    '    this.data = this.wrap(name, type2Charstrings, this.charstrings, subrs, properties);',
    '    this.data = BUILDS_FONT_FILES ? this.wrap(name, type2Charstrings, this.charstrings, subrs, properties) : null;',
  ],
  [
    '    if (properties.composite) {\n      const cidToGidMap = properties.cidToGidMap || [];\n      const isCidToGidMapEmpty = cidToGidMap.length === 0;\n      properties.cMap.forEach(function (charCode, cid) {',
    '    if (properties.composite && !BUILDS_FONT_FILES) {\n      if (!(properties.cMap instanceof IdentityCMap)) properties.cMap.forEach(checkCid);\n    } else if (properties.composite) {\n      const cidToGidMap = properties.cidToGidMap || [];\n      const isCidToGidMapEmpty = cidToGidMap.length === 0;\n      properties.cMap.forEach(function (charCode, cid) {',
  ],
  // Decision 73: a glyph's text transform without the two arrays pdf.js allocated for it (same arithmetic).
  [
    '      const tsm = [textState.fontSize * textState.textHScale, 0, 0, textState.fontSize, 0, textState.textRise];\n      if (font.isType3Font && (textState.fontSize <= 1 || font.isCharBBox) && !isArrayEqual(textState.fontMatrix, FONT_IDENTITY_MATRIX)) {\n        const glyphHeight = font.bbox[3] - font.bbox[1];\n        if (glyphHeight > 0) {\n          tsm[3] *= glyphHeight * textState.fontMatrix[3];\n        }\n      }\n      return Util.transform(textState.ctm, Util.transform(textState.textMatrix, tsm));',
    '      let tsm3 = textState.fontSize;\n      if (font.isType3Font && (textState.fontSize <= 1 || font.isCharBBox) && !isArrayEqual(textState.fontMatrix, FONT_IDENTITY_MATRIX)) {\n        const glyphHeight = font.bbox[3] - font.bbox[1];\n        if (glyphHeight > 0) {\n          tsm3 *= glyphHeight * textState.fontMatrix[3];\n        }\n      }\n      return textTransform(textState.ctm, textState.textMatrix, textState.fontSize * textState.textHScale, tsm3, textState.textRise);',
  ],
  [
    '  static transform(m1, m2) {\n    return [m1[0] * m2[0] + m1[2] * m2[1], m1[1] * m2[0] + m1[3] * m2[1], m1[0] * m2[2] + m1[2] * m2[3], m1[1] * m2[2] + m1[3] * m2[3], m1[0] * m2[4] + m1[2] * m2[5] + m1[4], m1[1] * m2[4] + m1[3] * m2[5] + m1[5]];\n  }',
    '  static transform(m1, m2) {\n    return [m1[0] * m2[0] + m1[2] * m2[1], m1[1] * m2[0] + m1[3] * m2[1], m1[0] * m2[2] + m1[2] * m2[3], m1[1] * m2[2] + m1[3] * m2[3], m1[0] * m2[4] + m1[2] * m2[5] + m1[4], m1[1] * m2[4] + m1[3] * m2[5] + m1[5]];\n  }',
  ],
  // Decision 73: a page's structure tree without re-reading every ancestor's kids, nor scanning them per child.
  [
    '    let save = false;\n    for (const kid of parentNode.kids) {\n      if (kid.type === StructElementType.ELEMENT && kid.dict === dict) {\n        kid.parentNode = element;\n        save = true;\n      }\n    }',
    '    let save = false;\n    for (const kid of elementKidsOf(parentNode, dict)) {\n      kid.parentNode = element;\n      save = true;\n    }',
  ],
  [
    PARSE_KIDS,
    PARSE_KIDS.replace(
      '  parseKids() {\n',
      '  parseKids() {\n    if (PARSES_KIDS_ONCE) {\n      for (const kid of parsedKidsOf(this)) {\n        if (kid.type !== StructElementType.ELEMENT && this.tree.pageDict.objId !== kid.pageObjId) continue;\n        this.kids.push(new StructElement(kid));\n      }\n      return;\n    }\n',
    ),
  ],
  [
    '    try {\n      const {\n        readable,\n        writable\n      } = new DecompressionStream(name);',
    '    try {\n      if (name === "deflate") return { decompressed: inflate(bytes), compressed: bytes };\n      const {\n        readable,\n        writable\n      } = new DecompressionStream(name);',
  ],
];

/**
 * Prepended: images are not decoded; font programs are not rebuilt into font files; text operators are dropped
 * from operator lists (looked up in pdf.js's OPS when first needed); zlib's output as an ArrayBuffer of its own
 * (copied only if shared).
 * A stream zlib refuses throws an Error that Node's stream code asks the stack of, which under tsx's source
 * maps parses them (4.5 % of extraction time, profiled): the error is dropped anyway, so it has no frames.
 */
const PRELUDE = `const DECODES_IMAGES = false;
const BUILDS_FONT_FILES = false;
const DRAWS_TEXT = false;
let textOperators = null;
const dropTextOperators = (fnArray, argsArray) => {
  textOperators ??= new Set([
    OPS.beginText, OPS.endText, OPS.setCharSpacing, OPS.setWordSpacing, OPS.setHScale, OPS.setLeading,
    OPS.setFont, OPS.setTextRenderingMode, OPS.setTextRise, OPS.moveText, OPS.setLeadingMoveText,
    OPS.setTextMatrix, OPS.nextLine, OPS.showText, OPS.showSpacedText, OPS.nextLineShowText,
    OPS.nextLineSetSpacingShowText, OPS.setCharWidth, OPS.setCharWidthAndBounds,
  ]);
  let kept = 0;
  for (let i = 0; i < fnArray.length; i++) {
    if (textOperators.has(fnArray[i])) continue;
    fnArray[kept] = fnArray[i];
    argsArray[kept++] = argsArray[i];
  }
  fnArray.length = kept;
  argsArray.length = kept;
};
const PARSES_KIDS_ONCE = true;
/**
 * Util.transform(ctm, Util.transform(tm, [a, 0, 0, d, 0, f])) term for term, in the same order (so the same
 * doubles), with the zeros as zeros and no array but the result: getTextContent asks it twice per glyph.
 */
const textTransform = (m1, m, t0, t3, t5) => {
  const t1 = 0, t2 = 0, t4 = 0;
  const a = m[0] * t0 + m[2] * t1;
  const b = m[1] * t0 + m[3] * t1;
  const c = m[0] * t2 + m[2] * t3;
  const d = m[1] * t2 + m[3] * t3;
  const e = m[0] * t4 + m[2] * t5 + m[4];
  const f = m[1] * t4 + m[3] * t5 + m[5];
  return [m1[0] * a + m1[2] * b, m1[1] * a + m1[3] * b, m1[0] * c + m1[2] * d, m1[1] * c + m1[3] * d, m1[0] * e + m1[2] * f + m1[4], m1[1] * e + m1[3] * f + m1[5]];
};
/** checkAndRepair's test of a composite font's CMap, without the glyph map it built alongside (an error sends the font to the fallback path). */
const checkCid = (charCode, cid) => {
  if (typeof cid === "string") cid = convertCidString(charCode, cid, true);
  if (cid > 0xffff) throw new FormatError("Max size of CID is 65,535");
};
/**
 * After a page's text content, one more chunk (no items, so getTextContent's result is unchanged) says whether
 * the page may paint an image: operator lists are then read for pictures only where one may be.
 */
const sendMayPaintImage = async (page, evaluator, sink) => {
  if (!sink) return;
  let may = evaluator.mayPaintImage === true;
  if (!may) {
    try {
      if (page.annotations.length > 0) {
        const annotations = await page._parsedAnnotations;
        may = annotations.some(
          (a) => a.appearance || a.data.hasOwnCanvas || a.data.annotationType === AnnotationType.WIDGET,
        );
      }
    } catch {
      may = true;
    }
  }
  sink.enqueue({ items: [], styles: Object.create(null), lang: null, mayPaintImage: may }, 0);
};
/** A struct element's kids as parseKid reads them, before its per-page filter: read once per element dict. */
const parsedKids = new WeakMap();
const parsedKidOf = (pageObjId, kid) => {
  if (Number.isInteger(kid)) return { type: StructElementType.PAGE_CONTENT, mcid: kid, pageObjId };
  if (!(kid instanceof Dict)) return null;
  const pageRef = kid.getRaw("Pg");
  if (pageRef instanceof Ref) pageObjId = pageRef.toString();
  const type = kid.get("Type") instanceof Name ? kid.get("Type").name : null;
  if (type === "MCR") {
    const kidRef = kid.getRaw("Stm");
    return {
      type: StructElementType.STREAM_CONTENT,
      refObjId: kidRef instanceof Ref ? kidRef.toString() : null,
      pageObjId,
      mcid: kid.get("MCID"),
    };
  }
  if (type === "OBJR") {
    const kidRef = kid.getRaw("Obj");
    return { type: StructElementType.OBJECT, refObjId: kidRef instanceof Ref ? kidRef.toString() : null, pageObjId };
  }
  return { type: StructElementType.ELEMENT, dict: kid };
};
const parsedKidsOf = (node) => {
  let list = parsedKids.get(node.dict);
  if (list) return list;
  list = [];
  let pageObjId = null;
  const objRef = node.dict.getRaw("Pg");
  if (objRef instanceof Ref) pageObjId = objRef.toString();
  const kids = node.dict.get("K");
  for (const kid of Array.isArray(kids) ? kids : [kids]) {
    const parsed = parsedKidOf(pageObjId, Array.isArray(kids) ? node.xref.fetchIfRef(kid) : kid);
    if (parsed) list.push(parsed);
  }
  parsedKids.set(node.dict, list);
  return list;
};
/** A node's element kids whose dict is the given one, by an index built once per node (pdf.js scanned all kids per child). */
const elementKidsOf = (node, dict) => {
  let byDict = node.elementKidsByDict;
  if (!byDict) {
    byDict = node.elementKidsByDict = new Map();
    for (const kid of node.kids) {
      if (kid.type !== StructElementType.ELEMENT) continue;
      const same = byDict.get(kid.dict);
      if (same) same.push(kid);
      else byDict.set(kid.dict, [kid]);
    }
  }
  return byDict.get(dict) ?? [];
};
const { inflateSync } = process.getBuiltinModule('node:zlib');
const inflate = (bytes) => {
  const frames = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const b = inflateSync(bytes);
    return b.byteLength === b.buffer.byteLength ? new Uint8Array(b.buffer) : new Uint8Array(b);
  } finally {
    Error.stackTraceLimit = frames;
  }
};
`;

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
