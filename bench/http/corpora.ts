/**
 * Generated corpora for the reader-facing benches, built once and reused (issue 16 item 7): building 1M
 * paragraphs takes minutes, so each size is kept under bench/.out/corpora/p<paragraphs>/ with its
 * CorpusInfo, and a run works on a copy (runs write to it). `npx tsx bench/http/corpora.ts 20000 200000`
 * builds the sizes named (40 paragraphs per document, as the 1M paragraphs / 25,000 documents).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/store/sqlite/open-database.ts';
import { reindexAll } from '../../src/store/sqlite/search/indexer.ts';
import { type CorpusInfo, generateCorpus } from '../search/corpus.ts';

const ROOT = join(import.meta.dirname, '..', '.out', 'corpora');
export const PARAGRAPHS_PER_DOC = 40;

export type Corpus = { dir: string; info: CorpusInfo; docs: number; paragraphs: number };

/**
 * The stored corpus of this size, built first if missing. `docs` apart from the default makes another
 * corpus (kept as p<paragraphs>-d<docs>): the profile bench needs the 25,000 documents of the issue's
 * largest corpus, and their links, but not its million paragraphs.
 */
export async function corpus(
  paragraphs: number,
  log = console.log,
  docs = Math.max(1, Math.round(paragraphs / PARAGRAPHS_PER_DOC)),
): Promise<Corpus> {
  const isDefault = docs === Math.max(1, Math.round(paragraphs / PARAGRAPHS_PER_DOC));
  const dir = join(ROOT, isDefault ? `p${paragraphs}` : `p${paragraphs}-d${docs}`);
  const infoFile = join(dir, 'corpus.json');
  if (!existsSync(infoFile)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const t0 = performance.now();
    const handle = await openDatabase(dir);
    const info = generateCorpus(handle.sqlite, { docs, paragraphs, seed: 20261130 });
    reindexAll({ sqlite: handle.sqlite });
    handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await handle.db.destroy();
    writeFileSync(infoFile, JSON.stringify(info));
    log(`built corpus ${dir} (${docs} documents) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  return { dir, docs, paragraphs, info: JSON.parse(readFileSync(infoFile, 'utf8')) as CorpusInfo };
}

/**
 * A stored corpus of the default shape, never built nor removed here: a bench that reads corpora another
 * checkout keeps (bench/.out/corpora/p<n> linked to them) must not start building, or clearing, one that
 * is still being built there (corpus() removes a directory without corpus.json before building).
 */
export function storedCorpus(paragraphs: number): Corpus {
  const dir = join(ROOT, `p${paragraphs}`);
  const infoFile = join(dir, 'corpus.json');
  if (!existsSync(infoFile))
    throw new Error(
      `${dir} has no corpus.json: build it first (npx tsx bench/http/corpora.ts ${paragraphs})`,
    );
  const info = JSON.parse(readFileSync(infoFile, 'utf8')) as CorpusInfo;
  return { dir, info, paragraphs, docs: Math.max(1, Math.round(paragraphs / PARAGRAPHS_PER_DOC)) };
}

/** A scratch copy of a stored corpus's data directory (the caller removes it). */
export function copyOf(c: Corpus): string {
  const dir = mkdtempSync(join(tmpdir(), `cp-bench-p${c.paragraphs}-`));
  for (const name of ['cyberportal.sqlite', 'cyberportal.sqlite-wal', 'cyberportal.sqlite-shm'])
    if (existsSync(join(c.dir, name))) cpSync(join(c.dir, name), join(dir, name));
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`)
  for (const n of process.argv.slice(2)) await corpus(Number(n));
