/**
 * Ruling lines: the thin strokes and filled bars a table or form draws between its cells. Text alone cannot
 * tell two cells 3 pt apart ("Albania | 2020 | National Cyber Security Authority" in a bordered HTML table,
 * "26 | Moving expenses… | 26" on a tax form) from the words of one line; the rule drawn between them can.
 * They are read from the page's operator list: each painted path's sub-paths, turned to viewer space, that
 * are thin and long (a filled bar, or a stroked axis-aligned segment, each side of a stroked rectangle).
 */
import type { LooseGap } from './lines.ts';
import { type Matrix, type TransformOps, TransformTracker } from './transform.ts';

/** A ruling line in viewer space (PDF points, y down): a thin box, vertical or horizontal. */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A rule is at most this thick (points): thicker bars are shading or blocks, not lines between cells. */
const MAX_THICKNESS_PT = 2.5;
/** ... and at least this long (points): shorter strokes are glyph parts, check marks, bullets. */
const MIN_LENGTH_PT = 6;
/** Paths with more points than this are drawings (charts, logos), not table borders: skipped whole. */
const MAX_PATH_NUMBERS = 4000;

type OperatorList = { fnArray: number[]; argsArray: unknown[] };

/** pdf.js's path buffer codes (DrawOPS in pdf.js 5): moveTo x y, lineTo x y, curveTo 6 numbers, quadratic 4, close. */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUADRATIC = 3;
const CLOSE = 4;

/** The operator codes this module needs, from pdf.js's OPS table. */
export interface RuleOps extends TransformOps {
  constructPath: number;
  stroke: Set<number>;
  fill: Set<number>;
}

export function ruleOpsOf(OPS: Record<string, number>): RuleOps {
  const set = (names: string[]) =>
    new Set(names.map((n) => OPS[n]).filter((v): v is number => v !== undefined));
  return {
    save: OPS.save ?? -1,
    restore: OPS.restore ?? -1,
    transform: OPS.transform ?? -1,
    paintFormXObjectBegin: OPS.paintFormXObjectBegin ?? -1,
    paintFormXObjectEnd: OPS.paintFormXObjectEnd ?? -1,
    constructPath: OPS.constructPath ?? -1,
    stroke: set([
      'stroke',
      'closeStroke',
      'fillStroke',
      'eoFillStroke',
      'closeFillStroke',
      'closeEOFillStroke',
    ]),
    fill: set(['fill', 'eoFill', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke']),
  };
}

/** The ruling lines an operator list paints, in viewer space (`viewport` = pdf.js's viewport transform). */
export function rulesOf(ops: OperatorList, viewport: Matrix, codes: RuleOps): Rule[] {
  const rules: Rule[] = [];
  const transform = new TransformTracker(viewport, codes);
  const n = ops.fnArray.length;
  for (let i = 0; i < n; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] as unknown[] | null;
    if (transform.step(fn, args)) continue;
    if (fn === codes.constructPath && args) {
      const paint = args[0] as number;
      const stroked = codes.stroke.has(paint);
      if (!stroked && !codes.fill.has(paint)) continue; // a clip or an unpainted path
      const data = (args[1] as unknown[] | undefined)?.[0];
      if (!(data instanceof Float32Array) && !Array.isArray(data)) continue;
      if (data.length > MAX_PATH_NUMBERS) continue;
      pathRules(data as ArrayLike<number>, transform.ctm, stroked, rules);
    }
  }
  return rules;
}

/** Rules of one painted path: stroked axis-aligned segments, and thin filled or stroked sub-paths. */
function pathRules(data: ArrayLike<number>, m: Matrix, stroked: boolean, out: Rule[]): void {
  const at = (x: number, y: number): [number, number] => [
    m[0]! * x + m[2]! * y + m[4]!,
    m[1]! * x + m[3]! * y + m[5]!,
  ];
  let points: Array<[number, number]> = [];
  let curved = false;
  const endSubpath = () => {
    if (points.length >= 2 && !curved) {
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      const box = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
      if (isRule(box)) out.push(box);
      else if (stroked) {
        // A stroked rectangle or polyline: each of its straight sides is a line of its own.
        for (let k = 1; k < points.length; k++) {
          const [a, b] = [points[k - 1]!, points[k]!];
          const side = {
            x0: Math.min(a[0], b[0]),
            y0: Math.min(a[1], b[1]),
            x1: Math.max(a[0], b[0]),
            y1: Math.max(a[1], b[1]),
          };
          if (isRule(side)) out.push(side);
        }
      }
    }
    points = [];
    curved = false;
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i]!;
    if (op === MOVE) {
      endSubpath();
      points.push(at(data[i + 1]!, data[i + 2]!));
      i += 3;
    } else if (op === LINE) {
      points.push(at(data[i + 1]!, data[i + 2]!));
      i += 3;
    } else if (op === CURVE) {
      curved = true;
      i += 7;
    } else if (op === QUADRATIC) {
      curved = true;
      i += 5;
    } else if (op === CLOSE) {
      if (points.length > 0) points.push(points[0]!);
      i += 1;
    } else break; // an unknown code: the rest cannot be parsed
  }
  endSubpath();
}

function isRule(b: Rule): boolean {
  const w = b.x1 - b.x0;
  const h = b.y1 - b.y0;
  return Math.min(w, h) <= MAX_THICKNESS_PT && Math.max(w, h) >= MIN_LENGTH_PT;
}

export const isVertical = (r: Rule) => r.y1 - r.y0 > r.x1 - r.x0;

/** Gaps in line with gaps of other rows that make a page worth reading for rules (a list costs). */
const TABULAR_GAPS = 3;
/** Rows further apart than this (ems) are not one table. */
const TABLE_SPAN_EM = 6;

/**
 * Whether a page's text looks like a table or form somewhere: a few loose gaps (lines.ts) standing one above
 * the other in nearby rows, as cells' edges do. Pages of running prose are not read for rules.
 */
export function looksTabular(gaps: LooseGap[]): boolean {
  let aligned = 0;
  for (const g of gaps) {
    const other = gaps.some(
      (o) =>
        o !== g &&
        Math.abs(o.baseline - g.baseline) > 0.5 * g.size &&
        Math.abs(o.baseline - g.baseline) <= TABLE_SPAN_EM * g.size &&
        Math.min(o.x1, g.x1) - Math.max(o.x0, g.x0) > 0,
    );
    if (other && ++aligned >= TABULAR_GAPS) return true;
  }
  return false;
}
