import type { TocEntry } from '../../../../domain/schemas/toc.ts';

/**
 * Edits of a table of contents that keep it a tree (each level at most one deeper than the entry above): an
 * entry moves with the entries under it, and the entries under a deleted one move up a level.
 */

/** The index just past entry i's sub-entries. */
const subtreeEnd = (toc: TocEntry[], i: number) => {
  let j = i + 1;
  while (j < toc.length && toc[j]!.level > toc[i]!.level) j++;
  return j;
};

const shift = (toc: TocEntry[], from: number, to: number, by: number) =>
  toc.map((e, k) => (k >= from && k < to ? { ...e, level: e.level + by } : e));

export const canIndent = (toc: TocEntry[], i: number) => {
  const end = subtreeEnd(toc, i);
  const deepest = Math.max(...toc.slice(i, end).map((e) => e.level));
  return i > 0 && toc[i]!.level <= toc[i - 1]!.level && deepest < 6;
};

export const canOutdent = (toc: TocEntry[], i: number) => toc[i]!.level > 1;

export const indent = (toc: TocEntry[], i: number) => shift(toc, i, subtreeEnd(toc, i), 1);

export const outdent = (toc: TocEntry[], i: number) => shift(toc, i, subtreeEnd(toc, i), -1);

export const rename = (toc: TocEntry[], i: number, label: string) =>
  toc.map((e, k) => (k === i ? { ...e, label } : e));

export function remove(toc: TocEntry[], i: number): TocEntry[] {
  const shifted = shift(toc, i + 1, subtreeEnd(toc, i), -1);
  return shifted.filter((_, k) => k !== i);
}

/**
 * A new entry at its place in the document (`at(entry)` orders entries by position in the text), at the
 * level of the entry before it, or 1 at the top.
 */
export function insert(
  toc: TocEntry[],
  entry: Omit<TocEntry, 'level'>,
  at: (e: Pick<TocEntry, 'page' | 'paragraphId'>) => number,
): { toc: TocEntry[]; index: number } {
  const where = at(entry);
  let index = toc.findIndex((e) => at(e) > where);
  if (index < 0) index = toc.length;
  const level = index === 0 ? 1 : toc[index - 1]!.level;
  return { toc: [...toc.slice(0, index), { ...entry, level }, ...toc.slice(index)], index };
}
