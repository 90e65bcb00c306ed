import { type Template, TemplateInput } from '../domain/schemas/template.ts';
import { planTemplateChange } from '../domain/template-change.ts';
import { newId, nowIso } from '../store/ids.ts';
import type { Store } from '../store/store.ts';
import { Conflict, fieldErrors, NotFound, ValidationFailed } from './errors.ts';
import { type Actor, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';
import { checkTemplateChange, TemplateChangeNeedsConfirmation } from './schema/check-template-change.ts';
import { queueSchemaJob } from './schema/schema-jobs.ts';

/**
 * Creates a template, or replaces the one named `name` (admins only). Select properties must name an
 * existing thesaurus, relationship properties an existing target template; renaming is refused because
 * entities and links refer to templates by name. A replacement that would remove stored values (a removed
 * property, values that do not convert to a new type) is refused with the check unless `confirm`; once
 * saved, a background job (`jobId`, null when the template has no entities) rewrites the values and
 * reindexes the template's entities.
 */
export async function saveTemplate({
  store,
  actor,
  input,
  name,
  confirm = false,
}: {
  store: Store;
  actor: Actor;
  input: TemplateInput;
  /** The template to replace; omitted to create a new one. */
  name?: string;
  /** Save even though values would be removed. */
  confirm?: boolean;
}): Promise<Template & { jobId: number | null }> {
  const who = requireRole(actor, 'admin');
  const parsed = TemplateInput.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const data = parsed.data;
  if (name !== undefined && data.name !== name)
    throw new ValidationFailed([
      { path: 'name', message: `must stay "${name}"; templates cannot be renamed` },
    ]);
  const thesauri = await store.thesauri.mapByNames(
    data.properties.flatMap((p) => (p.thesaurus ? [p.thesaurus] : [])),
  );
  const missing = data.properties.flatMap((p, i) =>
    p.thesaurus && !thesauri.has(p.thesaurus)
      ? [{ path: `properties.${i}.thesaurus`, message: `no thesaurus named "${p.thesaurus}"` }]
      : [],
  );
  const targets = new Set([data.name, ...(await store.templates.list()).map((t) => t.name)]);
  // Only on a replacement: templates created together may point at each other (State ↔ Organisation).
  data.properties.forEach((p, i) => {
    if (name !== undefined && p.type === 'relationship' && p.targetTemplate && !targets.has(p.targetTemplate))
      missing.push({
        path: `properties.${i}.targetTemplate`,
        message: `no template named "${p.targetTemplate}"`,
      });
  });
  if (missing.length) throw new ValidationFailed(missing);
  const existing = await store.templates.findByName(data.name);
  if (name === undefined && existing)
    throw new Conflict(`A template named "${data.name}" already exists`, {
      code: 'templateExists',
      params: { name: data.name },
    });
  if (name !== undefined && !existing) throw new NotFound('Template', name);
  if (existing && !confirm) {
    const check = await checkTemplateChange(store, existing, data);
    if (check.needsConfirmation) throw new TemplateChangeNeedsConfirmation(check);
  }
  const at = nowIso();
  const template: Template = existing
    ? { ...data, id: existing.id, createdAt: existing.createdAt, updatedAt: at }
    : { ...data, id: newId(), createdAt: at, updatedAt: at };
  let jobId: number | null = null;
  await store.transaction(async (tx) => {
    if (existing) {
      const { removed, changed } = planTemplateChange(existing, template);
      jobId = await queueSchemaJob(tx, who, template.name, { removed, changed });
    }
    if (existing) await tx.templates.update(template);
    else await tx.templates.insert(template);
    await recordActivity({
      store: tx,
      actor: who,
      action: existing ? 'update' : 'create',
      targetType: 'template',
      targetId: template.id,
      note: {
        code: existing ? 'template.updated' : 'template.created',
        params: { template: template.name, properties: template.properties.length },
      },
    });
  });
  return { ...template, jobId };
}
