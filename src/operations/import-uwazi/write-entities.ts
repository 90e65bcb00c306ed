import { createHash } from 'node:crypto';
import { diffEntity } from '../../domain/entity-diff.ts';
import { type FieldError, validateMetadata, validateTranslations } from '../../domain/metadata-validation.ts';
import { type Entity, NOT_REVIEWED } from '../../domain/schemas/entity.ts';
import type { Template } from '../../domain/schemas/template.ts';
import type { Thesaurus } from '../../domain/schemas/thesaurus.ts';
import type { EntityTranslations } from '../../domain/schemas/translations.ts';
import { nowIso } from '../../store/ids.ts';
import type { ImportTrace, Store } from '../../store/store.ts';
import { OPERATOR } from '../permissions.ts';
import { recordActivity } from '../record-activity.ts';
import { canonicalJson } from './canonical-json.ts';
import type { EntityPlan } from './plan-entities.ts';
import type { ImportReport } from './report.ts';
import type { Sharing } from './sharing.ts';

/** Entities per transaction: each commit stays short for other writers on the database. */
const BATCH = 200;

/** An entity's values as the import writes them: what its fingerprint hashes and an update compares. */
type Incoming = Pick<Entity, 'template' | 'title' | 'language' | 'published' | 'metadata' | 'translations'>;

/** What an entity's import record keeps beside its fingerprint: the version written and Uwazi's sharing. */
type EntityTraceData = { version: number; sharing?: Sharing[] };

const fingerprintOf = (incoming: Incoming, sharing: Sharing[]) =>
  createHash('sha256')
    .update(canonicalJson({ ...incoming, sharing }))
    .digest('hex');

/**
 * Validates the planned entities against their templates (as every write does) and writes them: new ones
 * (all rows first, then their relationship links, since targets may come later in the dump, then the search
 * index, which reads the targets' titles), and those imported before whose Uwazi values changed since (by
 * the fingerprint of what the last run wrote). An entity Uwazi did not change is left alone, even when it
 * was edited here; one changed in Uwazi is updated with a logged diff (so an edit made here meanwhile can be
 * reverted), and the report counts it as updated. A value our validation refuses is left out of that entity
 * and reported, never written unchecked; the entity itself is still imported.
 */
export async function writeEntities({
  store,
  plans,
  templates,
  thesauri,
  traces,
  userIdOf,
  dryRun,
  report,
}: {
  store: Store;
  plans: EntityPlan[];
  templates: Map<string, Template>;
  thesauri: Map<string, Pick<Thesaurus, 'values'>>;
  /** The import records of entities imported before (fingerprint and data), by sharedId. */
  traces: Map<string, ImportTrace>;
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
  const rows: Row[] = [];
  const changed: { plan: EntityPlan; template: Template; incoming: Incoming; fingerprint: string }[] = [];
  for (const p of plans) {
    const template = byName.get(p.template);
    if (!template) {
      r.failed.push(`${p.sharedId} "${p.title}": its template ${p.template} was not imported`);
      continue;
    }
    const before = r.loss.length;
    const metadata = cleanMetadata(template, p, ctx, r.loss);
    const translations = cleanTranslations(template, p, r.loss);
    const incoming: Incoming = {
      template: template.name,
      title: p.title,
      language: p.language,
      published: p.published,
      metadata,
      translations,
    };
    const fingerprint = fingerprintOf(incoming, p.sharing);
    const langs = 1 + Object.keys(translations).length;
    if (p.existing) {
      present.add(p.id);
      // Losses were reported by the run that wrote the entity; a second run repeats only new ones.
      if (traces.get(p.sharedId)?.fingerprint === fingerprint) {
        r.loss.length = before;
        r.unchanged++;
        report.kinds.translations.unchanged += langs;
      } else changed.push({ plan: p, template, incoming, fingerprint });
      continue;
    }
    const at = nowIso();
    rows.push({
      sharedId: p.sharedId,
      template,
      links: linksOf(template, metadata),
      fingerprint,
      sharing: p.sharing,
      entity: {
        id: p.id,
        ...incoming,
        createdAt: p.createdAt ?? at,
        updatedAt: p.updatedAt ?? at,
        createdBy: userIdOf(p.uwaziUser) ?? null,
        lastReviewed: NOT_REVIEWED,
        version: 1,
      },
    });
    r.imported++;
    present.add(p.id);
    report.kinds.translations.imported += langs;
  }
  const updates = await planUpdates(store, changed, traces, report);
  if (dryRun) return present;
  const inBatches = async <T>(items: T[], fn: (tx: Store, item: T) => Promise<void>) => {
    for (let i = 0; i < items.length; i += BATCH)
      await store.transaction(async (tx) => {
        for (const item of items.slice(i, i + BATCH)) await fn(tx, item);
      });
  };
  await inBatches(rows, async (tx, { sharedId, entity, template, fingerprint, sharing }) => {
    await tx.entities.insert({ ...entity, templateId: template.id });
    await tx.importMappings.insert(
      'uwazi',
      [{ kind: 'entity', sourceId: sharedId, localId: entity.id }],
      nowIso(),
    );
    await tx.importMappings.trace('uwazi', 'entity', sharedId, {
      fingerprint,
      data: traceData(1, sharing),
    });
    await recordActivity({
      store: tx,
      actor: OPERATOR,
      action: 'create',
      targetType: 'entity',
      targetId: entity.id,
      note: {
        code: 'entity.imported',
        params: { template: template.name, title: entity.title, published: entity.published },
      },
      changes: diffEntity(null, entity),
    });
  });
  await inBatches(rows, async (tx, { entity, links }) => {
    await tx.entities.replaceLinks(entity.id, links);
    await tx.searchIndex.indexEntity(entity.id);
  });
  await inBatches(updates, async (tx, u) => {
    if (u.next) {
      if (!(await tx.entities.update(u.next, u.current.version))) {
        // Written here between our read and this batch: theirs stands, the next run compares again.
        report.kinds.entities.failed.push(
          `${u.sharedId} "${u.current.title}": changed here while the import ran; run it again`,
        );
        return;
      }
      await tx.entities.replaceLinks(u.next.id, linksOf(u.template, u.next.metadata));
      await tx.searchIndex.indexEntity(u.next.id);
      await recordActivity({
        store: tx,
        actor: OPERATOR,
        action: 'update',
        targetType: 'entity',
        targetId: u.next.id,
        note: {
          code: 'entity.reimported',
          params: {
            template: u.template.name,
            title: u.next.title,
            fields: [...new Set(u.changes.map((c) => c.field.split('.')[0]!))],
          },
        },
        changes: u.changes,
      });
    }
    await tx.importMappings.trace('uwazi', 'entity', u.sharedId, {
      fingerprint: u.fingerprint,
      data: traceData(u.next?.version ?? u.current.version, u.sharing),
    });
  });
  return present;
}

type Row = {
  sharedId: string;
  entity: Entity;
  template: Template;
  links: { property: string; toId: string }[];
  fingerprint: string;
  sharing: Sharing[];
};

const traceData = (version: number, sharing: Sharing[]): EntityTraceData =>
  sharing.length ? { version, sharing } : { version };

const linksOf = (template: Template, metadata: Record<string, unknown>) =>
  template.properties
    .filter((q) => q.type === 'relationship')
    .flatMap((q) =>
      ((metadata[q.name] as string[] | undefined) ?? []).map((toId) => ({ property: q.name, toId })),
    );

type Update = {
  sharedId: string;
  template: Template;
  current: Entity;
  /** The entity as Uwazi now has it; absent when only the import record is refreshed. */
  next?: Entity;
  changes: ReturnType<typeof diffEntity>;
  fingerprint: string;
  sharing: Sharing[];
};

/**
 * Compares entities imported before and changed in Uwazi since with what they are here: an update where
 * a value differs, a refreshed import record where none does (the same change made on both sides, or a
 * record from before fingerprints). An entity deleted here stays deleted; one Uwazi moved to another
 * template is reported, not moved (its values are named for the old template).
 */
async function planUpdates(
  store: Store,
  changed: { plan: EntityPlan; template: Template; incoming: Incoming; fingerprint: string }[],
  traces: Map<string, ImportTrace>,
  report: ImportReport,
): Promise<Update[]> {
  const r = report.kinds.entities;
  const updates: Update[] = [];
  let editedHere = 0;
  let deletedHere = 0;
  for (let i = 0; i < changed.length; i += BATCH) {
    const batch = changed.slice(i, i + BATCH);
    const current = new Map(
      (await store.entities.findMany(batch.map((c) => c.plan.id))).map((e) => [e.id, e]),
    );
    for (const { plan, template, incoming, fingerprint } of batch) {
      const langs = 1 + Object.keys(incoming.translations).length;
      const now = current.get(plan.id);
      if (!now) {
        deletedHere++;
        r.unchanged++;
        continue;
      }
      if (now.template !== incoming.template) {
        r.failed.push(
          `${plan.sharedId} "${plan.title}": moved in Uwazi from ${now.template} to ${incoming.template}; not carried over`,
        );
        continue;
      }
      const next: Entity = { ...now, ...incoming, updatedAt: nowIso(), version: now.version + 1 };
      const changes = diffEntity(now, next);
      const base = {
        sharedId: plan.sharedId,
        template,
        current: now,
        changes,
        fingerprint,
        sharing: plan.sharing,
      };
      if (changes.length === 0) {
        r.unchanged++;
        report.kinds.translations.unchanged += langs;
        updates.push(base);
        continue;
      }
      const wrote = (traces.get(plan.sharedId)?.data as EntityTraceData | null)?.version;
      if (wrote !== undefined && wrote !== now.version) editedHere++;
      r.updated++;
      report.kinds.translations.updated += langs;
      updates.push({ ...base, next });
    }
  }
  if (editedHere)
    report.notes.push(
      `${editedHere} entities changed in Uwazi had also been edited here since the last import: Uwazi's values were written, and the activity log keeps ours (revert the update to get them back)`,
    );
  if (deletedHere)
    report.notes.push(`${deletedHere} entities imported before were deleted here since; they stay deleted`);
  return updates;
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
