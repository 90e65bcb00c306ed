import type { Entity } from '../../domain/schemas/entity.ts';
import type { EntitySummary, EntityView } from '../../domain/schemas/entity-view.ts';
import type { EntityViewResult } from '../../operations/get-entity-view.ts';
import { presentFile } from './file.presenter.ts';

/** An entity as the API shows it. */
export const presentEntity = (e: Entity): Entity => ({
  id: e.id,
  template: e.template,
  title: e.title,
  language: e.language,
  published: e.published,
  metadata: e.metadata,
  translations: e.translations,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
  createdBy: e.createdBy,
  lastReviewed: e.lastReviewed,
  version: e.version,
});

const presentSummary = (s: EntitySummary): EntitySummary => ({
  id: s.id,
  template: s.template,
  title: s.title,
  published: s.published,
  metadata: s.metadata,
  language: s.language,
  translations: s.translations,
  updatedAt: s.updatedAt,
});

/** An entity page: the entity, its related and inbound entities, and its files without storage details. */
export const presentEntityView = (v: EntityViewResult): EntityView => ({
  entity: presentEntity(v.entity),
  related: Object.fromEntries(Object.entries(v.related).map(([id, s]) => [id, presentSummary(s)])),
  inbound: v.inbound.map((i) => ({
    template: i.template,
    property: i.property,
    entity: presentSummary(i.entity),
  })),
  files: v.files.map(presentFile),
});
