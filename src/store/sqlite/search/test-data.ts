import { indexEntity, reindexAll } from './indexer.ts';
import type { Fixture } from './test-fixtures.ts';

/** Deterministic PRNG (mulberry32) so generated fixtures and failures reproduce. */
export function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DOC_TYPES = [
  { id: 'legislation', label: 'Legislation' },
  { id: 'strategy', label: 'National strategy' },
  { id: 'statement', label: 'Statement' },
];
export const TOPICS = [
  { id: 'norms', label: 'Norms' },
  { id: 'capacity-building', label: 'Capacity building' },
  { id: 'cbms', label: 'Confidence-building measures' },
];
export const REGIONS = [
  { id: 'europe', label: 'Europe' },
  { id: 'asia', label: 'Asia' },
];

/** The templates most tests use: State (region) and Document (type, topics, state, date, summary). */
export function standardTemplates(fx: Fixture) {
  fx.thesaurus('documentTypes', DOC_TYPES);
  fx.thesaurus('topics', TOPICS);
  fx.thesaurus('regions', REGIONS);
  fx.template('State', [
    { name: 'region', label: 'Region', type: 'select', thesaurus: 'regions', filterable: true },
  ]);
  fx.template('Document', [
    { name: 'documentType', label: 'Type', type: 'select', thesaurus: 'documentTypes', filterable: true },
    { name: 'topics', label: 'Topics', type: 'multiselect', thesaurus: 'topics', filterable: true },
    { name: 'state', label: 'State', type: 'relationship', targetTemplate: 'State', filterable: true },
    { name: 'date', label: 'Date', type: 'date', filterable: true },
    { name: 'summary', label: 'Summary', type: 'text' },
  ]);
}

/** Adds an entity with one file of paragraphs and indexes it. */
export function addDocument(
  fx: Fixture,
  doc: {
    title: string;
    paragraphs?: string[];
    metadata?: Record<string, unknown>;
    published?: boolean;
    template?: string;
  },
): string {
  const id = fx.entity({
    template: doc.template ?? 'Document',
    title: doc.title,
    metadata: doc.metadata,
    published: doc.published,
  });
  if (doc.paragraphs?.length) fx.file(id, doc.paragraphs);
  indexEntity({ sqlite: fx.sqlite, entityId: id });
  return id;
}

export const VOCAB = ['alpha', 'bravo', 'delta', 'echo', 'golf', 'hotel', 'kilo', 'lima', 'oscar', 'papa'];

/** `n` random documents over VOCAB with random metadata; returns what brute-force checks need. */
export function randomCorpus(fx: Fixture, n: number, seed: number) {
  const rand = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const states = ['sa', 'sb', 'sc'].map((s, i) =>
    fx.entity({ template: 'State', title: `State ${s}`, metadata: { region: REGIONS[i % 2]!.id } }),
  );
  const docs: { id: string; words: Set<string>; metadata: Record<string, unknown>; published: boolean }[] =
    [];
  for (let i = 0; i < n; i++) {
    const metadata: Record<string, unknown> = {};
    if (rand() < 0.8) metadata.documentType = pick(DOC_TYPES).id;
    const topics = TOPICS.filter(() => rand() < 0.4).map((t) => t.id);
    if (topics.length) metadata.topics = topics;
    if (rand() < 0.7) metadata.state = [pick(states)];
    if (rand() < 0.9) metadata.date = `${2000 + Math.floor(rand() * 6)}-0${1 + Math.floor(rand() * 9)}`;
    const words = Array.from({ length: 5 + Math.floor(rand() * 10) }, () => pick(VOCAB));
    const published = rand() < 0.75;
    const id = fx.entity({ template: 'Document', title: `Doc ${i}`, metadata, published });
    fx.file(id, [words.join(' ')]);
    docs.push({ id, words: new Set(words), metadata, published });
  }
  reindexAll({ sqlite: fx.sqlite });
  return { docs, states };
}

const values = (md: Record<string, unknown>, p: string): string[] => {
  const v = md[p];
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v.map(String) : [String(v)];
  return p === 'date' ? list.map((d) => d.slice(0, 4)) : list;
};

export type Filter = { p: string; vs: string[]; op: 'and' | 'or'; missing?: boolean };

export const passesFilter = (md: Record<string, unknown>, f: Filter) => {
  const have = values(md, f.p);
  if (f.missing && !have.length) return true;
  if (!f.vs.length) return false;
  return f.op === 'and' ? f.vs.every((v) => have.includes(v)) : f.vs.some((v) => have.includes(v));
};

/**
 * Facet counts computed the slow, obvious way from the fixture's own record of what it wrote: the total
 * passes every filter; a facet filtered with OR is counted over the entities passing every *other*
 * filter ("exclude self"), any other facet over those passing all of them.
 */
export function bruteForceCounts(
  corpus: ReturnType<typeof randomCorpus>,
  word: string | string[] | null,
  canSeeUnpublished: boolean,
  filters: Filter[],
) {
  const words = word === null ? [] : [word].flat();
  const candidates = corpus.docs.filter(
    (d) => (canSeeUnpublished || d.published) && words.every((w) => d.words.has(w)),
  );
  const passing = (skip?: string) =>
    candidates.filter((d) => filters.every((f) => f.p === skip || passesFilter(d.metadata, f)));
  const facets: Record<string, { counts: Record<string, number>; missing: number }> = {};
  for (const p of ['documentType', 'topics', 'state', 'date']) {
    const own = filters.find((f) => f.p === p);
    const counts: Record<string, number> = {};
    let missing = 0;
    for (const d of passing(own?.op === 'or' ? p : undefined)) {
      const vs = values(d.metadata, p);
      if (!vs.length) missing++;
      for (const v of vs) counts[v] = (counts[v] ?? 0) + 1;
    }
    facets[p] = { counts, missing };
  }
  return { total: passing().length, facets };
}
