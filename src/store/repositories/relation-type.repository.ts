import type { Kysely } from 'kysely';
import type { RelationType } from '../../domain/schemas/reference.ts';
import type { Tables } from '../tables.ts';

/** Named link types with their inverse labels. */
export function createRelationTypeRepository(db: Kysely<Tables>) {
  const toType = (r: { id: string; name: string; label: string; inverse_label: string }): RelationType => ({
    id: r.id,
    name: r.name,
    label: r.label,
    inverseLabel: r.inverse_label,
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
        .values({ id: t.id, name: t.name, label: t.label, inverse_label: t.inverseLabel })
        .execute();
    },
    /** Changes a relation type's labels. */
    async update(t: RelationType) {
      await db
        .updateTable('relation_types')
        .set({ label: t.label, inverse_label: t.inverseLabel })
        .where('id', '=', t.id)
        .execute();
    },
  };
}
/** The relation type repository. */
export type RelationTypeRepository = ReturnType<typeof createRelationTypeRepository>;
