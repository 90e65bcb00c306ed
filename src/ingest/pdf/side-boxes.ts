/**
 * Side boxes and infoboxes: a narrow block of text printed beside the body (in the margin or a frame at one
 * side). Read row by row, its lines interleave with the body's; read as a column pair, the box splits the
 * body paragraph it stands beside. So the box is taken out of the page and read as its own block, placed in
 * the reading order where it starts (the paragraph layer puts it after the paragraph it starts beside).
 */
import { orderPage } from './columns.ts';
import type { PdfLine } from './lines.ts';

/** A box is narrow: at most this share of the page's text width. */
const BOX_MAX_SHARE = 0.4;
/** The body beside it is clearly wider: its median line at least this many times the box's. */
const BODY_TO_BOX = 1.5;
/** A box is a block: at least this many lines, each within this many ems of the one above it. */
const MIN_BOX_LINES = 3;
const MAX_LINE_STEP_EM = 3;
/** Boxes hold sentences, not numbers or labels ("2.", "•"): at least this many characters a line on average. */
const MIN_BOX_CHARS = 12;
/** The body beside must hold off the box's edge by this many ems (no line crosses into the box). */
const CLEARANCE_EM = 0.5;

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/** Groups of a page's lines that are side boxes; every other line is body. */
export function findSideBoxes(lines: PdfLine[], bodySize: number): PdfLine[][] {
  if (lines.length < MIN_BOX_LINES + 2) return [];
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  for (const l of lines) {
    left = Math.min(left, l.x);
    right = Math.max(right, l.x + l.w);
  }
  const width = right - left;
  if (width <= 0) return [];
  const boxes: PdfLine[][] = [];
  const taken = new Set<PdfLine>();
  for (const side of ['right', 'left'] as const) {
    const candidates = lines.filter(
      (l) =>
        !taken.has(l) &&
        l.w <= BOX_MAX_SHARE * width &&
        (side === 'right' ? l.x >= left + 0.45 * width : l.x + l.w <= left + 0.55 * width),
    );
    for (const run of alignedRuns(candidates)) {
      const box = sideBox(lines, run, side, width, bodySize, taken);
      if (!box) continue;
      for (const l of box) taken.add(l);
      boxes.push(box);
    }
  }
  return boxes;
}

/** Runs of lines sharing a left edge (within 2 pt), each close below the previous one. */
function alignedRuns(candidates: PdfLine[]): PdfLine[][] {
  const byEdge = new Map<number, PdfLine[]>();
  for (const l of candidates) {
    const key = [...byEdge.keys()].find((k) => Math.abs(k - l.x) <= 2) ?? l.x;
    const group = byEdge.get(key);
    if (group) group.push(l);
    else byEdge.set(key, [l]);
  }
  const runs: PdfLine[][] = [];
  for (const group of byEdge.values()) {
    group.sort((a, b) => a.top - b.top);
    let run: PdfLine[] = [];
    for (const l of group) {
      const prev = run[run.length - 1];
      if (prev && l.top - prev.top > MAX_LINE_STEP_EM * Math.max(prev.size, l.size)) {
        runs.push(run);
        run = [];
      }
      run.push(l);
    }
    runs.push(run);
  }
  return runs.filter(
    (r) => r.length >= MIN_BOX_LINES && r.reduce((n, l) => n + l.text.length, 0) / r.length >= MIN_BOX_CHARS,
  );
}

function sideBox(
  lines: PdfLine[],
  run: PdfLine[],
  side: 'left' | 'right',
  width: number,
  bodySize: number,
  taken: Set<PdfLine>,
): PdfLine[] | null {
  const edge = side === 'right' ? Math.min(...run.map((l) => l.x)) : Math.max(...run.map((l) => l.x + l.w));
  const top = Math.min(...run.map((l) => l.top));
  const bottom = Math.max(...run.map((l) => l.top + l.h));
  const inSpan = lines.filter((l) => !taken.has(l) && l.top < bottom && l.top + l.h > top);
  const inBox = (l: PdfLine) => (side === 'right' ? l.x >= edge - 2 : l.x + l.w <= edge + 2);
  const box = inSpan.filter(inBox);
  const beside = inSpan.filter((l) => !inBox(l));
  if (beside.length < 2 || box.some((l) => l.w > BOX_MAX_SHARE * width)) return null;
  const clear = CLEARANCE_EM * bodySize;
  if (beside.some((l) => (side === 'right' ? l.x + l.w > edge - clear : l.x < edge + clear))) return null;
  if (median(beside.map((l) => l.w)) < BODY_TO_BOX * median(box.map((l) => l.w))) return null;
  return box;
}

/**
 * A page's lines in reading order with its side boxes taken out of the body and put back as their own flows,
 * right after the body line above the box's top; their lines carry `aside` (one number per box).
 */
export function placeSideBoxes(body: PdfLine[], boxes: PdfLine[][]): PdfLine[] {
  if (boxes.length === 0) return body;
  const out = [...body];
  let flow = Math.max(-1, ...body.map((l) => l.flow)) + 1;
  boxes.forEach((box, aside) => {
    const ordered = orderPage(box, null).map((l) => ({ ...l, flow, aside }));
    flow += 1;
    const top = Math.min(...box.map((l) => l.top));
    let at = 0;
    for (let i = 0; i < out.length; i++) if (out[i]!.aside === undefined && out[i]!.top < top) at = i + 1;
    out.splice(at, 0, ...ordered);
  });
  return out;
}
