import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The storage seam (docs/ARCHITECTURE.md, decisions 18 and 19): operations, server, CLI and demo reach the
 * database only through Store's repositories, and search only through the SearchProvider type (start-portal.ts
 * gets it from src/store/open-search.ts); src/search holds only what both search engines share. Biome's
 * noRestrictedImports refuses engine imports in these folders; this test also catches what an import rule
 * cannot see: the handle reached as a property (`store.sqlite`), a dynamic import, a biome-ignore.
 */
const ROOT = join(import.meta.dirname, '..');
const LAYERS = ['src/operations', 'src/server', 'src/cli', 'src/demo', 'src/ingest'];

function sources(dir: string, { tests = false } = {}): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(tsx?|mjs)$/.test(e.name) && (tests || !e.name.endsWith('.test.ts')))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** The imports of a source (static or dynamic) that reach a storage engine: a store module or a driver. */
function storeImports(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)) {
    const spec = m[1]!;
    if (/(?:^|\/)store\//.test(spec) || spec === 'better-sqlite3' || spec === 'pg' || spec.startsWith('pg-'))
      found.push(spec);
  }
  return found;
}

/** The lines of a source that touch the SQLite engine: its handle as a property, or an engine import. */
function engineUses(text: string): string[] {
  return text
    .split('\n')
    .filter(
      (line) =>
        /\.sqlite\b(?!['"])/.test(line) ||
        /from\s+['"](?:\.\.?\/)+(?:\.\.\/)*store\/sqlite\//.test(line) ||
        /from\s+['"]better-sqlite3['"]/.test(line),
    )
    .map((line) => line.trim());
}

/** The src/search modules a source imports (statically or dynamically), other than the provider type. */
function searchEngineImports(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)['"](?:\.\.?\/)+search\/([\w./-]+)['"]/g)) {
    // Only src/search itself: `../store/sqlite/search/…` does not match and is the engine rule's.
    if (m[1] !== 'provider.ts') found.push(m[1]!);
  }
  return found;
}

describe('the storage seam', () => {
  it('recognises the handle and engine imports it is meant to keep out', () => {
    expect(engineUses('const h = tx.sqlite.sqlite;')).toHaveLength(1);
    expect(engineUses('  sqlite: store.sqlite.path,')).toHaveLength(1);
    expect(engineUses("import { nowIso } from '../../store/sqlite/ids.ts';")).toHaveLength(1);
    expect(engineUses("import type Database from 'better-sqlite3';")).toHaveLength(1);
    expect(
      engineUses("import type { Store } from '../store/store.ts';\nconst p = 'cyberportal.sqlite';"),
    ).toEqual([]);
  });

  it('recognises imports of the search engine, which only the provider type escapes', () => {
    expect(searchEngineImports("import type { SearchPool } from '../../search/worker-pool.ts';")).toEqual([
      'worker-pool.ts',
    ]);
    expect(searchEngineImports("import { indexFile } from '../search/indexer.ts';")).toEqual(['indexer.ts']);
    expect(searchEngineImports("const m = await import('../search/search.ts');")).toEqual(['search.ts']);
    expect(searchEngineImports("import type { SearchProvider } from '../search/provider.ts';")).toEqual([]);
    expect(searchEngineImports("import { x } from '../store/sqlite/search/queries.ts';")).toEqual([]);
  });

  it('keeps search engine modules out of operations, server, CLI, demo and ingest: they see SearchProvider only', () => {
    const offenders = LAYERS.flatMap((d) => sources(d)).flatMap((f) =>
      searchEngineImports(readFileSync(join(ROOT, f), 'utf8')).map((m) => `${f}: src/search/${m}`),
    );
    expect(offenders).toEqual([]);
  });

  it('recognises imports that reach a storage engine', () => {
    expect(storeImports("import { matchIds } from '../store/sqlite/search/queries.ts';")).toEqual([
      '../store/sqlite/search/queries.ts',
    ]);
    expect(storeImports("const m = await import('../../store/postgres/search/provider.ts');")).toHaveLength(
      1,
    );
    expect(storeImports("import type Database from 'better-sqlite3';")).toEqual(['better-sqlite3']);
    expect(storeImports("import { keyName } from './doc-cache.ts';\nimport pgx from 'pgx';")).toEqual([]);
  });

  it('keeps src/search engine-neutral, tests included: the FTS5 and PostgreSQL engines import it, never the reverse', () => {
    const files = sources('src/search', { tests: true });
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((f) =>
      storeImports(readFileSync(join(ROOT, f), 'utf8')).map((spec) => `${f}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the SQLite handle and engine modules out of operations, server, CLI, demo and ingest', () => {
    const files = LAYERS.flatMap((d) => sources(d));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((f) =>
      engineUses(readFileSync(join(ROOT, f), 'utf8')).map((line) => `${f}: ${line}`),
    );
    expect(offenders).toEqual([]);
  });
});
