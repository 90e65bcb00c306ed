/**
 * Fonts for the samples the standard PDF fonts cannot draw (WinAnsi only): Arabic, Chinese and Russian, from
 * Debian's Noto packages (fonts-noto-core, fonts-noto-cjk), embedded as subsets through fontkit, which also
 * shapes Arabic (joining forms, lam-alef). What a PDF reader extracts is what the truth says: the samples'
 * search tests depend on it.
 */
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import type { FontSet } from './fonts.ts';

export type Script = 'arabic' | 'cjk' | 'cyrillic';

const NOTO = '/usr/share/fonts/truetype/noto';
const NOTO_CJK = '/usr/share/fonts/opentype/noto';

/** The script a sample in `language` is drawn in, or null for the WinAnsi languages (en, fr, es). */
export function scriptOf(language: string): Script | null {
  return language === 'ar' ? 'arabic' : language === 'zh' ? 'cjk' : language === 'ru' ? 'cyrillic' : null;
}

/**
 * One font of a TrueType/OpenType collection as a standalone font file: pdf-lib embeds single fonts only,
 * and Debian ships Noto Sans CJK as a collection (JP, KR, SC, TC, HK). The table directory is rewritten
 * with the tables copied after it (tables the collection shares are simply copied for this font).
 */
export function fontFromCollection(ttc: Uint8Array, postscriptName: string): Uint8Array {
  const collection = fontkit.create(ttc as Buffer) as unknown as { fonts: { postscriptName: string }[] };
  const index = collection.fonts.findIndex((f) => f.postscriptName === postscriptName);
  if (index < 0) throw new Error(`font ${postscriptName} is not in the collection`);
  const view = new DataView(ttc.buffer, ttc.byteOffset, ttc.byteLength);
  const at = view.getUint32(12 + 4 * index);
  const count = view.getUint16(at + 4);
  const tables = Array.from({ length: count }, (_, i) => {
    const r = at + 12 + 16 * i;
    return {
      tag: view.getUint32(r),
      sum: view.getUint32(r + 4),
      offset: view.getUint32(r + 8),
      length: view.getUint32(r + 12),
    };
  });
  const padded = (n: number) => (n + 3) & ~3;
  const out = new Uint8Array(12 + 16 * count + tables.reduce((s, t) => s + padded(t.length), 0));
  const outView = new DataView(out.buffer);
  out.set(ttc.subarray(at, at + 12), 0);
  let pos = 12 + 16 * count;
  tables.forEach((t, i) => {
    const r = 12 + 16 * i;
    outView.setUint32(r, t.tag);
    outView.setUint32(r + 4, t.sum);
    outView.setUint32(r + 8, pos);
    outView.setUint32(r + 12, t.length);
    out.set(ttc.subarray(t.offset, t.offset + t.length), pos);
    pos += padded(t.length);
  });
  return out;
}

const cache = new Map<string, Uint8Array>();
function fontFile(path: string, inCollection?: string): Uint8Array {
  const key = `${path}#${inCollection ?? ''}`;
  let bytes = cache.get(key);
  if (!bytes) {
    const raw = new Uint8Array(readFileSync(path));
    bytes = inCollection ? fontFromCollection(raw, inCollection) : raw;
    cache.set(key, bytes);
  }
  return bytes;
}

type Glyph = { codePoints: number[] };
type Layout = (text: string, features?: unknown) => { glyphs: Glyph[] };
/** pdf-lib keeps the fontkit font private; the demo renderer reaches it for the two fixes below. */
const fontkitFontOf = (font: PDFFont) =>
  (font as unknown as { embedder: { font: { layout: Layout } } }).embedder.font;

/**
 * Arabic is drawn in visual order (right to left), so a reader reverses what it extracts; a ligature's text
 * (lam-alef: "لا") would come out reversed inside it ("ال") unless it is stored reversed too. The glyph
 * objects are fontkit's own, shared by every later layout of the same glyph, so each is turned once.
 */
function reverseLigatureText(font: PDFFont): void {
  const embedded = fontkitFontOf(font);
  const layout = embedded.layout.bind(embedded);
  const turned = new WeakSet<Glyph>();
  embedded.layout = (text: string, features?: unknown) => {
    const run = layout(text, features);
    for (const g of run.glyphs)
      if (g.codePoints.length > 1 && !turned.has(g)) {
        g.codePoints = [...g.codePoints].reverse();
        turned.add(g);
      }
    return run;
  };
}

type CffTable = {
  topDict: { FDArray: { Private?: { Subrs?: unknown[] } }[] };
  fdForGlyph(gid: number): number | null;
};
type CffSubset = {
  cff: CffTable & { length: number };
  glyphs: number[];
  font: { getGlyph(gid: number): { path: unknown; _usedSubrs: Record<string, boolean> } };
  subsetSubrs(subrs: unknown[], used: Record<string, boolean>): unknown[];
  subsetFontdict(topDict: Record<string, unknown>): void;
};

/**
 * @pdf-lib/fontkit 1.1.1 writes a broken subset of a CID-keyed CFF font (Noto Sans CJK has 19 font dicts):
 * its FDSelect gives each glyph the font dict added last instead of its own, so the glyph calls local
 * subroutines of the wrong dict (pdf.js: "Out of bounds subrIndex", then "Failed to load font" and a blank
 * page; poppler: "Embedded font file may be invalid"), and its header's offSize is the CFF table's length
 * (OTS: "Bad offSize"). The embedder's subset is replaced, before the document is saved, by one that maps
 * each glyph to its own dict and keeps each dict's subroutines, with a valid offSize (4, as fontkit 2 does).
 */
function repairCidKeyedSubset(font: PDFFont): void {
  const subset = (font as unknown as { embedder: { subset: CffSubset } }).embedder.subset;
  const cff = subset.cff;
  subset.cff = Object.create(cff, { length: { value: 4 } });
  subset.subsetFontdict = function subsetFontdict(topDict) {
    const fdArray: { Private?: { Subrs?: unknown[] } }[] = [];
    const fds: number[] = [];
    const newIndex = new Map<number, number>();
    const usedSubrs: Record<string, boolean>[] = [];
    for (const gid of this.glyphs) {
      const fd = cff.fdForGlyph(gid);
      if (fd == null) continue;
      let index = newIndex.get(fd);
      if (index === undefined) {
        index = fdArray.length;
        newIndex.set(fd, index);
        fdArray.push({ ...cff.topDict.FDArray[fd] });
        usedSubrs.push({});
      }
      fds.push(index);
      const glyph = this.font.getGlyph(gid);
      void glyph.path; // parsing the outline records the subroutines it calls
      Object.assign(usedSubrs[index]!, glyph._usedSubrs);
    }
    fdArray.forEach((dict, i) => {
      delete (dict as { FontName?: unknown }).FontName;
      if (dict.Private?.Subrs)
        dict.Private = { ...dict.Private, Subrs: this.subsetSubrs(dict.Private.Subrs, usedSubrs[i]!) };
    });
    topDict.FDArray = fdArray;
    topDict.FDSelect = { version: 0, fds };
  };
}

/** The five faces a sample uses, for a script the standard fonts lack. */
export async function embedUnicodeFonts(pdf: PDFDocument, script: Script): Promise<FontSet> {
  pdf.registerFontkit(fontkit);
  const embed = (bytes: Uint8Array) => pdf.embedFont(bytes, { subset: true });
  if (script === 'arabic') {
    // Noto Sans Arabic, not Naskh: Naskh builds lam-alef from two glyphs, the alef with no advance, which
    // readers extract with a space inside the word ("ول ا").
    const [regular, bold] = await Promise.all([
      embed(fontFile(`${NOTO}/NotoSansArabic-Regular.ttf`)),
      embed(fontFile(`${NOTO}/NotoSansArabic-Bold.ttf`)),
    ]);
    for (const f of [regular, bold]) reverseLigatureText(f);
    // Arabic has no italics: the sample label is set in the regular face, as Arabic typesetting does.
    return { regular, bold, italic: regular, sans: regular, sansBold: bold };
  }
  if (script === 'cjk') {
    const [regular, bold] = await Promise.all([
      embed(fontFile(`${NOTO_CJK}/NotoSansCJK-Regular.ttc`, 'NotoSansCJKsc-Regular')),
      embed(fontFile(`${NOTO_CJK}/NotoSansCJK-Bold.ttc`, 'NotoSansCJKsc-Bold')),
    ]);
    for (const f of [regular, bold]) repairCidKeyedSubset(f);
    return { regular, bold, italic: regular, sans: regular, sansBold: bold };
  }
  const [regular, bold, italic, sans, sansBold] = await Promise.all([
    embed(fontFile(`${NOTO}/NotoSerif-Regular.ttf`)),
    embed(fontFile(`${NOTO}/NotoSerif-Bold.ttf`)),
    embed(fontFile(`${NOTO}/NotoSerif-Italic.ttf`)),
    embed(fontFile(`${NOTO}/NotoSans-Regular.ttf`)),
    embed(fontFile(`${NOTO}/NotoSans-Bold.ttf`)),
  ]);
  return { regular, bold, italic, sans, sansBold };
}

/** Whitespace as the WinAnsi path has it (single spaces, no odd spaces), every other character kept. */
export const normalizeUnicodeText = (text: string): string =>
  text
    .replace(/[\u00a0\u2002\u2003\u2009\u202f\n\t\r]/g, ' ')
    .replace(/[\u200b\ufeff\u00ad]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();

/** Runs that keep their left-to-right order inside right-to-left text: numbers and Latin words. */
const LTR_RUN = /[0-9A-Za-z][0-9A-Za-z.,:/%-]*[0-9A-Za-z%]|[0-9A-Za-z]/g;

/**
 * A line of Arabic as fontkit must be given it to come out in visual order: fontkit reverses the whole
 * glyph run of right-to-left text, which would also reverse the digits of "2024"; reversing those runs
 * first puts them back.
 */
export const forRtlLayout = (line: string): string =>
  line.replace(LTR_RUN, (run) => [...run].reverse().join(''));
