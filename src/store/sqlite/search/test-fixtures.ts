import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { SearchParams, SearchResult } from '../../../search/search.ts';
import { openDatabase } from '../open-database.ts';
import { search } from './search.ts';

/**
 * Writes templates, thesauri, entities, files and paragraphs rows directly (the repositories are built in
 * parallel), for search tests and the benchmark. Ids are sequential so failures are easy to read.
 */
export type Fixture = {
  sqlite: Database.Database;
  dataDir: string;
  dbPath: string;
  template(name: string, properties: Record<string, unknown>[]): string;
  thesaurus(name: string, values: { id: string; label: string }[]): string;
  entity(e: {
    template: string;
    title: string;
    published?: boolean;
    language?: string;
    metadata?: Record<string, unknown>;
    id?: string;
  }): string;
  file(
    entityId: string,
    paragraphs: (string | { text: string; page?: number })[],
    opts?: { id?: string; language?: string },
  ): string;
  close(): Promise<void>;
};

let seq = 0;
const nextId = (prefix: string) => `${prefix}${(++seq).toString(36).padStart(8, '0')}`;
const NOW = '2026-01-01T00:00:00.000Z';

/** A fresh database in a temp directory, migrated, with row-writing helpers. */
export async function createFixture(): Promise<Fixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cp-search-'));
  const handle = await openDatabase(dataDir);
  const { sqlite } = handle;
  const templateIds = new Map<string, string>();
  return {
    sqlite,
    dataDir,
    dbPath: handle.path,
    template(name, properties) {
      const id = nextId('tpl');
      sqlite
        .prepare(
          `INSERT INTO templates (id, name, label, properties, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(id, name, name, JSON.stringify(properties), NOW, NOW);
      templateIds.set(name, id);
      return id;
    },
    thesaurus(name, values) {
      const id = nextId('ths');
      sqlite
        .prepare(
          `INSERT INTO thesauri (id, name, label, "values", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(id, name, name, JSON.stringify(values), NOW, NOW);
      return id;
    },
    entity(e) {
      const id = e.id ?? nextId('ent');
      const templateId = templateIds.get(e.template);
      if (!templateId) throw new Error(`fixture: no template ${e.template}`);
      sqlite
        .prepare(
          `INSERT INTO entities (id, template_id, title, language, published, metadata, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          templateId,
          e.title,
          e.language ?? 'en',
          e.published === false ? 0 : 1,
          JSON.stringify(e.metadata ?? {}),
          NOW,
          NOW,
        );
      for (const [property, value] of Object.entries(e.metadata ?? {})) {
        // Mirror relationship values (arrays of entity ids that exist) as the store does.
        if (!Array.isArray(value)) continue;
        for (const to of value)
          sqlite
            .prepare(
              `INSERT OR IGNORE INTO entity_links (from_id, property, to_id)
               SELECT ?, ?, id FROM entities WHERE id = ?`,
            )
            .run(id, property, String(to));
      }
      return id;
    },
    file(entityId, paragraphs, opts = {}) {
      const id = opts.id ?? nextId('fil');
      sqlite
        .prepare(
          `INSERT INTO files (id, entity_id, filename, mime_type, kind, size, sha256, storage_key, status, language,
             page_count, paragraph_count, created_at, updated_at)
           VALUES (?, ?, ?, 'text/plain', 'text', 0, '', ?, 'ready', ?, ?, ?, ?, ?)`,
        )
        .run(id, entityId, `${id}.txt`, id, opts.language ?? null, 1, paragraphs.length, NOW, NOW);
      const insert = sqlite.prepare(
        `INSERT INTO paragraphs (id, file_id, ordinal, page, page_end, start, "end", text, language)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      let offset = 0;
      paragraphs.forEach((p, ordinal) => {
        const text = typeof p === 'string' ? p : p.text;
        const page = typeof p === 'string' ? 1 : (p.page ?? 1);
        insert.run(
          nextId('par'),
          id,
          ordinal,
          page,
          page,
          offset,
          offset + text.length,
          text,
          opts.language ?? null,
        );
        offset += text.length + 2;
      });
      return id;
    },
    async close() {
      await handle.db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A search on the writer with every top list hidden (rolled back): FTS5 scores the whole match. */
export function scoringEverything(sqlite: Database.Database, p: SearchParams): SearchResult {
  sqlite.exec('SAVEPOINT unlisted; DELETE FROM search_top_docs; DELETE FROM search_top_terms;');
  try {
    return search(sqlite, p);
  } finally {
    sqlite.exec('ROLLBACK TO unlisted; RELEASE unlisted;');
  }
}
