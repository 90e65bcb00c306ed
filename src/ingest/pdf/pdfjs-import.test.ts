/**
 * pdf.js's worker module as this project imports it (pdfjs-import.mjs, decision 63): its changes apply to the
 * installed version (an upgrade that moves the patched lines fails here, not silently slower), and a text
 * page's fonts — bold and italic from their names — are known from its text content alone, without the
 * operator list that used to be read for them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPdfLines } from './extract-pdf.ts';
import { loadPdfJs, openPdf } from './load.ts';
import { patchedWorkerSource, textContentSendsFonts } from './pdfjs-import.mjs';
import { readTextContent } from './text-content.ts';

/** Page 1 in Helvetica with a bold line, page 2 in Times Italic: each page brings fonts not met before. */
async function twoPagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const italic = await doc.embedFont(StandardFonts.TimesRomanItalic);
  const one = doc.addPage([595, 842]);
  one.drawText('Cybersecurity strategy', { x: 72, y: 760, size: 11, font: bold });
  one.drawText('The national authority publishes its plan every year.', {
    x: 72,
    y: 740,
    size: 11,
    font: regular,
  });
  const two = doc.addPage([595, 842]);
  two.drawText('Annex: a note in italics.', { x: 72, y: 760, size: 11, font: italic });
  return doc.save();
}

describe('pdf.js worker module, patched (decision 63)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('applies every change to the installed pdf.js', async () => {
    const path = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const source = readFileSync(path, 'utf8');
    const patched = patchedWorkerSource(source);
    expect(patched).not.toBeNull();
    expect(patched).toContain('translated.send(self.handler)');
    expect(patched).toContain('return { decompressed: inflate(bytes), compressed: bytes };');
    expect(patched).toContain('if (!DECODES_IMAGES) this._sendImgData(objId, null, cacheGlobally);');
    // No OpenType file is rebuilt from a font program: TrueType (checkAndRepair) and Type 1/CFF (convert).
    expect(patched).toContain('if (!properties.cssFontInfo && BUILDS_FONT_FILES) {');
    expect(patched?.match(/if \(!BUILDS_FONT_FILES\) return undefined;/g)).toHaveLength(2);
    // Operator lists carry no text: no glyphs built for them, no text operators sent (decision 71).
    expect(patched).toContain('if (!DRAWS_TEXT) return [];');
    expect(patched).toContain('if (!DRAWS_TEXT) dropTextOperators(this.fnArray, this.argsArray);');
    expect(patched).not.toContain(
      'PartialEvaluator.buildFontPaths(font, glyphs, this.handler, this.options)',
    );
    // Text content tells whether its page may paint an image; struct kids are read once per element (decision 73).
    expect(patched).toContain('await sendMayPaintImage(this, partialEvaluator, sink);');
    expect(patched?.match(/self\.mayPaintImage = true;/g)).toHaveLength(6);
    expect(patched).toContain('for (const kid of elementKidsOf(parentNode, dict)) {');
    expect(patched).toContain('for (const kid of parsedKidsOf(this)) {');
    // No CFF or Type 1 font file compiled; a composite font's CMap only checked (decision 73).
    expect(patched).toContain('if (!BUILDS_FONT_FILES) this.data = file;');
    expect(patched).toContain('this.data = BUILDS_FONT_FILES ? this.wrap(');
    expect(patched).toContain('properties.cMap.forEach(checkCid);');
    // A glyph's text transform computed as Util.transform twice, which it must still be (decision 73).
    expect(patched).toContain('return textTransform(textState.ctm, textState.textMatrix,');
    expect(
      patchedWorkerSource(
        source.replace('m1[0] * m2[4] + m1[2] * m2[5] + m1[4]', 'm1[4] + m1[0] * m2[4] + m1[2] * m2[5]'),
      ),
    ).toBeNull();
    // pdf.js's own reading of kids, which parsedKidsOf copies, must be the one matched.
    expect(
      patchedWorkerSource(source.replace('mcid: kid.get("MCID")', 'mcid: kid.get("MCID") ?? 0')),
    ).toBeNull();
    // A source the changes do not fit is refused whole (the published module is then used as it is).
    expect(
      patchedWorkerSource(source.replace('textState.loadedName = translated.loadedName;', '')),
    ).toBeNull();
    await loadPdfJs();
    expect(textContentSendsFonts).toBe(true);
  });

  it('gives each text page its fonts from the text content, without an operator list', async () => {
    const bytes = await twoPagePdf();
    const opened = await openPdf(bytes);
    if (!opened.ok) throw new Error(opened.reason);
    const page = await opened.doc.getPage(1);
    const content = await page.getTextContent();
    const names = new Set(content.items.flatMap((i) => ('fontName' in i ? [i.fontName] : [])));
    expect(names.size).toBe(2);
    const fonts = [...names].map((n) => page.commonObjs.get(n) as { name: string; bold: boolean });
    expect(fonts.map((f) => f.name).sort()).toEqual(['Helvetica', 'Helvetica-Bold']);
    // Extraction reads no operator list on these pages (no table, no picture) and still tells bold and italic.
    const getOperatorList = vi.spyOn(Object.getPrototypeOf(page), 'getOperatorList');
    await opened.destroy();
    const pages = await readPdfLines(bytes);
    expect(getOperatorList).not.toHaveBeenCalled();
    const lines = pages!.flatMap((p) => p.lines.map((l) => [l.page, l.text, l.bold, l.italic]));
    expect(lines).toEqual([
      [1, 'Cybersecurity strategy', true, false],
      [1, 'The national authority publishes its plan every year.', false, false],
      [2, 'Annex: a note in italics.', false, true],
    ]);
  });

  it('sends operator lists without text operators, the paths and their transforms kept', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    page.drawText('Table 1', { x: 72, y: 760, size: 11, font });
    page.drawLine({ start: { x: 72, y: 750 }, end: { x: 520, y: 750 }, thickness: 1 });
    const opened = await openPdf(await doc.save());
    if (!opened.ok) throw new Error(opened.reason);
    try {
      const { OPS } = await loadPdfJs();
      const ops = await (await opened.doc.getPage(1)).getOperatorList();
      const text = [OPS.beginText, OPS.setFont, OPS.setTextMatrix, OPS.showText, OPS.endText];
      expect(ops.fnArray.filter((fn) => text.includes(fn))).toEqual([]);
      expect(ops.fnArray).toContain(OPS.constructPath);
      expect(ops.fnArray.length).toBe(ops.argsArray.length);
      // The text is still there for getTextContent.
      const content = await (await opened.doc.getPage(1)).getTextContent();
      expect(content.items.map((i) => ('str' in i ? i.str : ''))).toContain('Table 1');
    } finally {
      await opened.destroy();
    }
  });

  it('says which pages may paint an image, the text content unchanged', async () => {
    // A 1×1 grey PNG.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==',
      'base64',
    );
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const image = await doc.embedPng(png);
    doc.addPage([595, 842]).drawText('Text only', { x: 72, y: 760, size: 11, font });
    const pictured = doc.addPage([595, 842]);
    pictured.drawText('A figure', { x: 72, y: 760, size: 11, font });
    pictured.drawImage(image, { x: 72, y: 400, width: 200, height: 200 });
    // An inline image (BI … ID … EI) in the content stream itself.
    const inline = doc.addPage([595, 842]);
    inline.drawText('Inline', { x: 72, y: 760, size: 11, font });
    const stream = doc.context.stream('q 200 0 0 200 72 400 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q');
    inline.node.set(PDFName.of('Contents'), doc.context.register(stream));
    const opened = await openPdf(await doc.save());
    if (!opened.ok) throw new Error(opened.reason);
    try {
      const seen = [];
      for (const n of [1, 2, 3]) {
        const page = await opened.doc.getPage(n);
        const read = await readTextContent(page, { includeMarkedContent: true });
        expect(read.content).toEqual(await page.getTextContent({ includeMarkedContent: true }));
        seen.push(read.mayPaintImage);
      }
      expect(seen).toEqual([false, true, true]);
    } finally {
      await opened.destroy();
    }
  });
});
