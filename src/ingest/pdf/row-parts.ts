/**
 * Parts of a row that are not cells of their own: dot leaders and a pointer join the label they lead from, a
 * hanging number its text. Run on a flow's rows after item-cuts.ts parted a segment's items, before the
 * cell step (table-cells.ts) reads the rows.
 */
import { ruledApart } from './cell-wraps.ts';
import type { PdfLine } from './lines.ts';

/** A row of one flow, as table-cells.ts and item-cuts.ts build it. */
interface Row {
  lines: PdfLine[];
  baseline: number;
  uncut?: PdfLine[];
}

/**
 * Dot leaders (". . . . ."), spaced wider than a column gap, belong to the text they lead from; so do the
 * last dots with the arrow that ends them (". ▶").
 */
const LEADER = /^[.·…_\s]+([▶►▸→➔➜➤⇒]\s*)*$/;
/**
 * An arrow printed after a form's label points from it to the box to fill ("Firm's name ▶", "total income
 * . . . ▶"): part of the label, never a cell. It is set in a symbol font, smaller, often past the leaders.
 */
const POINTER = /^[▶►▸→➔➜➤⇒](\s*[▶►▸→➔➜➤⇒])*$/;
/**
 * A paragraph's or list item's number or bullet standing in its own column ("2.", "(a)", "•"): it hangs
 * before its text (paragraphs.ts reads it with it), it is not a table's column.
 */
const HANGING_MARKER =
  /^(\d{1,3}(\.\d{1,3})*\.|\d{1,3}\)|\((\d{1,3}|[a-z]{1,2}|[ivxl]{1,6}|[A-Z])\)|[a-z]\)|[•▪◦·‣●○■□➢►✓*\-–—])$/;

export function joinRowParts(lines: PdfLine[]): PdfLine[] {
  const out: PdfLine[] = [];
  for (const [i, l] of lines.entries()) {
    const prev = out[out.length - 1];
    if (
      prev &&
      (LEADER.test(l.text) ||
        POINTER.test(l.text) ||
        (i === 1 && HANGING_MARKER.test(prev.text) && !ruledApart(prev, l)))
    ) {
      const top = Math.min(prev.top, l.top);
      const bottom = Math.max(prev.top + prev.h, l.top + l.h);
      out[out.length - 1] = {
        ...prev,
        text: `${prev.text} ${l.text}`,
        w: l.x + l.w - prev.x,
        top,
        h: bottom - top,
      };
    } else out.push(l);
  }
  return out;
}

/** A label's baseline stands within this of its pointer's (ems of the larger type). */
const POINTER_BASELINE_EM = 0.5;
/** A label may run this far under its pointer's left edge (ems of the pointer). */
const POINTER_SLACK_EM = 0.25;

const hasLetter = (l: PdfLine) => /\p{L}/u.test(l.text);

/**
 * A pointer after a segment with no letter and no leaders (a box's line number "76", a brace "}") points from the nearest
 * label before it on its baseline, not from that number or brace: "…see instructions ▶ | 76 | ▶" (the second
 * pointer into the box right of its number), "Total boxes / checked | } ▶" (the pointer on the label's
 * second line, pdf.js's item starting at the brace). The pointer's text goes to that label, which keeps its
 * box; a row read as prose later (its `uncut` lines) shows the pointer where pdf.js had it, once.
 */
export function pointersToNearer(rows: Row[]): void {
  for (const [i, row] of rows.entries()) {
    for (const l of [...row.lines]) {
      // Looked up in the row as it is now: an earlier pointer of the row may have left it.
      const before = row.lines[row.lines.indexOf(l) - 1];
      // Leaders are the label's own: the pointer ends them.
      if (!POINTER.test(l.text) || !before || hasLetter(before) || LEADER.test(before.text)) continue;
      let label: { line: PdfLine; row: Row } | undefined;
      for (const r of rows.slice(Math.max(0, i - 1), i + 2)) {
        // A label cut out of a longer segment would lose the pointer if its row were read as prose.
        if (r !== row && r.uncut) continue;
        for (const o of r.lines) {
          if (
            o !== l &&
            hasLetter(o) &&
            o.x + o.w <= l.x + POINTER_SLACK_EM * l.size &&
            Math.abs(o.baseline - l.baseline) <= POINTER_BASELINE_EM * Math.max(o.size, l.size) &&
            (!label || o.x + o.w > label.line.x + label.line.w)
          )
            label = { line: o, row: r };
        }
      }
      if (!label || !dropFromUncut(row, l)) continue;
      const at = label.row.lines.indexOf(label.line);
      label.row.lines[at] = { ...label.line, text: `${label.line.text} ${l.text}` };
      row.lines.splice(row.lines.indexOf(l), 1);
    }
  }
}

/**
 * Takes a pointer cut off the end of one of a row's uncut lines off that line too, so that the row read as
 * prose does not show it a second time; false when no uncut line ends in it.
 */
function dropFromUncut(row: Row, l: PdfLine): boolean {
  if (!row.uncut) return true;
  const k = row.uncut.findIndex(
    (u) => u.x <= l.x && u.x + u.w >= l.x + l.w - 0.01 && u.text.endsWith(l.text) && u.text !== l.text,
  );
  if (k < 0) return false;
  const u = row.uncut[k]!;
  const { pieces: _p, ...rest } = u;
  row.uncut[k] = { ...rest, text: u.text.slice(0, -l.text.length).trimEnd(), w: l.x - u.x };
  return true;
}
