import { RelationTypeInput } from '../../domain/schemas/reference.ts';
import { type Template, TemplateInput } from '../../domain/schemas/template.ts';
import { type Thesaurus, ThesaurusInput } from '../../domain/schemas/thesaurus.ts';
import { newId, nowIso } from '../../store/ids.ts';
import type { ImportMapping, Store } from '../../store/store.ts';
import { OPERATOR } from '../permissions.ts';
import { recordActivity } from '../record-activity.ts';
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
  for (const th of plan.thesauri) {
    if (th.existing) {
      kinds.thesauri.unchanged++;
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
    writes.push((tx) => tx.thesauri.insert(thesaurus));
  }

  const templates = new Map<string, Template>();
  for (const t of plan.templates) {
    const stored = t.existing ? await store.templates.findByName(t.input.name) : null;
    if (stored) {
      kinds.templates.unchanged++;
      kinds.properties.unchanged += stored.properties.length;
      templates.set(t.uwaziId, stored);
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
        summary: `Imported template ${template.name} from Uwazi (${template.properties.length} properties)`,
      });
    });
  }

  if (!dryRun && writes.length)
    await store.transaction(async (tx) => {
      for (const w of writes) await w(tx);
      await tx.importMappings.insert('uwazi', mappings, at);
    });
  return { templates, thesauri };
}
