import type { Kysely } from 'kysely';
import type { Tables } from '../tables.ts';

/** One imported record: its kind and id in the source system, and its id here. */
export type ImportMapping = { kind: string; sourceId: string; localId: string };

/**
 * What an import remembers of one record beyond its ids: a hash of the values it last wrote (so a record
 * unchanged in the source is left alone on the next run), and JSON of what the source had that this portal
 * keeps but does not enforce (decision 45).
 */
export type ImportTrace = { fingerprint: string | null; data: unknown };

/** Where imported records came from (`import_mappings`), per source system ("uwazi"). */
export function createImportMappingRepository(db: Kysely<Tables>) {
  return {
    /** Every mapping of one source, by kind then source id. */
    async list(source: string): Promise<Map<string, Map<string, string>>> {
      const rows = await db
        .selectFrom('import_mappings')
        .select(['kind', 'source_id', 'local_id'])
        .where('source', '=', source)
        .execute();
      const byKind = new Map<string, Map<string, string>>();
      for (const r of rows) {
        const m = byKind.get(r.kind) ?? new Map<string, string>();
        byKind.set(r.kind, m);
        m.set(r.source_id, r.local_id);
      }
      return byKind;
    },
    /** Records mappings; one already recorded for the same source id is left as it is. */
    async insert(source: string, mappings: ImportMapping[], at: string): Promise<void> {
      for (let i = 0; i < mappings.length; i += 200) {
        await db
          .insertInto('import_mappings')
          .values(
            mappings.slice(i, i + 200).map((m) => ({
              source,
              kind: m.kind,
              source_id: m.sourceId,
              local_id: m.localId,
              created_at: at,
              fingerprint: null,
              data: null,
            })),
          )
          .onConflict((oc) => oc.columns(['source', 'kind', 'source_id']).doNothing())
          .execute();
      }
    },
    /** The traces of one kind's records (source id → fingerprint and data), for a second run to compare. */
    async traces(source: string, kind: string): Promise<Map<string, ImportTrace>> {
      const rows = await db
        .selectFrom('import_mappings')
        .select(['source_id', 'fingerprint', 'data'])
        .where('source', '=', source)
        .where('kind', '=', kind)
        .execute();
      return new Map(
        rows.map((r) => [
          r.source_id,
          { fingerprint: r.fingerprint, data: r.data ? JSON.parse(r.data) : null },
        ]),
      );
    },
    /** Records what was last written of one mapped record (its mapping must exist). */
    async trace(source: string, kind: string, sourceId: string, trace: ImportTrace): Promise<void> {
      await db
        .updateTable('import_mappings')
        .set({
          fingerprint: trace.fingerprint,
          data: trace.data === null ? null : JSON.stringify(trace.data),
        })
        .where('source', '=', source)
        .where('kind', '=', kind)
        .where('source_id', '=', sourceId)
        .execute();
    },
  };
}
