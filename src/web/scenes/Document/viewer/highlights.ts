import type { TextRange } from './selection.ts';

/**
 * What a page marks: connection ends (by relation), matches of the in-document search, the paragraph a
 * permalink points to, the passage being connected, and a suggested target.
 */
export type HighlightKind = 'reference' | 'search' | 'focus' | 'selection' | 'suggestion';

export type Highlight = TextRange & {
  kind: HighlightKind;
  /** Connection id for `reference`: a click on the highlight opens that connection. */
  id?: string;
  /** Said by screen readers and shown as a tooltip. */
  label?: string;
};

/** Highlights that touch `start..end`. */
export const touching = (highlights: readonly Highlight[], start: number, end: number) =>
  highlights.filter((h) => h.end > start && h.start < end);
