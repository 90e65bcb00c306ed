import type { Kysely } from 'kysely';
import type { RelationType } from '../../domain/schemas/reference.ts';
import type { Labels } from '../../domain/schemas/translations.ts';
import type { RelationTypesTable, Tables } from '../tables.ts';
import { labelsFromColumn, labelsToColumn, optional } from './labels-column.ts';

/** Named link types with their inverse labels. */
export function createRelationTypeRepository(db: Kysely<Tables>) {
  const toType = (r: RelationTypesTable): RelationType => ({
    id: r.id,
    name: r.name,
    label: r.label,
    inverseLabel: r.inverse_label,
    ...optional('labels', labelsFromColumn<Labels>(r.labels)),
    ...optional('inverseLabels', labelsFromColumn<Labels>(r.inverse_labels)),
  });
  return {
    /** Every relation type, by name. */
    async list() {
      return (await db.selectFrom('relation_types').selectAll().orderBy('name').execute()).map(toType);
    },
    /** The relation type with this name, or null. */
    async findByName(name: string) {
      const r = await db.selectFrom('relation_types').selectAll().where('name', '=', name).executeTakeFirst();
      return r ? toType(r) : null;
    },
    /** Stores a new relation type. */
    async insert(t: RelationType) {
      await db
        .insertInto('relation_types')
        .values({
          id: t.id,
          name: t.name,
          label: t.label,
          inverse_label: t.inverseLabel,
          labels: labelsToColumn(t.labels),
          inverse_labels: labelsToColumn(t.inverseLabels),
        })
        .execute();
    },
    /** Changes a relation type's labels. */
    async update(t: RelationType) {
      await db
        .updateTable('relation_types')
        .set({
          label: t.label,
          inverse_label: t.inverseLabel,
          labels: labelsToColumn(t.labels),
          inverse_labels: labelsToColumn(t.inverseLabels),
        })
        .where('id', '=', t.id)
        .execute();
    },
    /** How many connections are of this relation type. */
    async countReferences(id: string): Promise<number> {
      const r = await db
        .selectFrom('text_references')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('relation_type_id', '=', id)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** Gives every connection of one relation type another; returns how many moved. */
    async moveReferences(fromId: string, toId: string): Promise<number> {
      const r = await db
        .updateTable('text_references')
        .set({ relation_type_id: toId })
        .where('relation_type_id', '=', fromId)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    /** Removes a relation type no connection uses any more. */
    async delete(id: string): Promise<void> {
      await db.deleteFrom('relation_types').where('id', '=', id).execute();
    },
  };
}
/** The relation type repository. */
export type RelationTypeRepository = ReturnType<typeof createRelationTypeRepository>;
