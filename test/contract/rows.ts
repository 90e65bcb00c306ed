import type { Entity } from '../../src/domain/schemas/entity.ts';
import { NOT_REVIEWED } from '../../src/domain/schemas/entity.ts';
import type { Template } from '../../src/domain/schemas/template.ts';
import { newId } from '../../src/store/ids.ts';
import type { Store } from '../../src/store/store.ts';

/** Rows written straight through the repositories (no operation, no search index): what the contract tests. */

/** A timestamp `n` seconds into a fixed day, so orderings by time are known in advance. */
export const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();

export async function addTemplate(store: Store, name = 'Document'): Promise<Template> {
  const t: Template = {
    id: newId(),
    name,
    label: name,
    properties: [
      {
        name: 'summary',
        label: 'Summary',
        type: 'text',
        required: false,
        filterable: false,
        showInCard: true,
      },
      {
        name: 'cites',
        label: 'Cites',
        type: 'relationship',
        required: false,
        filterable: false,
        showInCard: false,
      },
    ],
    createdAt: at(0),
    updatedAt: at(0),
  } as Template;
  await store.templates.insert(t);
  return t;
}

export async function addEntity(
  store: Store,
  template: Template,
  overrides: Partial<Entity> = {},
): Promise<Entity & { templateId: string }> {
  const e = {
    id: newId(),
    template: template.name,
    templateId: template.id,
    title: `Entity ${newId(4)}`,
    language: 'en',
    published: true,
    metadata: { summary: 'A national cyber strategy.' },
    translations: {},
    createdAt: at(1),
    updatedAt: at(1),
    createdBy: null,
    lastReviewed: NOT_REVIEWED,
    version: 1,
    ...overrides,
  };
  await store.entities.insert(e);
  return e;
}
