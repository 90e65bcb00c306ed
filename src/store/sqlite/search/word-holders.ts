import type Database from 'better-sqlite3';
import type { Doc, DocCache } from '../../../search/doc-cache.ts';
import { changedSince, lastChange, matchIds } from './queries.ts';
import { cached } from './statements.ts';
import { rowsHolding } from './top-term-scores.ts';

/*
 * What a frequent word's query needs besides its page, kept per reader connection and followed write by
 * write (issue 16 item 1): the entities holding the word, and per visibility class (template, published
 * only) their number and facet key counts. A frequent word matches most of the collection, so finding its
 * holders (a docid-only MATCH over the whole doclist) and counting their facets was the part of the query
 * that stayed linear after the top lists ranked the page; with these kept, an unfiltered query's total and
 * facets cost nothing that grows with the collection, and a filtered one's a pass over cached keys
 * instead of FTS5 doclists. Counts are exact.
 *
 * Every kept word is followed at once when the connection sees new writes (search_changes, as its key
 * cache): each changed entity leaves each word's holders with the keys it was counted with (`counted`,
 * one snapshot for all words) and joins again if a rowid-bounded MATCH of the word finds it. So a word
 * costs one byte per entity, and a write one small MATCH per followed word and changed entity (the 8
 * words asked last; the others leave); more changes than 1/50 of the collection (a reindex) drop the
 * words, which load again when next asked.
 */

/** Entities of one visibility class among a word's holders, and their facet key counts. */
export type ClassCounts = { total: number; keys: Int32Array };

type Entry = {
  match: string;
  /** Bit per docid (a byte, for speed): holds the word. */
  holds: Uint8Array;
  size: number;
  classes: Map<string, ClassCounts & { admits: (m: Doc) => boolean }>;
  /** Each form's nHit (rows holding it) as of the connection's seq: bm25's idf. */
  nHits: number[] | null;
};

type Kept = {
  /** search_changes seq every entry reflects. */
  seq: number;
  /** The cached keys each entity is counted with in the entries (its keys as of `seq`). */
  counted: Doc[];
  words: Map<string, Entry>;
};

/**
 * Words kept per connection, least recently used leaving first (the top lists' 256 at most); of them, the
 * FOLLOWED most recently asked follow a write, the others leave then (and load again when next asked).
 */
const MAX_WORDS = 256;
const FOLLOWED = 8;
const perConnection = new WeakMap<Database.Database, Kept>();

export type WordHolders = {
  /** A holder's cached keys, or undefined. */
  get(docid: number): Doc | undefined;
  /** Every holder. */
  each(fn: (m: Doc) => void): void;
  size: number;
  /** Holders of a class: in the template (any when unset) and, when `publishedOnly`, published. */
  classCounts(template: string | undefined, publishedOnly: boolean): ClassCounts;
  /** Rows holding each form now (FTS5's nHit). */
  nHits(forms: string[]): number[];
};

function add(c: ClassCounts, m: Doc, sign: 1 | -1) {
  c.total += sign;
  const k = m.keys;
  for (let i = 0; i < k.length; i++) {
    if (k[i]! >= c.keys.length) {
      const grown = new Int32Array(Math.max(k[i]! + 1, c.keys.length * 2));
      grown.set(c.keys);
      c.keys = grown;
    }
    c.keys[k[i]!]! += sign;
  }
}

const setBit = (e: Entry, docid: number) => {
  if (docid >= e.holds.length) {
    const grown = new Uint8Array(Math.max(docid + 1, e.holds.length * 2));
    grown.set(e.holds);
    e.holds = grown;
  }
  e.holds[docid] = 1;
};

/**
 * The holders of a word (`key`: its top list's key; `match`: the word's MATCH with no filters) as of the
 * reader's key cache `cache`, read inside the search's transaction; null when the word is not kept and
 * `load` is false (loading is a MATCH over the word's whole doclist).
 */
export function wordHolders(
  sqlite: Database.Database,
  key: string,
  match: string,
  cache: DocCache,
  { load: mayLoad = true } = {},
): WordHolders | null {
  const kept = current(sqlite, cache);
  let entry = kept.words.get(key);
  if (!entry && !mayLoad) return null;
  kept.words.delete(key);
  entry ??= load(sqlite, match, cache);
  kept.words.set(key, entry);
  if (kept.words.size > MAX_WORDS) kept.words.delete(kept.words.keys().next().value!);
  const e = entry;
  const docs = cache.docs;
  return {
    get: (docid) => (e.holds[docid] ? docs.get(docid) : undefined),
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
        const admits = (m: Doc) => (!template || m.template === template) && (!publishedOnly || m.published);
        c = { total: 0, keys: new Int32Array(cache.keys.property.length), admits };
        for (let docid = 0; docid < e.holds.length; docid++) {
          const m = e.holds[docid] ? docs.get(docid) : undefined;
          if (m && admits(m)) add(c, m, 1);
        }
        e.classes.set(name, c);
      }
      return { total: c.total, keys: c.keys };
    },
    nHits(forms) {
      e.nHits ??= forms.map((f) => rowsHolding(sqlite, f));
      return e.nHits;
    },
  };
}

/** The connection's kept words, brought to the seq of `cache` (the search's transaction). */
function current(sqlite: Database.Database, cache: DocCache): Kept {
  const seq = lastChange(sqlite);
  let kept = perConnection.get(sqlite);
  if (kept && kept.seq !== seq) {
    const changed = kept.words.size
      ? changedSince(sqlite, kept.seq, Math.max(64, cache.docs.size / 50))
      : null;
    if (changed) {
      // Following costs a MATCH per word and changed entity: only the most recently asked words follow.
      for (const key of [...kept.words.keys()].slice(0, -FOLLOWED)) kept.words.delete(key);
      follow(sqlite, kept, changed, cache);
    } else kept = undefined;
  }
  if (!kept) {
    kept = { seq, counted: [], words: new Map() };
    for (const [docid, m] of cache.docs) kept.counted[docid] = m;
    perConnection.set(sqlite, kept);
  }
  kept.seq = seq;
  return kept;
}

function load(sqlite: Database.Database, match: string, cache: DocCache): Entry {
  const e: Entry = { match, holds: new Uint8Array(0), size: 0, classes: new Map(), nHits: null };
  for (const docid of matchIds(sqlite, match))
    if (cache.docs.has(docid)) {
      setBit(e, docid);
      e.size++;
    }
  return e;
}

/** Each changed entity leaves every kept word with its counted keys, and joins those it holds now. */
function follow(sqlite: Database.Database, kept: Kept, changed: number[], cache: DocCache) {
  const holds = cached(
    sqlite,
    `SELECT rowid FROM search_entities_fts WHERE search_entities_fts MATCH ? AND rowid = ?`,
    'pluck',
  );
  for (const docid of changed) {
    const before = kept.counted[docid];
    const now = cache.docs.get(docid);
    for (const e of kept.words.values()) {
      e.nHits = null;
      if (before && e.holds[docid]) {
        for (const c of e.classes.values()) if (c.admits(before)) add(c, before, -1);
        e.holds[docid] = 0;
        e.size--;
      }
      if (now && holds.get(e.match, docid) !== undefined) {
        for (const c of e.classes.values()) if (c.admits(now)) add(c, now, 1);
        setBit(e, docid);
        e.size++;
      }
    }
    if (now) kept.counted[docid] = now;
    else delete kept.counted[docid];
  }
}

/** The words a connection keeps, by list key (for tests: a write must be followed, not reloaded). */
export const keptWords = (sqlite: Database.Database): ReadonlyMap<string, Readonly<Entry>> =>
  perConnection.get(sqlite)?.words ?? new Map();
