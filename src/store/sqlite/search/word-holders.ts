import type Database from 'better-sqlite3';
import type { Doc, DocCache } from '../../../search/doc-cache.ts';
import { type ActiveFilter, type KeyCounts, passesKeys } from '../../../search/facets.ts';
import { changedSince, lastChange } from './queries.ts';
import { cached } from './statements.ts';
import { CHUNK, docValues, formValues } from './top-holders.ts';
import { allRowSizes, rowSizes, rowsHolding } from './top-term-scores.ts';

/*
 * What a frequent word's query needs besides its page, kept per reader connection and followed write by
 * write (issue 16 item 1): the entities holding the word, each form's nHit, and per visibility class
 * (template, published only) the holders' number and facet key counts. A frequent word matches most of
 * the collection; with these kept, an unfiltered query's total and facets cost nothing that grows with the
 * collection, and a filtered one's a pass over its few matches.
 *
 * The holders are read from the writer's values on disk (top-holders.ts, decision 68), not from FTS5: a
 * word's first query on a connection reads its forms' chunks (a few KB per thousand entities) instead of
 * a MATCH over its whole doclist, and a class's counts are one pass over flat arrays of every entity's
 * keys (`Snapshot`), not over the cache's objects (20–40 ms at 25,000 entities). Writes are followed from
 * search_changes as the key cache follows them: each changed entity leaves each kept word's holders with
 * the keys it was counted with (the snapshot) and joins again if its values on disk say it holds the word
 * now: a chunk read per changed entity, whatever the number of kept words. More changes than 1/50 of the
 * collection (a reindex) drop the kept words, which load again when next asked.
 */

/** Entities of one visibility class among a word's holders, and their facet key counts. */
export type ClassCounts = { total: number; keys: Int32Array };
type KeptClass = ClassCounts & { template: string | undefined; publishedOnly: boolean };

type Entry = {
  forms: string[];
  /** Holds the word (a byte per docid, for speed). */
  holds: Uint8Array;
  size: number;
  classes: Map<string, KeptClass>;
  /** Each form's nHit (rows holding it) as of the connection's seq: bm25's idf. */
  nHits: number[] | null;
};

/**
 * The keys, template and published flag each indexed entity is counted with in the entries, flat by docid
 * (its keys as of the kept seq); `at[docid]` < 0: not indexed.
 */
type Snapshot = {
  at: Int32Array;
  len: Int32Array;
  template: Int32Array;
  published: Uint8Array;
  keys: Int32Array;
  /** Keys written, and of them the entities' current ones (a changed entity's old keys stay unused). */
  used: number;
  live: number;
  templates: string[];
  templateId: Map<string, number>;
};

/** `sizes`: every row's token count by docid (bm25's D), loaded when first asked and followed like the rest. */
type Kept = { seq: number; snap: Snapshot; words: Map<string, Entry>; sizes: Int32Array | null };

/** Words kept per connection (the top lists' 256 at most), least recently used leaving first. */
const MAX_WORDS = 256;
const perConnection = new WeakMap<Database.Database, Kept>();

export type WordHolders = {
  /** A holder's cached keys, or undefined. */
  get(docid: number): Doc | undefined;
  /** Every holder. */
  each(fn: (m: Doc) => void): void;
  /** A byte per docid: 1 the indexed entity holds the word (read only). */
  holds: Uint8Array;
  size: number;
  /** Holders of a class: in the template (any when unset) and, when `publishedOnly`, published. */
  classCounts(template: string | undefined, publishedOnly: boolean): ClassCounts;
  /** Rows holding each of the word's forms now (FTS5's nHit). */
  nHits(): number[];
  /**
   * The total passing every filter and the facet key counts (facets.ts countKeys' rule: all filters
   * passed, or only an OR filter failed, which counts for its own facet) over the visible holders among
   * `docids` (every holder when null), from the flat keys: countKeys over the cache's objects cost
   * 20–40 ms for the few thousand entities passing one filter at 1M paragraphs.
   */
  countFiltered(
    docids: Iterable<number> | null,
    visibility: { template: string | undefined; publishedOnly: boolean },
    filters: ActiveFilter[],
  ): { total: number; counts: KeyCounts };
};

const grow = <T extends Int32Array | Uint8Array>(a: T, n: number, fill = 0): T => {
  if (n <= a.length) return a;
  const b = new (a.constructor as { new (n: number): T })(Math.max(n, a.length * 2));
  b.set(a);
  if (fill) b.fill(fill, a.length);
  return b;
};

function snapshotOf(cache: DocCache): Snapshot {
  let max = -1;
  let total = 0;
  for (const [docid, m] of cache.docs) {
    if (docid > max) max = docid;
    total += m.keys.length;
  }
  const s: Snapshot = {
    at: new Int32Array(max + 1).fill(-1),
    len: new Int32Array(max + 1),
    template: new Int32Array(max + 1),
    published: new Uint8Array(max + 1),
    keys: new Int32Array(total + 1024),
    used: 0,
    live: 0,
    templates: [],
    templateId: new Map(),
  };
  for (const [docid, m] of cache.docs) place(s, docid, m);
  return s;
}

/** Sets (or, with no doc, clears) one entity's entry; a changed entity's keys go at the end. */
function place(s: Snapshot, docid: number, m: Doc | undefined) {
  if (docid >= s.at.length) {
    s.at = grow(s.at, docid + 1, -1);
    s.len = grow(s.len, docid + 1);
    s.template = grow(s.template, docid + 1);
    s.published = grow(s.published, docid + 1);
  }
  if (s.at[docid]! >= 0) s.live -= s.len[docid]!;
  if (!m) {
    s.at[docid] = -1;
    return;
  }
  let t = s.templateId.get(m.template);
  if (t === undefined) {
    t = s.templates.length;
    s.templates.push(m.template);
    s.templateId.set(m.template, t);
  }
  if (s.used + m.keys.length > s.keys.length) s.keys = grow(s.keys, s.used + m.keys.length);
  s.keys.set(m.keys, s.used);
  s.at[docid] = s.used;
  s.len[docid] = m.keys.length;
  s.used += m.keys.length;
  s.live += m.keys.length;
  s.template[docid] = t;
  s.published[docid] = m.published ? 1 : 0;
}

/** Adds (sign 1) or subtracts one entity, as the snapshot counts it, to the classes admitting it. */
function count(classes: Iterable<KeptClass>, s: Snapshot, docid: number, sign: 1 | -1) {
  const at = s.at[docid]!;
  if (at < 0) return;
  for (const c of classes) {
    if (c.template !== undefined && s.templates[s.template[docid]!] !== c.template) continue;
    if (c.publishedOnly && !s.published[docid]) continue;
    c.total += sign;
    for (let i = at, end = at + s.len[docid]!; i < end; i++) {
      const k = s.keys[i]!;
      if (k >= c.keys.length) c.keys = grow(c.keys, k + 1);
      c.keys[k]! += sign;
    }
  }
}

/**
 * A class's holders and their key counts, in one pass over the flat snapshot (a word's first query: at 1M
 * paragraphs ~20,000 holders, where a call per holder cost ~1 ms).
 */
function classOf(
  holds: Uint8Array,
  s: Snapshot,
  template: string | undefined,
  publishedOnly: boolean,
  nKeys: number,
): KeptClass {
  const tid = template === undefined ? -1 : (s.templateId.get(template) ?? -2);
  let keys = new Int32Array(Math.max(nKeys, 1));
  let total = 0;
  const { at, len, keys: flat, published } = s;
  const t = s.template;
  const n = Math.min(holds.length, at.length);
  for (let docid = 0; docid < n; docid++) {
    if (!holds[docid]) continue;
    const from = at[docid]!;
    if (from < 0 || (tid !== -1 && t[docid] !== tid) || (publishedOnly && !published[docid])) continue;
    total++;
    const end = from + len[docid]!;
    for (let i = from; i < end; i++) {
      const k = flat[i]!;
      if (k >= keys.length) keys = grow(keys, k + 1);
      keys[k]!++;
    }
  }
  return { total, keys, template, publishedOnly };
}

/**
 * The holders of a listed word (`forms`: its forms, as its top list names them) as of the reader's key
 * cache `cache`, read inside the search's transaction.
 */
export function wordHolders(sqlite: Database.Database, forms: string[], cache: DocCache): WordHolders {
  const kept = current(sqlite, cache);
  const key = forms.join(' ');
  let entry = kept.words.get(key);
  kept.words.delete(key);
  entry ??= load(sqlite, forms, kept.snap);
  kept.words.set(key, entry);
  if (kept.words.size > MAX_WORDS) kept.words.delete(kept.words.keys().next().value!);
  const e = entry;
  const docs = cache.docs;
  const s = kept.snap;
  return {
    get: (docid) => (e.holds[docid] ? docs.get(docid) : undefined),
    holds: e.holds,
    each: (fn) => {
      const h = e.holds;
      for (let docid = 0; docid < h.length; docid++)
        if (h[docid]) {
          const m = docs.get(docid);
          if (m) fn(m);
        }
    },
    size: e.size,
    classCounts(template, publishedOnly) {
      const name = `${template ?? ''}\u0000${publishedOnly ? 1 : 0}`;
      let c = e.classes.get(name);
      if (!c) {
        c = classOf(e.holds, s, template, publishedOnly, cache.keys.property.length);
        e.classes.set(name, c);
      }
      return { total: c.total, keys: c.keys };
    },
    nHits() {
      // After a write, FTS5's own count (fts5vocab: ~1 ms) rather than reading the forms' chunks again.
      e.nHits ??= e.forms.map((form) => rowsHolding(sqlite, form));
      return e.nHits;
    },
    countFiltered(docids, { template, publishedOnly }, filters) {
      const property = cache.keys.property;
      const all = new Int32Array(property.length);
      const self = new Int32Array(property.length);
      let total = 0;
      const visit = (docid: number) => {
        const at = e.holds[docid] ? s.at[docid]! : -1;
        if (at < 0) return;
        if (template !== undefined && s.templates[s.template[docid]!] !== template) return;
        if (publishedOnly && !s.published[docid]) return;
        const end = at + s.len[docid]!;
        let failed = -1;
        let fails = 0;
        for (let i = 0; i < filters.length && fails < 2; i++)
          if (!passesKeys(s.keys, at, end, filters[i]!)) {
            fails++;
            failed = i;
          }
        if (fails === 0) {
          total++;
          for (let i = at; i < end; i++) all[s.keys[i]!]!++;
        } else if (fails === 1 && filters[failed]!.op === 'or') {
          const own = filters[failed]!.name;
          for (let i = at; i < end; i++) if (property[s.keys[i]!] === own) self[s.keys[i]!]!++;
        }
      };
      if (docids) for (const docid of docids) visit(docid);
      else for (let docid = 0; docid < e.holds.length; docid++) visit(docid);
      return { total, counts: { all, self } };
    },
  };
}

/** Indexed rows holding a form anywhere (value ≥ 1): FTS5's nHit of the form. */
function nHitOf(values: Uint16Array, s: Snapshot): number {
  let n = 0;
  for (let docid = 0; docid < values.length; docid++) if (values[docid]! > 0 && s.at[docid]! >= 0) n++;
  return n;
}

/** The connection's kept words, brought to the seq of `cache` (the search's transaction). */
function current(sqlite: Database.Database, cache: DocCache): Kept {
  const seq = lastChange(sqlite);
  let kept = perConnection.get(sqlite);
  if (kept && kept.seq !== seq) {
    const changed = changedSince(sqlite, kept.seq, Math.max(64, cache.docs.size / 50));
    if (changed) follow(sqlite, kept, changed, cache);
    else kept = undefined;
  }
  if (!kept) {
    const snap = snapshotOf(cache);
    kept = { seq, snap, words: loadAll(sqlite, snap), sizes: null };
    perConnection.set(sqlite, kept);
  }
  // After many writes, most of the flat keys are old ones: written again from the cache (equal to it now).
  if (kept.snap.used > 2 * kept.snap.live + 65_536) kept.snap = snapshotOf(cache);
  kept.seq = seq;
  return kept;
}

/**
 * Every listed word's holders, read in one pass over the stored values when a connection starts keeping
 * words (its first search, or after a reindex dropped them): a word's first query on a connection read its
 * forms' chunks (~100 pages at 1M paragraphs, not yet in the connection's page cache) and set the p95 of
 * frequent words at 1M (decision 79); one ordered scan of the 13 MB table costs about what 50 such first
 * queries did, once per connection, and nothing after it grows with the collection.
 */
function loadAll(sqlite: Database.Database, s: Snapshot): Map<string, Entry> {
  const listed = cached(sqlite, `SELECT forms FROM search_top_terms`, 'pluck').all() as string[];
  const words = listed.map((json) => JSON.parse(json) as string[]);
  const formHolds = new Map<string, { holds: Uint8Array; nHit: number }>();
  for (const forms of words)
    for (const form of forms) formHolds.set(form, { holds: new Uint8Array(s.at.length), nHit: 0 });
  const at = s.at;
  const rows = cached(
    sqlite,
    `SELECT chunk, form, counts FROM search_top_holders`,
    'raw',
  ).iterate() as Iterable<[number, string, Buffer]>;
  for (const [chunk, form, counts] of rows) {
    const f = formHolds.get(form);
    if (!f) continue;
    const first = chunk * CHUNK;
    const n = Math.min(counts.length >> 1, at.length - first);
    for (let i = 0; i < n; i++) {
      const v = counts[2 * i]! | (counts[2 * i + 1]! << 8);
      if (!v || at[first + i]! < 0) continue;
      f.nHit++;
      if (v >= 2) f.holds[first + i] = 1;
    }
  }
  const out = new Map<string, Entry>();
  for (const forms of words) {
    const parts = forms.map((form) => formHolds.get(form)!);
    let holds = parts[0]!.holds;
    if (parts.length > 1) {
      holds = new Uint8Array(holds);
      for (const p of parts.slice(1))
        for (let docid = 0; docid < holds.length; docid++) holds[docid]! |= p.holds[docid]!;
    }
    let size = 0;
    for (let docid = 0; docid < holds.length; docid++) size += holds[docid]!;
    out.set(forms.join(' '), { forms, holds, size, classes: new Map(), nHits: parts.map((p) => p.nHit) });
  }
  return out;
}

function load(sqlite: Database.Database, forms: string[], s: Snapshot): Entry {
  const e: Entry = { forms, holds: new Uint8Array(s.at.length), size: 0, classes: new Map(), nHits: [] };
  const holds = e.holds;
  for (const form of forms) {
    const values = formValues(sqlite, form);
    e.nHits!.push(nHitOf(values, s));
    const n = Math.min(values.length, holds.length);
    for (let docid = 0; docid < n; docid++) if (values[docid]! >= 2 && s.at[docid]! >= 0) holds[docid] = 1;
  }
  for (let docid = 0; docid < holds.length; docid++) e.size += holds[docid]!;
  return e;
}

/** Each changed entity leaves every kept word with its counted keys, and joins those it holds now. */
function follow(sqlite: Database.Database, kept: Kept, changed: number[], cache: DocCache) {
  const s = kept.snap;
  if (kept.sizes) {
    const now = rowSizes(sqlite, changed);
    for (const docid of changed) {
      if (docid >= kept.sizes.length) kept.sizes = grow(kept.sizes, docid + 1);
      kept.sizes[docid] = now.get(docid) ?? 0;
    }
  }
  for (const docid of changed) {
    const now = cache.docs.get(docid);
    const values = kept.words.size ? docValues(sqlite, docid) : null;
    for (const e of kept.words.values()) {
      e.nHits = null;
      if (e.holds[docid]) {
        count(e.classes.values(), s, docid, -1);
        e.holds[docid] = 0;
        e.size--;
      }
    }
    place(s, docid, now);
    if (!now) continue;
    for (const e of kept.words.values())
      if (e.forms.some((form) => (values!.get(form) ?? 0) >= 2)) {
        if (docid >= e.holds.length) e.holds = grow(e.holds, docid + 1);
        e.holds[docid] = 1;
        e.size++;
        count(e.classes.values(), s, docid, 1);
      }
  }
}

/**
 * Every indexed row's token count by docid (FTS5's xColumnSize(-1), bm25's D), as of the search's
 * transaction: read once per connection (one pass over the sizes table) and followed write by write with
 * the kept words, so scoring thousands of rows from stored values does not read a size per row.
 */
export function keptRowSizes(sqlite: Database.Database, cache: DocCache): Int32Array {
  const kept = current(sqlite, cache);
  kept.sizes ??= allRowSizes(sqlite);
  return kept.sizes;
}

/** The words a connection keeps, by list key (for tests: a write must be followed, not reloaded). */
export const keptWords = (sqlite: Database.Database): ReadonlyMap<string, Readonly<Entry>> =>
  perConnection.get(sqlite)?.words ?? new Map();
