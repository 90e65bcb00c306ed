import type Database from 'better-sqlite3';
import { cached } from './statements.ts';

/*
 * The holders of each listed word's forms, on disk beside the top lists (decision 68): per form and per
 * chunk of CHUNK docids, one little-endian uint16 per docid:
 *   0            the row lacks the form;
 *   1            the row holds it outside the text columns only (the zero-weighted tags);
 *   f + 1        f is the form's column-weighted count in title/meta/body (bm25's f);
 *   OVERFLOW     f too large to keep (the reader asks FTS5 instead).
 * A reader finds a frequent word's holders (any form with a value ≥ 2), each form's nHit (values ≥ 1 among
 * the indexed rows) and a few rows' bm25 from them, without reading the word's doclist; the writer keeps
 * them in the entity's own transaction (maintainTopTerms), the rebuild of the lists fills them. Values of
 * a removed entity stay until its docid is written again: readers count only the docids they have keys
 * for (their cache of search_entities, which is the set of FTS rows).
 */
export const CHUNK = 512;
export const OVERFLOW = 0xffff;

/** The stored value for a row with `f` (column-weighted text count) and whether it holds the form at all. */
export const holderValue = (f: number, holds: boolean) => (f > 0 ? Math.min(f + 1, OVERFLOW) : holds ? 1 : 0);

const chunkOf = (docid: number) => Math.floor(docid / CHUNK);

const upsert = (sqlite: Database.Database) =>
  cached(
    sqlite,
    `INSERT INTO search_top_holders (chunk, form, counts) VALUES (?, ?, ?)
     ON CONFLICT (chunk, form) DO UPDATE SET counts = excluded.counts`,
  );

/** Sets one docid's values for some forms (the writer, after the row was written). */
export function writeDocValues(sqlite: Database.Database, docid: number, values: Map<string, number>): void {
  const chunk = chunkOf(docid);
  const at = (docid % CHUNK) * 2;
  const rows = new Map(
    cached(sqlite, `SELECT form, counts FROM search_top_holders WHERE chunk = ?`, 'raw').all(chunk) as [
      string,
      Buffer,
    ][],
  );
  const put = upsert(sqlite);
  for (const [form, v] of values) {
    let counts = rows.get(form);
    if ((counts ? counts.readUInt16LE(at) : 0) === v) continue;
    counts ??= Buffer.alloc(CHUNK * 2);
    counts.writeUInt16LE(v, at);
    put.run(chunk, form, counts);
  }
}

/** Writes a form's values from scratch (the rebuild of the lists): `values` by docid, zeros left out. */
export function writeFormValues(sqlite: Database.Database, form: string, values: Map<number, number>): void {
  const chunks = new Map<number, Buffer>();
  for (const [docid, v] of values) {
    if (!v) continue;
    const chunk = chunkOf(docid);
    const counts = chunks.get(chunk) ?? Buffer.alloc(CHUNK * 2);
    chunks.set(chunk, counts);
    counts.writeUInt16LE(v, (docid % CHUNK) * 2);
  }
  const put = upsert(sqlite);
  for (const [chunk, counts] of chunks) put.run(chunk, form, counts);
}

/** A form's values by docid (index = docid; docids past the end hold 0). */
export function formValues(sqlite: Database.Database, form: string): Uint16Array {
  const rows = cached(
    sqlite,
    `SELECT chunk, counts FROM search_top_holders WHERE form = ? ORDER BY chunk`,
    'raw',
  ).all(form) as [number, Buffer][];
  const last = rows.length ? rows[rows.length - 1]![0] : -1;
  const out = new Uint16Array((last + 1) * CHUNK);
  const bytes = new Uint8Array(out.buffer);
  for (const [chunk, counts] of rows) bytes.set(counts, chunk * CHUNK * 2);
  return out;
}

/** One docid's values for every stored form (a reader following a write). */
export function docValues(sqlite: Database.Database, docid: number): Map<string, number> {
  const rows = cached(sqlite, `SELECT form, counts FROM search_top_holders WHERE chunk = ?`, 'raw').all(
    chunkOf(docid),
  ) as [string, Buffer][];
  const at = (docid % CHUNK) * 2;
  return new Map(rows.map(([form, counts]) => [form, counts.readUInt16LE(at)]));
}
