import type { Kysely, Selectable } from 'kysely';
import type { Property, Template } from '../../domain/schemas/template.ts';
import type { Labels } from '../../domain/schemas/translations.ts';
import type { Tables, TemplatesTable } from '../tables.ts';
import { labelsFromColumn, labelsToColumn, optional } from './labels-column.ts';

const toTemplate = (r: Selectable<TemplatesTable>): Template => ({
  id: r.id,
  name: r.name,
  label: r.label,
  ...optional('labels', labelsFromColumn<Labels>(r.labels)),
  ...optional('sectionLabels', labelsFromColumn<Record<string, Labels>>(r.section_labels)),
  ...(r.color ? { color: r.color } : {}),
  properties: JSON.parse(r.properties) as Property[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Templates with their properties (stored as one JSON array, in order). */
export function createTemplateRepository(db: Kysely<Tables>) {
  return {
    /** Every template, by name. */
    async list() {
      return (await db.selectFrom('templates').selectAll().orderBy('name').execute()).map(toTemplate);
    },
    /** The template with this name, or null. */
    async findByName(name: string) {
      const r = await db.selectFrom('templates').selectAll().where('name', '=', name).executeTakeFirst();
      return r ? toTemplate(r) : null;
    },
    /** The template with this id, or null. */
    async findById(id: string) {
      const r = await db.selectFrom('templates').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toTemplate(r) : null;
    },
    /** Stores a new template. */
    async insert(t: Template) {
      await db
        .insertInto('templates')
        .values({
          id: t.id,
          name: t.name,
          label: t.label,
          color: t.color ?? null,
          properties: JSON.stringify(t.properties),
          labels: labelsToColumn(t.labels),
          section_labels: labelsToColumn(t.sectionLabels),
          created_at: t.createdAt,
          updated_at: t.updatedAt,
        })
        .execute();
    },
    /** Replaces a template's label, colour and properties. */
    async update(t: Template) {
      await db
        .updateTable('templates')
        .set({
          label: t.label,
          color: t.color ?? null,
          properties: JSON.stringify(t.properties),
          labels: labelsToColumn(t.labels),
          section_labels: labelsToColumn(t.sectionLabels),
          updated_at: t.updatedAt,
        })
        .where('id', '=', t.id)
        .execute();
    },
  };
}
/** The template repository. */
export type TemplateRepository = ReturnType<typeof createTemplateRepository>;
