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
 * instead of FTS5 doclists. A write costs each kept word one rowid-bounded MATCH per changed entity (from
 * search_changes, as the reader's key cache); falling far behind (a reindex) rebuilds. Counts are exact.
 */

/** Entities of one visibility class among a word's holders, and their facet key counts. */
export type ClassCounts = { total: number; keys: Int32Array };

type Entry = {
  /** search_changes seq the entry reflects. */
  seq: number;
  /** The holders, each with the cached keys it is counted with (indexed by docid). */
  holders: Doc[];
  size: number;
  classes: Map<string, ClassCounts & { admits: (m: Doc) => boolean }>;
  /** Each form's nHit (rows holding it) at `seq`: bm25's idf. */
  nHits: number[] | null;
};

/** Words kept per connection (least recently used leaves first): each holds up to one Doc ref per entity. */
const MAX_WORDS = 64;
const perConnection = new WeakMap<Database.Database, Map<string, Entry>>();

export type WordHolders = {
  /** A holder's cached keys, or undefined. */
  get(docid: number): Doc | undefined;
  /** Every holder (holes skipped). */
  each(fn: (m: Doc) => void): void;
  size: number;
  /** Holders of a class: in the template (any when unset) and, when `publishedOnly`, published. */
  classCounts(template: string | undefined, publishedOnly: boolean): ClassCounts;
  /** Rows holding each form now (FTS5's nHit). */
  nHits(forms: string[]): number[];
};

const grow = (keys: Int32Array, size: number) => {
  if (keys.length >= size) return keys;
  const out = new Int32Array(Math.max(size, keys.length * 2));
  out.set(keys);
  return out;
};

function add(c: ClassCounts, m: Doc, sign: 1 | -1) {
  c.total += sign;
  const k = m.keys;
  for (let i = 0; i < k.length; i++) {
    if (k[i]! >= c.keys.length) c.keys = grow(c.keys, k[i]! + 1);
    c.keys[k[i]!]! += sign;
  }
}

/**
 * The holders of a word (`key`: its top list's key; `match`: the word's MATCH with no filters) as of the
 * reader's key cache `cache`, read inside the search's transaction.
 */
export function wordHolders(
  sqlite: Database.Database,
  key: string,
  match: string,
  cache: DocCache,
): WordHolders {
  let words = perConnection.get(sqlite);
  if (!words) {
    words = new Map();
    perConnection.set(sqlite, words);
  }
  const seq = lastChange(sqlite);
  let entry = words.get(key);
  words.delete(key);
  if (entry && entry.seq !== seq) entry = follow(sqlite, entry, match, cache, seq);
  entry ??= load(sqlite, match, cache, seq);
  words.set(key, entry);
  if (words.size > MAX_WORDS) words.delete(words.keys().next().value!);
  const e = entry;
  return {
    get: (docid) => e.holders[docid],
    each: (fn) => {
      for (const m of e.holders) if (m) fn(m);
    },
    size: e.size,
    classCounts(template, publishedOnly) {
      const name = `${template ?? ''}\u0000${publishedOnly ? 1 : 0}`;
      let c = e.classes.get(name);
      if (!c) {
        const admits = (m: Doc) => (!template || m.template === template) && (!publishedOnly || m.published);
        c = { total: 0, keys: new Int32Array(cache.keys.property.length), admits };
        for (const m of e.holders) if (m && admits(m)) add(c, m, 1);
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

function load(sqlite: Database.Database, match: string, cache: DocCache, seq: number): Entry {
  const holders: Doc[] = [];
  let size = 0;
  for (const docid of matchIds(sqlite, match)) {
    const m = cache.docs.get(docid);
    if (m) {
      holders[docid] = m;
      size++;
    }
  }
  return { seq, holders, size, classes: new Map(), nHits: null };
}

/** The entry after the writes since its seq: each changed entity leaves, and joins again if it holds the word. */
function follow(
  sqlite: Database.Database,
  entry: Entry,
  match: string,
  cache: DocCache,
  seq: number,
): Entry | undefined {
  const changed = changedSince(sqlite, entry.seq, Math.max(64, cache.docs.size / 50));
  if (!changed) return undefined;
  const holds = cached(
    sqlite,
    `SELECT rowid FROM search_entities_fts WHERE search_entities_fts MATCH ? AND rowid = ?`,
    'pluck',
  );
  for (const docid of changed) {
    const before = entry.holders[docid];
    if (before) {
      for (const c of entry.classes.values()) if (c.admits(before)) add(c, before, -1);
      delete entry.holders[docid];
      entry.size--;
    }
    const now = cache.docs.get(docid);
    if (now && holds.get(match, docid) !== undefined) {
      for (const c of entry.classes.values()) if (c.admits(now)) add(c, now, 1);
      entry.holders[docid] = now;
      entry.size++;
    }
  }
  entry.seq = seq;
  entry.nHits = null;
  return entry;
}

/** The words a connection keeps, by list key (for tests: a write must be followed, not reloaded). */
export const keptWords = (sqlite: Database.Database): ReadonlyMap<string, Readonly<Entry>> =>
  perConnection.get(sqlite) ?? new Map();
