/**
 * Maps the browser's text selection to offsets in the file's text. Every piece of text the viewer renders
 * (a line of a PDF text layer, a run of paged text) is a span with `data-start`: the offset of its first
 * character, its text being exactly the file's text from there. So a DOM position is `data-start` + the
 * characters before it inside that span.
 */
export type TextRange = { start: number; end: number };

const TEXT_SPAN = '[data-start]';

function spanOf(node: Node): HTMLElement | null {
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  return el?.closest<HTMLElement>(TEXT_SPAN) ?? null;
}

/** Offset of a DOM boundary point, or null when it is not inside rendered text. */
function offsetAt(node: Node, offset: number, root: Element, edge: 'start' | 'end'): number | null {
  const span = spanOf(node);
  if (span && root.contains(span)) {
    const before = document.createRange();
    before.selectNodeContents(span);
    before.setEnd(node, offset);
    return Number(span.dataset.start) + before.toString().length;
  }
  // A boundary between elements (triple-click, a drag that ends in a margin): use the nearest span after
  // (for a start) or before it (for an end), in document order.
  const spans = Array.from(root.querySelectorAll<HTMLElement>(TEXT_SPAN));
  const point = document.createRange();
  point.setStart(node, offset);
  const after = (s: HTMLElement) => point.comparePoint(s, 0) >= 0;
  if (edge === 'start') {
    const s = spans.find(after);
    return s ? Number(s.dataset.start) : null;
  }
  const s = spans.findLast((x) => !after(x));
  return s ? Number(s.dataset.start) + (s.textContent ?? '').length : null;
}

/** The current selection inside `root` as file offsets, or null (nothing selected, or outside the text). */
export function selectedRange(root: Element): TextRange | null {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = offsetAt(range.startContainer, range.startOffset, root, 'start');
  const end = offsetAt(range.endContainer, range.endOffset, root, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** The file offset under a point (a click on text), or null. */
export function offsetAtPoint(x: number, y: number, root: Element): number | null {
  const caret = document.caretPositionFromPoint?.(x, y);
  if (!caret) return null;
  return offsetAt(caret.offsetNode, caret.offset, root, 'start');
}
