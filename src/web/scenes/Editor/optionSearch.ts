/** A thesaurus value as the select fields offer it. */
export type Option = { id: string; label: string };

/** Options with their folded labels, built once per thesaurus (not per keystroke). */
export type OptionIndex = { options: Option[]; folded: string[] };

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

export const indexOptions = (options: Option[]): OptionIndex => ({
  options,
  folded: options.map((o) => fold(o.label)),
});

/**
 * The first `limit` options for what was typed: labels starting with it before labels containing it, accents
 * and case ignored. One pass over the folded labels and at most `limit` rendered, so a thesaurus of 10,000
 * values costs a string scan per keystroke and never 10,000 DOM nodes.
 */
export function searchOptions(
  index: OptionIndex,
  typed: string,
  limit = 50,
  exclude?: ReadonlySet<string>,
): Option[] {
  const q = fold(typed.trim());
  const starts: Option[] = [];
  const contains: Option[] = [];
  for (let i = 0; i < index.options.length && starts.length < limit; i++) {
    const o = index.options[i]!;
    if (exclude?.has(o.id)) continue;
    const label = index.folded[i]!;
    if (!q || label.startsWith(q)) starts.push(o);
    else if (contains.length < limit && label.includes(q)) contains.push(o);
  }
  return [...starts, ...contains].slice(0, limit);
}
