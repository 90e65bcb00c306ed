/** PDF → pages (text and line geometry) and paragraphs with offsets into the normalised full text. */
import type { Line, Rect } from '../../domain/schemas/file.ts';
import { PARAGRAPH_SEPARATOR } from '../normalize.ts';
import { splitDrafts } from '../split-long.ts';
import { type TocOf, tocFromHeadings, tocFromOutline } from '../toc.ts';
import type { ExtractedPage, ExtractedParagraph, ExtractorResult, ProgressCallback } from '../types.ts';
import { commonGutter, findGutter, orderPage } from './columns.ts';
import {
  type FontFlags,
  type FontStyle,
  itemsToLines,
  type LooseGap,
  type PdfLine,
  type RawItem,
} from './lines.ts';
import { loadPdfJs, looksTruncated, openPdf, type PdfDocument, REASONS, reasonFor } from './load.ts';
import { readOutline } from './outline.ts';
import { buildParagraphs, type ParagraphDraft } from './paragraphs.ts';
import { textContentSendsFonts } from './pdfjs-import.mjs';
import {
  type Area,
  isPictureCandidate,
  PAGES_CHECKED,
  type PagePictures,
  pictureAreas,
  picturesOf,
} from './picture-areas.ts';
import { isVertical, looksTabular, type Rule, ruleOpsOf, rulesOf } from './rules.ts';
import { findRunningLines } from './running.ts';
import { findSideBoxes, placeSideBoxes } from './side-boxes.ts';
import { type ContentEntry, type StructNode, type TaggedPage, tagPage, untaggedPage } from './struct-tree.ts';
import { type TagVerdict, tagDrafts } from './struct-tree-drafts.ts';
import { readTextContent } from './text-content.ts';

export const NEEDS_OCR_REASON =
  'The PDF has no text layer (it looks like scanned images): it can be viewed, but its text cannot be searched until it is run through OCR.';

type Rotation = 0 | 90 | 180 | 270;

/** One page's lines before layout: from pdf.js's text, or from OCR (ingest/ocr). */
export interface RawPage {
  number: number;
  /** Unrotated size, PDF points. */
  width: number;
  height: number;
  rotation: Rotation;
  lines: PdfLine[];
  failed: boolean;
  /** Pictures on a page with text that may hold words of their own (pdf/picture-areas.ts), for OCR. */
  areas?: Area[];
  /** The page's text grouped by its structure tree; null when the page has no tree (or tags are ignored). */
  tags?: TaggedPage | null;
  /** The pictures it paints, read with its text when pictureAreas will look at the page (picture-areas.ts). */
  pictures?: PagePictures;
  /** False when its text content found that it paints no image (text-content.ts); absent or true: it may. */
  mayPaintImage?: boolean;
}

export interface PdfOptions {
  /** Read paragraphs from the structure tree when it is sane (default); false: geometry only (benchmarks). */
  tags?: boolean;
  /** Told whether the tags were used, and if not why (benchmarks and tests). */
  onTags?: (verdict: TagVerdict) => void;
}

/** An image XObject's dictionary: never inside a compressed object stream (streams cannot be), so in plain bytes. */
const IMAGE_XOBJECT = /\/Subtype\s*\/Image\b/;
/** Textless pages whose operators are read for inline images when the file has no image XObject. */
const INLINE_IMAGE_PAGES = 10;

/**
 * Whether a file without text carries images (a scan, to OCR) rather than blank pages or drawings. Not by
 * reading every page's operators: that decodes every image (a JBIG2 test file took 10 s and 1 GB).
 */
async function hasImages(bytes: Uint8Array, doc: PdfDocument, raw: RawPage[]): Promise<boolean> {
  if (IMAGE_XOBJECT.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')))
    return true;
  const paintsImage = imageOps((await loadPdfJs()).OPS as unknown as Record<string, number>);
  for (const p of raw.filter((r) => !r.failed).slice(0, INLINE_IMAGE_PAGES)) {
    if (p.mayPaintImage === false) continue;
    try {
      const page = await doc.getPage(p.number);
      const ops = await page.getOperatorList();
      page.cleanup();
      if (ops.fnArray.some((fn) => paintsImage.has(fn))) return true;
    } catch {
      // an unreadable page shows nothing
    }
  }
  return false;
}

/** pdf.js operators that paint a raster image (forms are inlined in the operator list). */
const imageOps = (OPS: Record<string, number>) =>
  new Set(
    [
      'paintImageXObject',
      'paintInlineImageXObject',
      'paintInlineImageXObjectGroup',
      'paintImageXObjectRepeat',
      'paintImageMaskXObject',
      'paintImageMaskXObjectGroup',
      'paintImageMaskXObjectRepeat',
      'paintJpegXObject',
    ]
      .map((k) => OPS[k])
      .filter((v): v is number => v !== undefined),
  );

/** Fonts are per document; their real names are known only once an operator list has loaded them. */
const BOLD_NAME = /bold|black|heavy|semibold|demibold|extrabold|ultrabold|[-,]bd\b|,b$/i;
const ITALIC_NAME = /italic|oblique|[-,]it\b|,i$/i;
/** Barcode fonts by name: their glyphs are bars (Code 39 "*123*", Code 128, EAN/UPC, postal codes…). */
const BARCODE_NAME =
  /barcode|3of9|2of5|code-?(39|93|128)|\bc(39|128)|idautomation|\b(ean|upc)-?(8|13|a|e)?\b|postnet|datamatrix|pdf417|usps4cb|intelligentmail/i;

export const BLANK_REASON = 'The PDF has no text: its pages are blank or hold only drawings.';

/** Start of the note on a text PDF with pages that are pictures without text (a scanned page inside). */
export const PICTURE_PAGES_START = 'Some pages are pictures without text';
/** Start of the note on a text PDF whose text pages also show pictures that may hold words. */
export const PICTURE_AREAS_START = 'Some pages with text also show pictures';
/** Textless pages whose operators are read to see whether they paint a picture (each may decode images). */
const PICTURE_PAGES_CHECKED = 50;

/** Textless pages of a PDF with text that paint a picture: a scanned page inside, for OCR to read. */
async function picturePages(doc: PdfDocument, raw: RawPage[]): Promise<number[]> {
  const paintsImage = imageOps((await loadPdfJs()).OPS as unknown as Record<string, number>);
  const out: number[] = [];
  for (const p of raw.filter((r) => !r.failed && r.lines.length === 0).slice(0, PICTURE_PAGES_CHECKED)) {
    // Its text content saw no image: its operators paint none (decision 73).
    if (p.mayPaintImage === false) continue;
    try {
      const page = await doc.getPage(p.number);
      const ops = await page.getOperatorList();
      page.cleanup();
      if (ops.fnArray.some((fn) => paintsImage.has(fn))) out.push(p.number);
    } catch {
      // an unreadable page shows nothing
    }
  }
  return out;
}

/** Whether the file has image XObjects at all: reading operator lists for pictures costs image decoding. */
const hasImageObjects = (bytes: Uint8Array) =>
  IMAGE_XOBJECT.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));

/**
 * The lines pdf.js finds on each page (null when the file cannot be opened), with the pictures of pages
 * with text: OCR keeps the pages' text and reads the others and those pictures.
 */
export async function readPdfLines(bytes: Uint8Array): Promise<RawPage[] | null> {
  const opened = await openPdf(bytes);
  if (!opened.ok) return null;
  try {
    const images = hasImageObjects(bytes);
    const pages = await readPages(opened.doc, undefined, false, images);
    if (!images) return pages;
    const areas = await pictureAreas(opened.doc, pages);
    return pages.map((p) => (areas.has(p.number) ? { ...p, areas: areas.get(p.number) } : p));
  } catch {
    return null;
  } finally {
    await opened.destroy().catch(() => undefined);
  }
}

const PLAIN: FontFlags = { bold: false, italic: false };

async function readPages(
  doc: PdfDocument,
  onProgress?: ProgressCallback,
  withTags = false,
  /** The file has image XObjects: the pages pictureAreas will look at have their pictures read here. */
  withPictures = false,
): Promise<RawPage[]> {
  const fonts = new Map<string, FontFlags>();
  const pages: RawPage[] = [];
  let pictureCandidates = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    try {
      const page = await doc.getPage(n);
      // Layout happens on the unrotated page, where text runs left to right; rectangles are turned to the
      // rotated page (as the viewer shows it) at the end.
      const viewport = page.getViewport({ scale: 1, rotation: 0 });
      const rotation = (((page.rotate % 360) + 360) % 360) as Rotation;
      const { content, mayPaintImage } = await readTextContent(page, { includeMarkedContent: withTags });
      const items = content.items.filter((i): i is RawItem & (typeof content.items)[number] => 'str' in i);
      // A font's real name (bold, italic, barcode) comes with its font object, which pdf.js's getTextContent
      // sends as patched (pdfjs-import.mjs, decision 63). Unpatched only an operator list does, which evaluates
      // the whole page: then one is read on pages with a font not met yet, shared with the rules and pictures.
      let ops: Awaited<ReturnType<typeof page.getOperatorList>> | null = null;
      const fresh = items.filter((i) => !fonts.has(i.fontName)).map((i) => i.fontName);
      if (fresh.some((f) => !(textContentSendsFonts && page.commonObjs.has(f))))
        ops = await page.getOperatorList();
      for (const f of fresh) {
        if (fonts.has(f)) continue;
        let font: { name?: string; bold?: boolean; italic?: boolean } | undefined;
        try {
          font = page.commonObjs.get(f) as typeof font;
        } catch {
          font = undefined;
        }
        const name = font?.name ?? '';
        fonts.set(f, {
          bold: Boolean(font?.bold) || BOLD_NAME.test(name),
          italic: Boolean(font?.italic) || ITALIC_NAME.test(name),
          barcode: BARCODE_NAME.test(name),
        });
      }
      const toLines = (list: RawItem[], walls: Rule[] = [], loose?: LooseGap[]) =>
        itemsToLines(
          list,
          content.styles as Record<string, FontStyle>,
          viewport.transform,
          n,
          (f) => fonts.get(f) ?? PLAIN,
          walls,
          loose,
        );
      const loose: LooseGap[] = [];
      let lines = toLines(items, [], loose);
      // Cells closer than a word gap are told apart only by the rules drawn between them: read only where the
      // text looks like a table somewhere (an operator list costs a page evaluation).
      if (looksTabular(loose)) {
        ops ??= await operatorsOf(page);
        const walls = ops ? (await rulesOfPage(ops, viewport)).filter(isVertical) : [];
        if (walls.length > 0) lines = toLines(items, walls);
      }
      let pictures: PagePictures | undefined;
      if (withPictures && isPictureCandidate({ rotation, failed: false, lines })) {
        // A page that paints no image has no pictures: its operator list is not read for them (decision 73).
        if (pictureCandidates++ < PAGES_CHECKED)
          pictures =
            ops || mayPaintImage
              ? await picturesOfPage(page, ops, viewport)
              : { boxes: [], width: viewport.width, height: viewport.height };
      }
      const tree = withTags ? await structTreeOf(page) : null;
      pages.push({
        number: n,
        width: viewport.width,
        height: viewport.height,
        rotation,
        lines,
        failed: false,
        mayPaintImage,
        tags: tree ? tagPageSafely(tree, content.items as ContentEntry[], (list) => toLines(list)) : null,
        ...(pictures === undefined ? {} : { pictures }),
      });
      page.cleanup();
    } catch {
      pages.push({ number: n, width: 0, height: 0, rotation: 0, lines: [], failed: true });
    }
    onProgress?.(n, doc.numPages);
  }
  return pages;
}

/** A page's pictures from the operator list read for its fonts, or from its own; null when unreadable. */
async function picturesOfPage(
  page: { getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }> },
  ops: { fnArray: number[]; argsArray: unknown[] } | null,
  viewport: { transform: number[]; width: number; height: number },
): Promise<PagePictures> {
  try {
    return await picturesOf(ops ?? (await page.getOperatorList()), viewport);
  } catch {
    return null;
  }
}

/** A page's operators, or null when they cannot be read (its text is still laid out). */
async function operatorsOf(page: {
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
}): Promise<{ fnArray: number[]; argsArray: unknown[] } | null> {
  try {
    return await page.getOperatorList();
  } catch {
    return null;
  }
}

async function rulesOfPage(
  ops: { fnArray: number[]; argsArray: unknown[] },
  viewport: { transform: number[] },
): Promise<Rule[]> {
  const codes = ruleOpsOf((await loadPdfJs()).OPS as unknown as Record<string, number>);
  return rulesOf(ops, viewport.transform, codes);
}

/** A broken structure tree is no reason to lose the page: its text is then laid out by geometry. */
async function structTreeOf(page: { getStructTree(): Promise<unknown> }): Promise<StructNode | null> {
  try {
    return ((await page.getStructTree()) as StructNode | null) ?? null;
  } catch {
    return null;
  }
}

/** A tree the reader cannot follow leaves the page to geometry rather than failing it. */
function tagPageSafely(...args: Parameters<typeof tagPage>): TaggedPage | null {
  try {
    return tagPage(...args);
  } catch {
    return null;
  }
}

function bodySizeOf(pages: RawPage[]): number {
  const sizes: number[] = [];
  for (const p of pages) for (const l of p.lines) sizes.push(l.size);
  sizes.sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 10;
}

export async function extractPdf(
  bytes: Uint8Array,
  onProgress?: ProgressCallback,
  options: PdfOptions = {},
): Promise<ExtractorResult> {
  const opened = await openPdf(bytes);
  if (!opened.ok) return opened;
  try {
    const { doc } = opened;
    if (doc.numPages === 0) return { ok: false, reason: REASONS.noPages };
    const images = hasImageObjects(bytes);
    const raw = await readPages(doc, onProgress, options.tags !== false, images);
    const failed = raw.filter((p) => p.failed).map((p) => p.number);
    if (failed.length === raw.length) {
      return { ok: false, reason: looksTruncated(bytes) ? REASONS.truncated : REASONS.damaged };
    }
    const verdict = readTags(raw);
    options.onTags?.(verdict);
    const { fullText, pages, paragraphs, sizes } = verdict.use
      ? assemblePages(raw, verdict.drafts)
      : layoutPages(raw);
    const outline = await readOutline(doc, (n) => raw[n - 1]?.height ?? 0);
    const toc: TocOf =
      outline.length > 0
        ? { source: 'outline', entries: tocFromOutline(outline, paragraphs) }
        : { source: 'headings', entries: tocFromHeadings(paragraphs, sizes) };
    let reason: string | null = null;
    if (failed.length > 0) {
      reason = `${failed.length === 1 ? 'Page' : 'Pages'} ${failed.join(', ')} could not be read (the file is damaged); the other pages were extracted.`;
    }
    // No text: a scan if some page paints an image, otherwise blank pages (or drawings), which are ready.
    if (paragraphs.length === 0 && (await hasImages(bytes, doc, raw)))
      return { ok: true, status: 'needs-ocr', reason: NEEDS_OCR_REASON, fullText, pages, paragraphs, toc };
    if (paragraphs.length === 0) reason ??= BLANK_REASON;
    // Text, and pages that are pictures: those are read by an OCR job (which keeps the text pages' text).
    const ocrPages = paragraphs.length > 0 ? await picturePages(doc, raw) : [];
    if (ocrPages.length > 0)
      reason = `${PICTURE_PAGES_START} (${ocrPages.length === 1 ? 'page' : 'pages'} ${ocrPages.join(', ')}): they are read by OCR.${reason ? ` ${reason}` : ''}`;
    // Pictures beside the text (a scanned figure or annex block): their words are read by OCR too.
    const areaPages = paragraphs.length > 0 && images ? [...(await pictureAreas(doc, raw)).keys()] : [];
    if (areaPages.length > 0) {
      reason = `${PICTURE_AREAS_START} (${areaPages.length === 1 ? 'page' : 'pages'} ${areaPages.join(', ')}): their words are read by OCR.${reason ? ` ${reason}` : ''}`;
      ocrPages.push(...areaPages.filter((n) => !ocrPages.includes(n)));
    }
    return { ok: true, status: 'ready', reason, fullText, pages, paragraphs, toc, ocrPages };
  } catch (error) {
    return { ok: false, reason: reasonFor(error, bytes) };
  } finally {
    await opened.destroy().catch(() => undefined);
  }
}

/**
 * Lines of every page → paragraphs in reading order, with page texts and line geometry: running headers
 * dropped, columns ordered, paragraphs built and long ones split. Shared by text PDFs and OCR'd scans.
 */
export function layoutPages(raw: RawPage[]): Assembled {
  // A watermark (oblique text across the page, lines.ts) is no line of the text's flow.
  const flat = raw.map((p) => p.lines.filter((l) => !l.watermark));
  const running = findRunningLines(
    flat,
    raw.map((p) => p.height),
  );
  const body = flat.map((lines) => lines.filter((l) => !running.has(l)));
  const bodySize = bodySizeOf(raw);
  // Boxes first: a box beside the body looks like a second column to the gutter search.
  const boxes = body.map((lines) => findSideBoxes(lines, bodySize));
  const rest = body.map((lines, i) => {
    const inBox = new Set(boxes[i]!.flat());
    return inBox.size === 0 ? lines : lines.filter((l) => !inBox.has(l));
  });
  const own = rest.map((lines) => findGutter(lines, bodySize));
  const hint = commonGutter(own);
  const ordered = rest.map((lines, i) =>
    placeSideBoxes(orderPage(lines, own[i] ?? findGutter(lines, bodySize, hint)), boxes[i]!),
  );
  return assemblePages(
    raw,
    buildParagraphs(
      ordered,
      raw.map((p) => p.width),
    ),
  );
}

/** The structure tree's paragraphs when the file is tagged and its tree is sane (struct-tree-drafts.ts). */
export function readTags(raw: RawPage[]): TagVerdict {
  return tagDrafts(
    raw.map((p) => p.tags ?? untaggedPage(p.lines)),
    raw.map((p) => p.height),
  );
}

interface Assembled {
  fullText: string;
  pages: ExtractedPage[];
  paragraphs: ExtractedParagraph[];
  /** Type size of each paragraph's first line, by ordinal (heading levels for the TOC). */
  sizes: number[];
}

/** Paragraph drafts (from geometry or from tags) → full text, pages with line offsets, paragraphs. */
function assemblePages(raw: RawPage[], built: ParagraphDraft[]): Assembled {
  const drafts = splitDrafts(built);
  const turned = (p0: RawPage) => p0.rotation === 90 || p0.rotation === 270;
  const { fullText, paragraphs, pageLines } = layoutText(drafts, (l) => rectOf(l, raw[l.page - 1]!));
  const pages: ExtractedPage[] = raw.map((p) => ({
    number: p.number,
    width: round(turned(p) ? p.height : p.width),
    height: round(turned(p) ? p.width : p.height),
    start: 0,
    end: 0,
    text: '',
    lines: pageLines.get(p.number) ?? [],
  }));
  let cursor = 0;
  for (const page of pages) {
    if (page.lines.length > 0) {
      page.start = Math.min(...page.lines.map((l) => l.start));
      page.end = Math.max(...page.lines.map((l) => l.end));
      cursor = page.end;
    } else {
      page.start = cursor;
      page.end = cursor;
    }
    page.text = fullText.slice(page.start, page.end);
  }
  return { fullText, pages, paragraphs, sizes: drafts.map((d) => d.lines[0]!.size) };
}

const round = (v: number) => Math.round(v * 100) / 100;

/** A line's rectangle on the page as displayed: /Rotate turns the page clockwise. */
function rectOf(l: PdfLine, page: RawPage): Rect {
  const { width: W, height: H } = page;
  const r = { x: l.x, y: l.top, w: l.w, h: l.h };
  const turned =
    page.rotation === 90
      ? { x: H - r.y - r.h, y: r.x, w: r.h, h: r.w }
      : page.rotation === 180
        ? { x: W - r.x - r.w, y: H - r.y - r.h, w: r.w, h: r.h }
        : page.rotation === 270
          ? { x: r.y, y: W - r.x - r.w, w: r.h, h: r.w }
          : r;
  return { page: l.page, x: round(turned.x), y: round(turned.y), w: round(turned.w), h: round(turned.h) };
}

/** Paragraph texts, offsets, rectangles and per-page line offsets, all from one pass. */
function layoutText(drafts: ParagraphDraft[], rectOf: (l: PdfLine) => Rect) {
  const parts: string[] = [];
  const paragraphs: ExtractedParagraph[] = [];
  const pageLines = new Map<number, Line[]>();
  let offset = 0;
  drafts.forEach((d, ordinal) => {
    const start = ordinal === 0 ? 0 : offset + PARAGRAPH_SEPARATOR.length;
    let text = '';
    const lineRanges: Array<[number, number]> = [];
    d.lines.forEach((l, i) => {
      const join = i === 0 ? 'none' : d.joins[i - 1]!;
      if (join === 'drop-hyphen') {
        text = text.slice(0, -1);
        const last = lineRanges[lineRanges.length - 1]!;
        last[1] -= 1;
      } else if (join === 'space') text += ' ';
      lineRanges.push([text.length, text.length + l.text.length]);
      text += l.text;
    });
    d.lines.forEach((l, i) => {
      const [a, b] = lineRanges[i]!;
      const list = pageLines.get(l.page) ?? [];
      list.push({ start: start + a, end: start + b, rect: rectOf(l) });
      pageLines.set(l.page, list);
    });
    paragraphs.push({
      ordinal,
      page: d.lines[0]!.page,
      pageEnd: d.lines[d.lines.length - 1]!.page,
      start,
      end: start + text.length,
      text,
      isHeading: d.isHeading,
      language: null,
      rects: d.lines.map(rectOf),
    });
    parts.push(text);
    offset = start + text.length;
  });
  return { fullText: parts.join(PARAGRAPH_SEPARATOR), paragraphs, pageLines };
}
