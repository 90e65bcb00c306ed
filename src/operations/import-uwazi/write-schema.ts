import { createHash } from 'node:crypto';
import { sameValue } from '../../domain/entity-diff.ts';
import { RelationTypeInput } from '../../domain/schemas/reference.ts';
import { type Template, TemplateInput } from '../../domain/schemas/template.ts';
import { type Thesaurus, ThesaurusInput, type ThesaurusValue } from '../../domain/schemas/thesaurus.ts';
import { newId, nowIso } from '../../store/ids.ts';
import type { ImportMapping, ImportTrace, Store } from '../../store/store.ts';
import { OPERATOR } from '../permissions.ts';
import { recordActivity } from '../record-activity.ts';
import { canonicalJson } from './canonical-json.ts';
import type { SchemaPlan } from './plan-schema.ts';
import type { ImportReport } from './report.ts';

const issues = (e: { issues: { path: PropertyKey[]; message: string }[] }) =>
  e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');

/**
 * Checks every planned relation type, thesaurus and template against our schemas and writes the new ones
 * (not `dryRun`) in one transaction, with their Uwazi ids in the import mapping. Answers the templates as
 * they are (or would be) stored and the thesauri by name, for validating entities.
 */
export async function writeSchema({
  store,
  plan,
  dryRun,
  report,
}: {
  store: Store;
  plan: SchemaPlan;
  dryRun: boolean;
  report: ImportReport;
}): Promise<{ templates: Map<string, Template>; thesauri: Map<string, Pick<Thesaurus, 'values'>> }> {
  const at = nowIso();
  const mappings: ImportMapping[] = [];
  const traces: { kind: string; sourceId: string; fingerprint: string }[] = [];
  const writes: ((tx: Store) => Promise<void>)[] = [];
  const { kinds } = report;

  for (const rt of plan.relationTypes) {
    if (rt.existing) {
      kinds.relationTypes.unchanged++;
      continue;
    }
    const parsed = RelationTypeInput.safeParse(rt.input);
    if (!parsed.success) {
      kinds.relationTypes.failed.push(`${rt.input.label}: ${issues(parsed.error)}`);
      continue;
    }
    kinds.relationTypes.imported++;
    const id = newId();
    mappings.push({ kind: 'relationType', sourceId: rt.uwaziId, localId: parsed.data.name });
    writes.push((tx) => tx.relationTypes.insert({ ...parsed.data, id }));
  }

  const thesauri = new Map<string, Pick<Thesaurus, 'values'>>();
  for (const t of await store.thesauri.list()) thesauri.set(t.name, t);
  const thesaurusTraces = await store.importMappings.traces('uwazi', 'thesaurus');
  for (const th of plan.thesauri) {
    if (th.existing) {
      const update = await updatedThesaurus(store, th.input, thesaurusTraces.get(th.uwaziId));
      if (!update) {
        kinds.thesauri.unchanged++;
        continue;
      }
      if (update.thesaurus) {
        kinds.thesauri.updated++;
        thesauri.set(update.thesaurus.name, update.thesaurus);
        const next = { ...update.thesaurus, updatedAt: at };
        writes.push(async (tx) => {
          await tx.thesauri.update(next);
          await recordActivity({
            store: tx,
            actor: OPERATOR,
            action: 'update',
            targetType: 'thesaurus',
            targetId: next.id,
            note: {
              code: 'thesaurus.reimported',
              params: { thesaurus: next.name, valuesAdded: update.added, relabelled: update.relabelled },
            },
          });
        });
      } else kinds.thesauri.unchanged++;
      traces.push({ kind: 'thesaurus', sourceId: th.uwaziId, fingerprint: update.fingerprint });
      continue;
    }
    const parsed = ThesaurusInput.safeParse(th.input);
    if (!parsed.success) {
      kinds.thesauri.failed.push(`${th.input.label}: ${issues(parsed.error)}`);
      continue;
    }
    kinds.thesauri.imported++;
    const thesaurus: Thesaurus = { ...parsed.data, id: newId(), createdAt: at, updatedAt: at };
    thesauri.set(thesaurus.name, thesaurus);
    mappings.push({ kind: 'thesaurus', sourceId: th.uwaziId, localId: thesaurus.name });
    traces.push({ kind: 'thesaurus', sourceId: th.uwaziId, fingerprint: fingerprintOf(parsed.data.values) });
    writes.push((tx) => tx.thesauri.insert(thesaurus));
  }

  const templates = new Map<string, Template>();
  for (const t of plan.templates) {
    const stored = t.existing ? await store.templates.findByName(t.input.name) : null;
    if (stored) {
      // Properties Uwazi added since the last run join the template; the ones it had stay as they are here.
      const known = new Set(stored.properties.map((p) => p.name));
      const added = t.input.properties.filter((p) => !known.has(p.name));
      if (added.length === 0) {
        kinds.templates.unchanged++;
        kinds.properties.unchanged += stored.properties.length;
        templates.set(t.uwaziId, stored);
        continue;
      }
      const parsed = TemplateInput.safeParse({ ...stored, properties: [...stored.properties, ...added] });
      if (!parsed.success) {
        kinds.templates.failed.push(`${t.input.label}: new properties not added: ${issues(parsed.error)}`);
        templates.set(t.uwaziId, stored);
        continue;
      }
      const next: Template = { ...stored, ...parsed.data, updatedAt: at };
      templates.set(t.uwaziId, next);
      kinds.templates.updated++;
      kinds.properties.unchanged += stored.properties.length;
      kinds.properties.imported += added.length;
      for (const p of t.properties)
        if (added.some((a) => a.name === p.name))
          mappings.push({ kind: 'property', sourceId: `${t.uwaziId}/${p.uwaziName}`, localId: p.name });
      writes.push(async (tx) => {
        await tx.templates.update(next);
        await recordActivity({
          store: tx,
          actor: OPERATOR,
          action: 'update',
          targetType: 'template',
          targetId: next.id,
          note: {
            code: 'template.reimported',
            params: { template: next.name, added: added.map((p) => p.label) },
          },
        });
      });
      continue;
    }
    const parsed = TemplateInput.safeParse(t.input);
    if (!parsed.success) {
      kinds.templates.failed.push(`${t.input.label}: ${issues(parsed.error)}`);
      continue;
    }
    const template: Template = { ...parsed.data, id: newId(), createdAt: at, updatedAt: at };
    templates.set(t.uwaziId, template);
    kinds.templates.imported++;
    kinds.properties.imported += template.properties.length;
    mappings.push({ kind: 'template', sourceId: t.uwaziId, localId: template.name });
    for (const p of t.properties)
      mappings.push({ kind: 'property', sourceId: `${t.uwaziId}/${p.uwaziName}`, localId: p.name });
    writes.push(async (tx) => {
      await tx.templates.insert(template);
      await recordActivity({
        store: tx,
        actor: OPERATOR,
        action: 'create',
        targetType: 'template',
        targetId: template.id,
        note: {
          code: 'template.imported',
          params: { template: template.name, properties: template.properties.length },
        },
      });
    });
  }

  if (!dryRun && (writes.length || traces.length))
    await store.transaction(async (tx) => {
      for (const w of writes) await w(tx);
      await tx.importMappings.insert('uwazi', mappings, at);
      for (const x of traces)
        await tx.importMappings.trace('uwazi', x.kind, x.sourceId, {
          fingerprint: x.fingerprint,
          data: null,
        });
    });
  return { templates, thesauri };
}

const fingerprintOf = (values: ThesaurusValue[]) =>
  createHash('sha256').update(canonicalJson(values)).digest('hex');

/**
 * A thesaurus imported before, brought up to Uwazi's values when Uwazi changed them since the last run
 * (its fingerprint): values it added are appended, values it relabelled or regrouped take its labels;
 * values added here, and those Uwazi removed (entities may still hold them), stay. Null when Uwazi did not
 * change it or it was deleted here; no `thesaurus` when the values already agree.
 */
async function updatedThesaurus(
  store: Store,
  input: ThesaurusInput,
  trace: ImportTrace | undefined,
): Promise<{ fingerprint: string; thesaurus?: Thesaurus; added: number; relabelled: number } | null> {
  const fingerprint = fingerprintOf(input.values);
  if (trace?.fingerprint === fingerprint) return null;
  const stored = await store.thesauri.findByName(input.name);
  if (!stored) return null;
  const incoming = new Map(input.values.map((v) => [v.id, v]));
  let changed = 0;
  const values = stored.values.map((v) => {
    const u = incoming.get(v.id);
    if (!u) return v;
    const next = { ...v, label: u.label, labels: u.labels, group: u.group };
    for (const k of ['labels', 'group'] as const) if (next[k] === undefined) delete next[k];
    if (!sameValue(next, v)) changed++;
    return next;
  });
  const known = new Set(stored.values.map((v) => v.id));
  const added = input.values.filter((v) => !known.has(v.id));
  if (changed === 0 && added.length === 0) return { fingerprint, added: 0, relabelled: 0 };
  const parsed = ThesaurusInput.safeParse({ ...stored, values: [...values, ...added] });
  if (!parsed.success) return { fingerprint, added: 0, relabelled: 0 };
  return {
    fingerprint,
    thesaurus: { ...stored, values: parsed.data.values },
    added: added.length,
    relabelled: changed,
  };
}
