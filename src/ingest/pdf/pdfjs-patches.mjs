// The source changes pdfjs-import.mjs applies to pdf.js's worker module (decisions 63, 71 and 73; what each
// does and why is said there and in docs/ARCHITECTURE.md): PATCHES are exact replacements, each of which must
// match once; PRELUDE is prepended and defines what the replacements call.

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
export const PATCHES = [
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
export const PRELUDE = `const DECODES_IMAGES = false;
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
