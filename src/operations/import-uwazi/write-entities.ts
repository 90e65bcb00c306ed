import { diffEntity } from '../../domain/entity-diff.ts';
import { type FieldError, validateMetadata, validateTranslations } from '../../domain/metadata-validation.ts';
import { type Entity, NOT_REVIEWED } from '../../domain/schemas/entity.ts';
import type { Template } from '../../domain/schemas/template.ts';
import type { Thesaurus } from '../../domain/schemas/thesaurus.ts';
import type { EntityTranslations } from '../../domain/schemas/translations.ts';
import { nowIso } from '../../store/ids.ts';
import type { Store } from '../../store/store.ts';
import { OPERATOR } from '../permissions.ts';
import { recordActivity } from '../record-activity.ts';
import type { EntityPlan } from './plan-entities.ts';
import type { ImportReport } from './report.ts';

/** Entities per transaction: each commit stays short for other writers on the database. */
const BATCH = 200;

/**
 * Validates the planned entities against their templates (as every write does) and writes the new ones:
 * all rows first, then their relationship links (targets may come later in the dump), then the search index
 * (which reads the targets' titles). A value our validation refuses is left out of that entity and
 * reported, never written unchecked; the entity itself is still imported.
 */
export async function writeEntities({
  store,
  plans,
  templates,
  thesauri,
  userIdOf,
  dryRun,
  report,
}: {
  store: Store;
  plans: EntityPlan[];
  templates: Map<string, Template>;
  thesauri: Map<string, Pick<Thesaurus, 'values'>>;
  userIdOf: (uwaziId: string) => string | undefined;
  dryRun: boolean;
  report: ImportReport;
}): Promise<Set<string>> {
  const r = report.kinds.entities;
  const present = new Set<string>();
  const byName = new Map([...templates.values()].map((t) => [t.name, t]));
  const templateOfId = new Map(plans.map((p) => [p.id, p.template]));
  const ctx = {
    thesauri,
    templatesOf: (ids: string[]) =>
      new Map(ids.flatMap((id) => (templateOfId.has(id) ? [[id, templateOfId.get(id)!] as const] : []))),
  };
  const rows: {
    sharedId: string;
    entity: Entity;
    template: Template;
    links: { property: string; toId: string }[];
  }[] = [];
  for (const p of plans) {
    const langs = 1 + Object.keys(p.translations).length;
    if (p.existing) {
      present.add(p.id);
      r.unchanged++;
      report.kinds.translations.unchanged += langs;
      continue;
    }
    const template = byName.get(p.template);
    if (!template) {
      r.failed.push(`${p.sharedId} "${p.title}": its template ${p.template} was not imported`);
      continue;
    }
    const metadata = cleanMetadata(template, p, ctx, r.loss);
    const translations = cleanTranslations(template, p, r.loss);
    const links = template.properties
      .filter((q) => q.type === 'relationship')
      .flatMap((q) =>
        ((metadata[q.name] as string[] | undefined) ?? []).map((toId) => ({ property: q.name, toId })),
      );
    const at = nowIso();
    rows.push({
      sharedId: p.sharedId,
      template,
      links,
      entity: {
        id: p.id,
        template: template.name,
        title: p.title,
        language: p.language,
        published: p.published,
        metadata,
        translations,
        createdAt: p.createdAt ?? at,
        updatedAt: p.updatedAt ?? at,
        createdBy: userIdOf(p.uwaziUser) ?? null,
        lastReviewed: NOT_REVIEWED,
        version: 1,
      },
    });
    r.imported++;
    present.add(p.id);
    report.kinds.translations.imported += 1 + Object.keys(translations).length;
  }
  if (dryRun) return present;
  const inBatches = async (fn: (tx: Store, row: (typeof rows)[number]) => Promise<void>) => {
    for (let i = 0; i < rows.length; i += BATCH)
      await store.transaction(async (tx) => {
        for (const row of rows.slice(i, i + BATCH)) await fn(tx, row);
      });
  };
  await inBatches(async (tx, { sharedId, entity, template }) => {
    await tx.entities.insert({ ...entity, templateId: template.id });
    await tx.importMappings.insert(
      'uwazi',
      [{ kind: 'entity', sourceId: sharedId, localId: entity.id }],
      nowIso(),
    );
    await recordActivity({
      store: tx,
      actor: OPERATOR,
      action: 'create',
      targetType: 'entity',
      targetId: entity.id,
      summary: `Imported ${template.name} "${entity.title}" from Uwazi${entity.published ? ' (published)' : ''}`,
      changes: diffEntity(null, entity),
    });
  });
  await inBatches(async (tx, { entity, links }) => {
    await tx.entities.replaceLinks(entity.id, links);
    await tx.searchIndex.indexEntity(entity.id);
  });
  return present;
}

/** The fields a validation error is about (`metadata.<name>…` → name). */
const fieldsOf = (errors: FieldError[], prefix: string) =>
  new Set(errors.map((e) => e.path.slice(prefix.length).split('.')[0]!));

function cleanMetadata(
  template: Template,
  p: EntityPlan,
  ctx: Parameters<typeof validateMetadata>[2],
  loss: string[],
): Record<string, unknown> {
  let metadata = p.metadata;
  for (let attempt = 0; attempt < 3; attempt++) {
    // Uwazi does not enforce `required` on every path (imports, API); ours would refuse the whole entity.
    const lenient = { properties: template.properties.map((q) => ({ ...q, required: false })) };
    const result = validateMetadata(lenient, metadata, ctx);
    if (result.ok) return result.metadata;
    const bad = fieldsOf(result.errors, 'metadata.');
    loss.push(
      `${p.sharedId} "${p.title.slice(0, 60)}": ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}; left out`,
    );
    metadata = Object.fromEntries(Object.entries(metadata).filter(([k]) => !bad.has(k)));
  }
  return {};
}

function cleanTranslations(template: Template, p: EntityPlan, loss: string[]): EntityTranslations {
  const result = validateTranslations(template, p.language, p.translations);
  if (result.ok) return result.translations as EntityTranslations;
  loss.push(
    `${p.sharedId} "${p.title.slice(0, 60)}": ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}; translations left out`,
  );
  return {};
}
