/**
 * Pure layout: word-level line breaking with occasional hyphenation, and pagination of flow items into
 * one or two columns per page. Measuring is injected, so this file knows nothing about pdf-lib.
 */
import type { FontStyle } from './fonts.ts';

export type Measure = (text: string, style: FontStyle, size: number) => number;

export interface FlowItem {
  /** Index into the document's blocks; -1 for title-page front matter. */
  block: number;
  kind: 'heading' | 'paragraph' | 'list-item' | 'front';
  /** The words drawn after the label, already normalized. */
  body: string;
  /** The text a perfect extractor returns for this item. */
  truth: string;
  /** Number or bullet drawn in the hanging indent. */
  label?: string;
  style: FontStyle;
  size: number;
  leading: number;
  spaceBefore: number;
  /** Offset of the label from the frame's left edge. */
  labelIndent: number;
  /** Offset of the text from the frame's left edge. */
  indent: number;
  align: 'left' | 'center' | 'justify';
  keepWithNext: boolean;
  /** Chinese: lines break between any two characters and words are drawn without spaces between them. */
  cjk?: boolean;
}

export interface Geometry {
  pageWidth: number;
  pageHeight: number;
  marginLeft: number;
  marginRight: number;
  marginTop: number;
  marginBottom: number;
  columns: 1 | 2;
  gutter: number;
}

export interface Frame {
  page: number;
  x: number;
  width: number;
  top: number;
  bottom: number;
}

export interface PlacedLine {
  item: FlowItem;
  page: number;
  /** Left edge of the frame the line sits in. */
  frameX: number;
  /** Width available to the text (frame width minus indent). */
  width: number;
  baseline: number;
  words: string[];
  first: boolean;
  last: boolean;
}

export interface Placed {
  lines: PlacedLine[];
  pageCount: number;
  /** First and last page of each item, in item order. */
  spans: Array<{ item: FlowItem; page: number; pageEnd: number }>;
}

const VOWELS = 'aeiouyàâäéèêëîïôöùûüœæ';

/** Splits `word` so that its head plus a hyphen fits `room`; only plain lowercase words, never at an existing hyphen. */
export function hyphenate(
  word: string,
  room: number,
  measure: (s: string) => number,
): { head: string; tail: string } | undefined {
  const match = /^([A-Za-zÀ-ÿœ][a-zà-ÿœ]+)([,.;:)]?)$/.exec(word);
  if (!match || match[1]!.length < 9) return undefined;
  const core = match[1]!;
  for (let cut = core.length - 4; cut >= 4; cut--) {
    const before = core[cut - 1]!.toLowerCase();
    const after = core[cut]!.toLowerCase();
    const vowelConsonant = VOWELS.includes(before) && !VOWELS.includes(after);
    const twoConsonants = !VOWELS.includes(before) && !VOWELS.includes(after) && before !== after;
    if (!vowelConsonant && !twoConsonants) continue;
    const head = core.slice(0, cut);
    if (measure(`${head}-`) <= room) return { head, tail: word.slice(cut) };
  }
  return undefined;
}

/** Han characters and full-width punctuation: each a unit of Chinese line breaking. */
const CJK_UNIT = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]|[^\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+/gu;
/** Punctuation that may not begin a line in Chinese: it stays at the end of the line before. */
const NO_LINE_START = /^[，。、；：？！）》」』”’]$/u;

/**
 * Greedy word-level line breaking; the last word of a line may be a hyphenated head ending in "-". Chinese
 * (`cjk`) breaks between characters, keeps a Latin run or number whole and never starts a line with a
 * closing punctuation mark; its "words" are joined without spaces.
 */
export function breakLines(
  text: string,
  width: number,
  measure: (s: string) => number,
  cjk = false,
): string[][] {
  if (cjk) return breakCjk(text, width, measure);
  const words = text.split(' ').filter((w) => w.length > 0);
  const space = measure(' ');
  const lines: string[][] = [];
  let current: string[] = [];
  let used = 0;
  for (const word of words) {
    const w = measure(word);
    const extra = current.length > 0 ? space + w : w;
    if (used + extra <= width) {
      current.push(word);
      used += extra;
      continue;
    }
    const room = width - used - (current.length > 0 ? space : 0);
    const split = room > width * 0.16 ? hyphenate(word, room, measure) : undefined;
    if (split) {
      current.push(`${split.head}-`);
      lines.push(current);
      current = [split.tail];
      used = measure(split.tail);
      continue;
    }
    if (current.length > 0) lines.push(current);
    current = [word];
    used = w;
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

function breakCjk(text: string, width: number, measure: (s: string) => number): string[][] {
  const lines: string[][] = [];
  let current: string[] = [];
  let used = 0;
  for (const unit of text.match(CJK_UNIT) ?? []) {
    const w = measure(unit);
    if (used + w <= width || current.length === 0 || NO_LINE_START.test(unit)) {
      current.push(unit);
      used += w;
      continue;
    }
    lines.push(current);
    current = [unit.trimStart()];
    used = measure(current[0]!);
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

/** The body frames (columns) in reading order, starting below the front matter on page 1. */
export function frameAt(geometry: Geometry, index: number, firstTop: number): Frame {
  const { columns, gutter, marginLeft, marginRight, pageWidth, pageHeight, marginTop, marginBottom } =
    geometry;
  const page = Math.floor(index / columns) + 1;
  const column = index % columns;
  const width = (pageWidth - marginLeft - marginRight - gutter * (columns - 1)) / columns;
  return {
    page,
    x: marginLeft + column * (width + gutter),
    width,
    top: page === 1 ? firstTop : pageHeight - marginTop,
    bottom: marginBottom,
  };
}

/** Lays out front matter (full width, page 1) then the body items in frames; returns every line with its position. */
export function paginate(front: FlowItem[], body: FlowItem[], geometry: Geometry, measure: Measure): Placed {
  const lines: PlacedLine[] = [];
  const spans: Placed['spans'] = [];
  const fullWidth = geometry.pageWidth - geometry.marginLeft - geometry.marginRight;
  let y = geometry.pageHeight - geometry.marginTop;
  for (const item of front) {
    y -= item.spaceBefore;
    const width = fullWidth - item.indent;
    const broken = breakLines(item.body, width, (s) => measure(s, item.style, item.size), item.cjk);
    broken.forEach((words, i) => {
      lines.push({
        item,
        page: 1,
        frameX: geometry.marginLeft,
        width,
        baseline: y - item.size,
        words,
        first: i === 0,
        last: i === broken.length - 1,
      });
      y -= item.leading;
    });
    spans.push({ item, page: 1, pageEnd: 1 });
  }
  const firstTop = front.length > 0 ? y - 14 : y;

  let frameIndex = 0;
  let frame = frameAt(geometry, frameIndex, firstTop);
  let cursor = frame.top;
  let atTop = true;
  const nextFrame = () => {
    frameIndex++;
    frame = frameAt(geometry, frameIndex, firstTop);
    cursor = frame.top;
    atTop = true;
  };
  const broken = body.map((item) =>
    breakLines(item.body, frame.width - item.indent, (s) => measure(s, item.style, item.size), item.cjk),
  );
  body.forEach((item, k) => {
    const itemLines = broken[k]!;
    const before = atTop ? 0 : item.spaceBefore;
    // Headings keep with what follows (a run of headings and the first two lines of the next paragraph).
    let need = (item.keepWithNext ? itemLines.length : Math.min(2, itemLines.length)) * item.leading;
    for (let j = k; body[j]?.keepWithNext && body[j + 1]; j++) {
      const next = body[j + 1]!;
      need += next.spaceBefore;
      need += (next.keepWithNext ? broken[j + 1]!.length : Math.min(2, broken[j + 1]!.length)) * next.leading;
    }
    if (!atTop && cursor - before - need < frame.bottom) nextFrame();
    else cursor -= before;
    let firstPage = frame.page;
    itemLines.forEach((words, i) => {
      if (cursor - item.leading < frame.bottom) nextFrame();
      if (i === 0) firstPage = frame.page;
      lines.push({
        item,
        page: frame.page,
        frameX: frame.x,
        width: frame.width - item.indent,
        baseline: cursor - item.size,
        words,
        first: i === 0,
        last: i === itemLines.length - 1,
      });
      cursor -= item.leading;
      atTop = false;
    });
    spans.push({ item, page: firstPage, pageEnd: frame.page });
  });
  return { lines, pageCount: frame.page, spans };
}
