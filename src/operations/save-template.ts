import { type Template, TemplateInput } from '../domain/schemas/template.ts';
import { newId, nowIso } from '../store/ids.ts';
import type { Store } from '../store/store.ts';
import { Conflict, fieldErrors, NotFound, ValidationFailed } from './errors.ts';
import { type Actor, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';

/**
 * Creates a template, or replaces the one named `name` (admins only). Select properties must name an
 * existing thesaurus; renaming is refused because entities and links refer to templates by name.
 */
export async function saveTemplate({
  store,
  actor,
  input,
  name,
}: {
  store: Store;
  actor: Actor;
  input: TemplateInput;
  /** The template to replace; omitted to create a new one. */
  name?: string;
}): Promise<Template> {
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
  if (missing.length) throw new ValidationFailed(missing);
  const existing = await store.templates.findByName(data.name);
  if (name === undefined && existing) throw new Conflict(`A template named "${data.name}" already exists`);
  if (name !== undefined && !existing) throw new NotFound('Template', name);
  const at = nowIso();
  const template: Template = existing
    ? { ...data, id: existing.id, createdAt: existing.createdAt, updatedAt: at }
    : { ...data, id: newId(), createdAt: at, updatedAt: at };
  await store.transaction(async (tx) => {
    if (existing) await tx.templates.update(template);
    else await tx.templates.insert(template);
    await recordActivity({
      store: tx,
      actor: who,
      action: existing ? 'update' : 'create',
      targetType: 'template',
      targetId: template.id,
      summary: `${existing ? 'Updated' : 'Created'} template ${template.name} (${template.properties.length} properties)`,
    });
  });
  return template;
}
