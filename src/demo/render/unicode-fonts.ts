/**
 * Fonts for the samples the standard PDF fonts cannot draw (WinAnsi only): Arabic, Chinese and Russian, from
 * Debian's Noto packages (fonts-noto-core, fonts-noto-cjk), embedded as subsets through fontkit, which also
 * shapes Arabic (joining forms, lam-alef). What a PDF reader extracts is what the truth says: the samples'
 * search tests depend on it.
 */
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
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

type PathGlyph = {
  advanceWidth: number;
  path: { scale(x: number, y: number): { toSVG(): string } };
};
type DrawOptions = { x: number; y: number; size: number; font: PDFFont; color: Color };

/**
 * Chinese text as it must be drawn: pdf-lib's subset of a CID-keyed CFF font (Noto Sans CJK) prints
 * nothing in pdf.js or poppler, though its text extracts fine. So the text goes in invisibly (opacity 0:
 * what readers extract and search) and each glyph's outline is drawn over it as a vector path.
 */
export function drawCjkText(page: PDFPage, text: string, o: DrawOptions): void {
  page.drawText(text, { ...o, opacity: 0 });
  const font = (o.font as unknown as { embedder: { font: { unitsPerEm: number; layout: Layout } } }).embedder
    .font;
  const scale = o.size / font.unitsPerEm;
  let x = o.x;
  for (const g of font.layout(text).glyphs as unknown as PathGlyph[]) {
    const svg = g.path.scale(1, -1).toSVG();
    if (svg) page.drawSvgPath(svg, { x, y: o.y, scale, color: o.color, borderWidth: 0 });
    x += g.advanceWidth * scale;
  }
}
