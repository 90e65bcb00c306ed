/**
 * A scanned PDF → pages, lines and paragraphs, like a text PDF's: each page is drawn as a picture
 * (pdftoppm), read by tesseract (hOCR: words with boxes), its lines placed in PDF points and handed to the
 * same layout step as pdf.js's lines (layoutPages), so search, the viewer's text layer, find and
 * connections work on the result as on any PDF.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectLanguage } from '../language.ts';
import { layoutPages, type RawPage } from '../pdf/extract-pdf.ts';
import type { PdfLine } from '../pdf/lines.ts';
import type { Area } from '../pdf/picture-areas.ts';
import type { ExtractedPage, ExtractedParagraph, ProgressCallback } from '../types.ts';
import { hocrToLines, meanConfidence } from './hocr.ts';
import {
  isoOfTesseract,
  pdfPages,
  rasterisePage,
  recognise,
  TESSERACT_LANGUAGES,
  tesseractLanguage,
} from './tesseract.ts';

/** Tesseract reads best at 300 dpi; lower loses small print, higher costs time for nothing. */
export const OCR_DPI = 300;
/** The longest side of a page picture, so a poster-sized page does not become a gigapixel image. */
const MAX_SIDE_PX = 7000;
/** A first page read at this mean confidence (0–100) or more in the expected language needs no detection. */
const CONFIDENT = 75;
/** One candidate per script; French and Spanish are told from English by the text read with `eng`. */
const SCRIPT_CANDIDATES = ['eng', 'rus', 'ara', 'chi_sim'];
const LATIN = ['eng', 'fra', 'spa'];

export type OcrOptions = {
  /** The language to read in (tesseract name or ISO 639-1); null to detect it from the first page. */
  language: string | null;
  /** The document's language (ISO 639-1), tried first when detecting. */
  hint?: string | null;
  dpi?: number;
  /** Limit for each external program (one page's drawing or reading). */
  pageTimeoutMs: number;
  onProgress?: ProgressCallback;
  /** pdf.js's lines per page: pages with text keep them and only the others are read by OCR. */
  keep?: RawPage[] | null;
};

export type OcrResult = {
  /** The tesseract language the pages were read in. */
  ocrLanguage: string;
  fullText: string;
  pages: ExtractedPage[];
  paragraphs: ExtractedParagraph[];
  /** Type size of each paragraph's first line, by ordinal. */
  sizes: number[];
  /** Pages tesseract found no text on. */
  emptyPages: number[];
  /** Pages read by OCR (the others kept their text). */
  ocrPages: number[];
};

export async function ocrPdf(bytes: Uint8Array, opts: OcrOptions): Promise<OcrResult> {
  const dir = await mkdtemp(join(tmpdir(), 'cyberportal-ocr-'));
  try {
    const pdfPath = join(dir, 'in.pdf');
    await writeFile(pdfPath, bytes);
    const sides = await pdfPages(pdfPath, opts.pageTimeoutMs);
    const dpiOf = (n: number) =>
      Math.max(72, Math.min(opts.dpi ?? OCR_DPI, Math.floor((MAX_SIDE_PX * 72) / sides[n - 1]!)));
    const raw: RawPage[] = [];
    let lang = tesseractLanguage(opts.language);
    const ocrPages: number[] = [];
    for (let n = 1; n <= sides.length; n++) {
      const kept = opts.keep?.[n - 1];
      if (kept && !kept.failed && kept.lines.length > 0) {
        // A page with text keeps it; the pictures on it are read, and their lines join the page's.
        let lines = kept.lines;
        if (kept.areas?.length) {
          ocrPages.push(n);
          lang ??= await pictureLanguage(pdfPath, n, kept.areas[0]!, dpiOf(n), dir, opts);
          for (const area of kept.areas)
            lines = mergeLines(lines, await readArea(pdfPath, n, area, dpiOf(n), lang, dir, opts));
        }
        raw.push({ ...kept, lines });
        opts.onProgress?.(n, sides.length);
        continue;
      }
      ocrPages.push(n);
      const dpi = dpiOf(n);
      const image = await rasterisePage(pdfPath, n, dpi, dir, opts.pageTimeoutMs);
      let hocr: string;
      if (lang) hocr = await recognise(image.path, lang, dpi, opts.pageTimeoutMs);
      else ({ lang, hocr } = await detectAndRead(image.path, dpi, opts));
      await rm(image.path, { force: true });
      const scale = 72 / dpi;
      raw.push({
        number: n,
        width: image.width * scale,
        height: image.height * scale,
        rotation: 0, // drawn as displayed: the picture is already turned
        lines: hocrToLines(hocr, n, scale),
        failed: false,
      });
      opts.onProgress?.(n, sides.length);
    }
    const { fullText, pages, paragraphs, sizes } = layoutPages(raw);
    return {
      ocrLanguage: lang ?? 'eng',
      fullText,
      pages,
      paragraphs,
      sizes,
      emptyPages: raw.filter((p) => p.lines.length === 0).map((p) => p.number),
      ocrPages,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Pixels at `dpi` of an area in points, for pdftoppm's crop. */
const cropOf = (a: Area, dpi: number) => {
  const px = (v: number) => Math.max(0, Math.round((v * dpi) / 72));
  return { x: px(a.x), y: px(a.top), w: Math.max(1, px(a.w)), h: Math.max(1, px(a.h)) };
};

/** A picture on a page with text, read by OCR: its lines placed on the page, in points. */
async function readArea(
  pdfPath: string,
  n: number,
  area: Area,
  dpi: number,
  lang: string,
  dir: string,
  opts: OcrOptions,
): Promise<PdfLine[]> {
  const image = await rasterisePage(pdfPath, n, dpi, dir, opts.pageTimeoutMs, cropOf(area, dpi));
  const hocr = await recognise(image.path, lang, dpi, opts.pageTimeoutMs);
  await rm(image.path, { force: true });
  return hocrToLines(hocr, n, 72 / dpi).map((l) => ({
    ...l,
    x: l.x + area.x,
    top: l.top + area.top,
    baseline: l.baseline + area.top,
  }));
}

/** The language to read pictures in when none was given: detected on the first picture. */
async function pictureLanguage(
  pdfPath: string,
  n: number,
  area: Area,
  dpi: number,
  dir: string,
  opts: OcrOptions,
): Promise<string> {
  const image = await rasterisePage(pdfPath, n, dpi, dir, opts.pageTimeoutMs, cropOf(area, dpi));
  try {
    return (await detectAndRead(image.path, dpi, opts)).lang;
  } finally {
    await rm(image.path, { force: true });
  }
}

/**
 * A page's own lines with those read in its pictures, except the read lines that lie on a line of the text
 * layer (the drawn page includes any text printed over the picture).
 */
function mergeLines(own: PdfLine[], read: PdfLine[]): PdfLine[] {
  const overlap = (a: PdfLine, b: PdfLine) =>
    Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
    Math.max(0, Math.min(a.top + a.h, b.top + b.h) - Math.max(a.top, b.top));
  const fresh = read.filter((r) => !own.some((o) => overlap(r, o) > 0.5 * r.w * r.h));
  return [...own, ...fresh];
}

/**
 * The language of a scan, from its first page: the document's language when tesseract reads the page
 * confidently in it, else the script whose reading is most confident; a Latin page is then told English,
 * French or Spanish by its words.
 */
async function detectAndRead(
  imagePath: string,
  dpi: number,
  opts: OcrOptions,
): Promise<{ lang: string; hocr: string }> {
  const tried = new Map<string, { hocr: string; score: number }>();
  const read = async (lang: string) => {
    const hocr = await recognise(imagePath, lang, dpi, opts.pageTimeoutMs);
    const score = meanConfidence(hocr);
    tried.set(lang, { hocr, score });
    return score;
  };
  const hinted = tesseractLanguage(opts.hint);
  let best: string;
  if (hinted && (await read(hinted)) >= CONFIDENT) best = hinted;
  else {
    for (const lang of SCRIPT_CANDIDATES) if (!tried.has(lang)) await read(lang);
    best = SCRIPT_CANDIDATES[0]!;
    for (const [lang, t] of tried) if (t.score > tried.get(best)!.score) best = lang;
  }
  // Latin letters read confidently in any Latin language: the words tell English, French and Spanish apart.
  if (LATIN.includes(best)) {
    const text = hocrToLines(tried.get(best)!.hocr, 1, 1)
      .map((l) => l.text)
      .join('\n');
    const latin = TESSERACT_LANGUAGES[detectLanguage(text) ?? ''];
    if (latin && latin !== best && LATIN.includes(latin)) {
      if (!tried.has(latin)) await read(latin);
      best = latin;
    }
  }
  return { lang: best, hocr: tried.get(best)!.hocr };
}

export { isoOfTesseract };
