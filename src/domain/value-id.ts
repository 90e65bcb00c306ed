// No imports: the web app's thesaurus editor uses it too, without the CSV reader.

/** An id for a new value from its label: lowercase ASCII letters, digits and dashes, unique in `taken`. */
export function valueIdFor(label: string, taken: { has(id: string): boolean }): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'value';
  let id = /^[a-z0-9]/.test(base) ? base : `v-${base}`;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
