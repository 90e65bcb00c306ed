import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { ANALYSIS_VERSION } from '../../../domain/text-analysis/index.ts';
import { migrations } from '../migrations/index.ts';
import { databasePath, openDatabase } from '../open-database.ts';
import { indexEntity } from './indexer.ts';
import { search } from './search.ts';

/*
 * A database indexed before search per language (Porter stems, paragraphs without a language) is
 * migrated and rebuilt when opened: its documents are then found by their language's variants.
 */

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A data directory migrated up to (not including) the search-per-language migration. */
async function oldDatabase(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cp-old-search-'));
  dirs.push(dataDir);
  const sqlite = new Database(databasePath(dataDir));
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const before = Object.fromEntries(
    Object.entries(migrations).filter(([name]) => name < '2026113030-search-per-language'),
  );
  const { error } = await new Migrator({
    db,
    provider: { getMigrations: async () => before },
  }).migrateToLatest();
  if (error) throw error;
  // Its rows are written by today's indexer, which keeps today's top lists: their tables as today
  // (the migration runs again, unrecorded, when the database is opened).
  await migrations['2026113045-search-top-forms']!.up(db);
  const now = '2026-01-01T00:00:00.000Z';
  sqlite
    .prepare(
      `INSERT INTO templates (id, name, label, properties, created_at, updated_at) VALUES ('t', 'Document', 'Document', '[]', ?, ?)`,
    )
    .run(now, now);
  const doc = (id: string, language: string, title: string, text: string) => {
    sqlite
      .prepare(
        `INSERT INTO entities (id, template_id, title, language, published, metadata, created_at, updated_at)
         VALUES (?, 't', ?, ?, 1, '{}', ?, ?)`,
      )
      .run(id, title, language, now, now);
    sqlite
      .prepare(
        `INSERT INTO files (id, entity_id, filename, mime_type, kind, size, sha256, storage_key, status, language,
           page_count, paragraph_count, created_at, updated_at)
         VALUES (?, ?, 'a.txt', 'text/plain', 'txt', 1, ?, ?, 'ready', ?, 1, 1, ?, ?)`,
      )
      .run(`f-${id}`, id, id, id, language, now, now);
    sqlite
      .prepare(
        `INSERT INTO paragraphs (id, file_id, ordinal, page, page_end, start, "end", text, language)
         VALUES (?, ?, 0, 1, 1, 0, ?, ?, NULL)`,
      )
      .run(`p-${id}`, `f-${id}`, text.length, text);
    indexEntity({ sqlite, entityId: id });
  };
  doc('ar', 'ar', 'وثيقة', 'تعزيز الْأَمْنِ السيبراني');
  doc('ru', 'ru', 'Доктрина', 'Утвердить стратегией информационной безопасности');
  await db.destroy();
  return dataDir;
}

describe('an index built before search per language', () => {
  it('is rebuilt with the analysis when the database is opened', async () => {
    const dataDir = await oldDatabase();
    const { sqlite, db } = await openDatabase(dataDir);
    try {
      const viewer = { canSeeUnpublished: true };
      const ids = (q: string) => search(sqlite, { q, viewer }).items.map((i) => i.entity.id);
      expect(ids('الأمن')).toEqual(['ar']);
      expect(ids('стратегия')).toEqual(['ru']);
      // Paragraphs without a language took their file's, and the paragraph index marks them.
      expect(sqlite.prepare(`SELECT language FROM paragraphs ORDER BY id`).pluck().all()).toEqual([
        'ar',
        'ru',
      ]);
      expect(search(sqlite, { q: 'الامن', viewer }).items[0]!.snippets[0]!.html).toContain(
        '<mark>الْأَمْنِ</mark>',
      );
      expect(sqlite.prepare(`SELECT value FROM search_state WHERE key = 'analysis'`).pluck().get()).toBe(
        ANALYSIS_VERSION,
      );
    } finally {
      await db.destroy();
    }
  });
});
