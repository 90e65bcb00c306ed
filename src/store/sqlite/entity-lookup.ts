import type Database from 'better-sqlite3';

/** Ids of entities of a template whose metadata value `key` equals `value` (case-insensitive), e.g. a State by iso3. */
export function findEntityIdsByMetadata(
  sqlite: Database.Database,
  { template, key, value }: { template: string; key: string; value: string },
): string[] {
  if (!/^[a-zA-Z0-9]+$/.test(key)) throw new Error(`Invalid metadata key ${key}`);
  return sqlite
    .prepare(
      `SELECT e.id FROM entities e JOIN templates t ON t.id = e.template_id
       WHERE t.name = ? AND lower(json_extract(e.metadata, '$.${key}')) = lower(?)`,
    )
    .pluck()
    .all(template, value) as string[];
}
