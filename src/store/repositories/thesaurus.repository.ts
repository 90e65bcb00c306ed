import type { Kysely, Selectable } from 'kysely';
import type { Thesaurus, ThesaurusValue } from '../../domain/schemas/thesaurus.ts';
import type { Labels } from '../../domain/schemas/translations.ts';
import type { Tables, ThesauriTable } from '../tables.ts';
import { labelsFromColumn, labelsToColumn, optional } from './labels-column.ts';

const toThesaurus = (r: Selectable<ThesauriTable>): Thesaurus => ({
  id: r.id,
  name: r.name,
  label: r.label,
  ...optional('labels', labelsFromColumn<Labels>(r.labels)),
  values: JSON.parse(r.values) as ThesaurusValue[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Controlled vocabularies, their values stored as one JSON array. */
export function createThesaurusRepository(db: Kysely<Tables>) {
  return {
    /** Every thesaurus, by name. */
    async list() {
      return (await db.selectFrom('thesauri').selectAll().orderBy('name').execute()).map(toThesaurus);
    },
    /** The thesaurus with this name, or null. */
    async findByName(name: string) {
      const r = await db.selectFrom('thesauri').selectAll().where('name', '=', name).executeTakeFirst();
      return r ? toThesaurus(r) : null;
    },
    /** Thesauri by name, for metadata validation. */
    async mapByNames(names: string[]) {
      const map = new Map<string, Thesaurus>();
      if (names.length === 0) return map;
      const rows = await db.selectFrom('thesauri').selectAll().where('name', 'in', names).execute();
      for (const r of rows) map.set(r.name, toThesaurus(r));
      return map;
    },
    /** Stores a new thesaurus. */
    async insert(t: Thesaurus) {
      await db
        .insertInto('thesauri')
        .values({
          id: t.id,
          name: t.name,
          label: t.label,
          values: JSON.stringify(t.values),
          labels: labelsToColumn(t.labels),
          created_at: t.createdAt,
          updated_at: t.updatedAt,
        })
        .execute();
    },
    /** Replaces a thesaurus's label and values. */
    async update(t: Thesaurus) {
      await db
        .updateTable('thesauri')
        .set({
          label: t.label,
          labels: labelsToColumn(t.labels),
          values: JSON.stringify(t.values),
          updated_at: t.updatedAt,
        })
        .where('id', '=', t.id)
        .execute();
    },
  };
}
/** The thesaurus repository. */
export type ThesaurusRepository = ReturnType<typeof createThesaurusRepository>;
