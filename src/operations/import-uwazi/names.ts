/**
 * Names for imported templates, properties, thesauri and relation types. Uwazi names are free text ("Juez
 * y/o Comisionado") or slugs of labels with accents replaced by "_" ("pa_s"); ours must match the schemas'
 * patterns. The name is derived from the label, accents folded, so it reads like the label and comes out the
 * same on every run (the import mapping then finds it again).
 */

const words = (label: string): string[] =>
  label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/** "Juez y/o Comisionado" → "JuezYOComisionado"; PascalCase, at most 64 characters, starting with a letter. */
export function pascalName(label: string, fallback: string): string {
  const name = words(label).map(cap).join('');
  return clip(/^[A-Z]/.test(name) ? name : `${cap(fallback)}${name}`, 64);
}

/** "Envío a la corte" → "envioALaCorte"; camelCase, at most 64 characters, starting with a letter. */
export function camelName(label: string, fallback: string): string {
  const [first = '', ...rest] = words(label);
  const name = first.toLowerCase() + rest.map(cap).join('');
  return clip(/^[a-z]/.test(name) ? name : `${fallback}${cap(name)}`, 64);
}

/** "Relacionado a" → "relacionado-a"; lowercase words joined by dashes, starting with a letter. */
export function slugName(label: string, fallback: string): string {
  const name = words(label)
    .map((w) => w.toLowerCase())
    .join('-');
  return clip(/^[a-z]/.test(name) ? name : `${fallback}-${name}`.replace(/-$/, ''), 64);
}

/** A thesaurus value id from Uwazi's (uuids and short random ids already fit; others are folded). */
export function valueId(uwaziId: string): string {
  if (/^[a-z0-9][a-z0-9-]{0,63}$/.test(uwaziId)) return uwaziId;
  const folded = uwaziId
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+/, '');
  return clip(folded || 'v', 64);
}

const clip = (name: string, max: number) => name.slice(0, max);

/**
 * Makes `name` unique among `taken` (adding it) with a numeric suffix ("pais2"), keeping the length limit.
 */
export function uniqueName(name: string, taken: Set<string>, join = ''): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) {
    const suffix = `${join}${n}`;
    candidate = name.slice(0, 64 - suffix.length) + suffix;
  }
  taken.add(candidate);
  return candidate;
}
