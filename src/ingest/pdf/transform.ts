/** A PDF transformation matrix [a b c d e f]. */
export type Matrix = number[];

/** m × t: the matrix of t applied inside m (a `cm` operator's matrix inside the current one). */
export function multiply(m: Matrix, t: Matrix): Matrix {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  const [ta = 1, tb = 0, tc = 0, td = 1, te = 0, tf = 0] = t;
  return [
    a * ta + c * tb,
    b * ta + d * tb,
    a * tc + c * td,
    b * tc + d * td,
    a * te + c * tf + e,
    b * te + d * tf + f,
  ];
}

/** pdf.js's codes (OPS) of the operators that move the current transformation matrix. */
export type TransformOps = {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
};

/**
 * The current transformation matrix followed through an operator list: save and restore, `cm`, and form
 * XObjects (their matrix applies until their end). Readers of what a page paints (pictures, ruling lines)
 * call `step` for each operator and look at the others with `ctm`.
 */
export class TransformTracker {
  ctm: Matrix;
  private readonly stack: Matrix[] = [];

  constructor(
    start: Matrix,
    private readonly ops: TransformOps,
  ) {
    this.ctm = start;
  }

  /** Follows one operator; true when it was one that only moves the matrix. */
  step(fn: number, args: unknown[] | null): boolean {
    const { ops } = this;
    if (fn === ops.save) this.stack.push(this.ctm);
    else if (fn === ops.restore) this.ctm = this.stack.pop() ?? this.ctm;
    else if (fn === ops.transform && args) this.ctm = multiply(this.ctm, args as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      this.stack.push(this.ctm);
      const m = args?.[0];
      if (Array.isArray(m) && m.length === 6) this.ctm = multiply(this.ctm, m as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) this.ctm = this.stack.pop() ?? this.ctm;
    else return false;
    return true;
  }
}
