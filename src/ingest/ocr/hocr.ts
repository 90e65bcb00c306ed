/**
 * Tesseract's hOCR → lines in the shape the PDF layout step takes (PdfLine, PDF points, y down). hOCR rather
 * than TSV: its lines carry `x_size` (tesseract's estimate of the font size) and a baseline, so body text
 * and headings get steady sizes; a TSV line box grows with the descenders a line happens to hold.
 */
import { normalizeText } from '../normalize.ts';
import type { PdfLine } from '../pdf/lines.ts';

/** Words tesseract is less sure of than this (0–100) are speckles or smudges, not text. */
const MIN_WORD_CONFIDENCE = 20;
/** Sizes are rounded to this step (points), so lines of one style compare equal despite estimation noise. */
const SIZE_STEP = 0.5;

const LINE = /<span class='(ocr_line|ocr_header|ocr_caption|ocr_textfloat)'[^>]*title="([^"]*)"[^>]*>/g;
const WORD = /<span class='ocrx_word'[^>]*title='([^']*)'[^>]*>([\s\S]*?)<\/span>/g;
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
function unescapeHtml(s: string): string {
  return s
    .replace(/<[^>]+>/g, '') // <strong>, <em> around a word
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
      if (e[0] === '#')
        return String.fromCodePoint(
          e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
        );
      return ENTITIES[e] ?? m;
    });
}

function bboxOf(title: string): [number, number, number, number] | null {
  const m = /bbox (-?\d+) (-?\d+) (-?\d+) (-?\d+)/.exec(title);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] : null;
}
const numberOf = (title: string, key: string) => {
  const m = new RegExp(`${key} (-?[\\d.]+)`).exec(title);
  return m ? Number(m[1]) : null;
};

/** Words joined with a space, except between two CJK characters (tesseract splits Chinese into words). */
function joinWords(words: string[]): string {
  let text = '';
  for (const w of words) {
    if (text && !(CJK.test(text.slice(-1)) && CJK.test(w.charAt(0)))) text += ' ';
    text += w;
  }
  return text;
}

/**
 * Lines of one page's hOCR; `scale` turns image pixels into PDF points (72 / dpi). Words in a line come in
 * reading order (right to left for Arabic), so the text is their order joined.
 */
export function hocrToLines(hocr: string, page: number, scale: number): PdfLine[] {
  const lines: PdfLine[] = [];
  const starts = [...hocr.matchAll(LINE)];
  starts.forEach((m, i) => {
    const body = hocr.slice(m.index + m[0].length, starts[i + 1]?.index ?? hocr.length);
    const box = bboxOf(m[2]!);
    if (!box) return;
    const words: string[] = [];
    for (const w of body.matchAll(WORD)) {
      const conf = numberOf(w[1]!, 'x_wconf') ?? 100;
      const text = unescapeHtml(w[2]!).trim();
      if (!text || conf < MIN_WORD_CONFIDENCE) continue;
      words.push(text);
    }
    const text = normalizeText(joinWords(words));
    // A line of stray marks ("|", ".", "~") is a smudge or a rule, not text.
    if (!/[\p{L}\p{N}]/u.test(text)) return;
    const [x0, y0, x1, y1] = box;
    const base = /baseline (-?[\d.]+) (-?[\d.]+)/.exec(m[2]!);
    const baseline = y1 + (base ? Number(base[2]) : 0);
    const xSize = numberOf(m[2]!, 'x_size') ?? y1 - y0;
    lines.push({
      page,
      text,
      x: x0 * scale,
      top: y0 * scale,
      w: (x1 - x0) * scale,
      h: (y1 - y0) * scale,
      baseline: baseline * scale,
      size: Math.max(SIZE_STEP, Math.round((xSize * scale) / SIZE_STEP) * SIZE_STEP),
      bold: false,
      italic: false,
      flow: 0,
    });
  });
  return lines;
}

/** Mean word confidence of a page (0–100), weighted by word length; 0 when it has no words. */
export function meanConfidence(hocr: string): number {
  let sum = 0;
  let chars = 0;
  for (const w of hocr.matchAll(WORD)) {
    const n = unescapeHtml(w[2]!).trim().length;
    sum += (numberOf(w[1]!, 'x_wconf') ?? 0) * n;
    chars += n;
  }
  return chars ? sum / chars : 0;
}
