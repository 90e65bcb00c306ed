/** What an import did, per kind of record: read, imported, already there, mapped with loss, failed. */
export type KindReport = {
  read: number;
  /** Created by this run. */
  imported: number;
  /** Imported by an earlier run and changed in Uwazi since: brought up to date. */
  updated: number;
  /** Imported by an earlier run (found by its Uwazi id) and not changed in Uwazi since: left as it is. */
  unchanged: number;
  /** Imported, but something of it could not be carried over: what. */
  loss: string[];
  /** Not imported: why. */
  failed: string[];
};

export const KINDS = [
  'relationTypes',
  'thesauri',
  'templates',
  'properties',
  'users',
  'entities',
  'translations',
  'connections',
  'files',
  'references',
  'activity',
] as const;
export type Kind = (typeof KINDS)[number];

export type ImportReport = {
  dryRun: boolean;
  defaultLanguage: string;
  languages: string[];
  kinds: Record<Kind, KindReport>;
  /** What the import made that Uwazi did not have, and why (e.g. properties for hub-only connections). */
  notes: string[];
  /** What the site's profile settings name after the import, or why they are not set (never silently). */
  settings: string[];
};

export function emptyReport(dryRun: boolean): ImportReport {
  const kinds = {} as Record<Kind, KindReport>;
  for (const k of KINDS) kinds[k] = { read: 0, imported: 0, updated: 0, unchanged: 0, loss: [], failed: [] };
  return { dryRun, defaultLanguage: '', languages: [], kinds, notes: [], settings: [] };
}

/** The report as lines for a person at the terminal: one line per kind, then each loss and failure. */
export function formatReport(r: ImportReport): string {
  const lines = [
    `${r.dryRun ? 'Dry run (nothing written)' : 'Uwazi import'}: default language ${r.defaultLanguage}, languages ${r.languages.join(', ')}`,
    'kind            read   created   updated  unchanged  with loss  failed',
  ];
  for (const k of KINDS) {
    const x = r.kinds[k];
    lines.push(
      `${k.padEnd(14)} ${String(x.read).padStart(5)} ${String(x.imported).padStart(9)} ${String(x.updated).padStart(9)} ${String(x.unchanged).padStart(10)} ${String(x.loss.length).padStart(10)} ${String(x.failed.length).padStart(7)}`,
    );
  }
  for (const k of KINDS) {
    for (const l of r.kinds[k].loss) lines.push(`  ${k}: mapped with loss: ${l}`);
    for (const f of r.kinds[k].failed) lines.push(`  ${k}: failed: ${f}`);
  }
  for (const n of r.notes) lines.push(`  note: ${n}`);
  for (const s of r.settings) lines.push(`site settings: ${s}`);
  return lines.join('\n');
}
