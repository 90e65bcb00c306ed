/**
 * Pictures on pages that also have text (a scanned figure, a pasted screenshot of a table, a signed block):
 * their words are read by OCR like a scanned page's. Found from the page's operators: each image is drawn
 * in the unit square under the current transformation, so its place on the page is that square's corners.
 */
import type { PdfLine } from './lines.ts';
import { loadPdfJs, type PdfDocument } from './load.ts';
import { type TransformOps, TransformTracker } from './transform.ts';

/** A picture's box on the page, in viewer space (PDF points, y down), like a PdfLine's. */
export type Area = { x: number; top: number; w: number; h: number };

/** Pictures smaller than this (points a side) are icons, logos and bullets, not text. */
const MIN_SIDE_PT = 72;
/** ...or smaller than this share of the page. */
const MIN_PAGE_SHARE = 0.05;
/** A picture under more text lines than this is a background (or a scan with its own text layer). */
const MAX_LINES_OVER = 2;
/** Pages read for pictures (each operator list may decode images). */
export const PAGES_CHECKED = 50;

const PAINTS = ['paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintJpegXObject'];

type OperatorList = { fnArray: number[]; argsArray: unknown[] };
type Viewport = { transform: number[]; width: number; height: number };

/** A page's pictures, read from its operator list; null when that list could not be read (no pictures). */
export type PagePictures = { boxes: Area[]; width: number; height: number } | null;

/** Boxes of the pictures an operator list paints, in viewer space. */
export async function picturesOf(ops: OperatorList, viewport: Viewport): Promise<NonNullable<PagePictures>> {
  const OPS = (await loadPdfJs()).OPS as unknown as Record<string, number>;
  const paints = new Set(PAINTS.map((k) => OPS[k]).filter((v): v is number => v !== undefined));
  const transform = new TransformTracker(viewport.transform, OPS as unknown as TransformOps);
  const boxes: Area[] = [];
  ops.fnArray.forEach((fn, i) => {
    if (transform.step(fn, ops.argsArray[i] as unknown[] | null)) return;
    if (paints.has(fn)) {
      const ctm = transform.ctm;
      const corners = [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ].map(([u, v]) => [ctm[0]! * u! + ctm[2]! * v! + ctm[4]!, ctm[1]! * u! + ctm[3]! * v! + ctm[5]!]);
      const xs = corners.map((c) => c[0]!);
      const ys = corners.map((c) => c[1]!);
      const x = Math.max(0, Math.min(...xs));
      const top = Math.max(0, Math.min(...ys));
      const right = Math.min(viewport.width, Math.max(...xs));
      const bottom = Math.min(viewport.height, Math.max(...ys));
      if (right > x && bottom > top) boxes.push({ x, top, w: right - x, h: bottom - top });
    }
  });
  return { boxes, width: viewport.width, height: viewport.height };
}

/** Boxes of the pictures a page paints, in viewer space. */
async function pictureBoxes(doc: PdfDocument, pageNumber: number): Promise<NonNullable<PagePictures>> {
  const page = await doc.getPage(pageNumber);
  try {
    return await picturesOf(await page.getOperatorList(), page.getViewport({ scale: 1, rotation: 0 }));
  } finally {
    page.cleanup();
  }
}

/** Whether pictureAreas looks at a page (its first PAGES_CHECKED such pages): text, unrotated, readable. */
export const isPictureCandidate = (p: { rotation: number; failed: boolean; lines: PdfLine[] }) =>
  !p.failed && p.rotation === 0 && p.lines.length > 0;

const centreIn = (l: PdfLine, a: Area) => {
  const cx = l.x + l.w / 2;
  const cy = l.top + l.h / 2;
  return cx >= a.x && cx <= a.x + a.w && cy >= a.top && cy <= a.top + a.h;
};

/**
 * Pictures large enough to hold text, on pages that have text of their own (unrotated pages only: the
 * picture is cut out of the page drawn as displayed) and that no text is printed over. By page number.
 */
export async function pictureAreas(
  doc: PdfDocument,
  pages: Array<{
    number: number;
    rotation: number;
    failed: boolean;
    lines: PdfLine[];
    /** Read already with the page's text (extract-pdf.ts): then its operator list is not read again. */
    pictures?: PagePictures;
  }>,
): Promise<Map<number, Area[]>> {
  const out = new Map<number, Area[]>();
  const candidates = pages.filter(isPictureCandidate);
  for (const p of candidates.slice(0, PAGES_CHECKED)) {
    try {
      const pictures = p.pictures === undefined ? await pictureBoxes(doc, p.number) : p.pictures;
      if (!pictures) continue;
      const { boxes, width, height } = pictures;
      const areas = boxes.filter(
        (a) =>
          a.w >= MIN_SIDE_PT &&
          a.h >= MIN_SIDE_PT &&
          a.w * a.h >= MIN_PAGE_SHARE * width * height &&
          p.lines.filter((l) => centreIn(l, a)).length <= MAX_LINES_OVER,
      );
      if (areas.length > 0) out.set(p.number, areas);
    } catch {
      // an unreadable page has no pictures to read
    }
  }
  return out;
}
