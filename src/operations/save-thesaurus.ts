import { type Thesaurus, ThesaurusInput } from '../domain/schemas/thesaurus.ts';
import { newId, nowIso } from '../store/ids.ts';
import type { Store } from '../store/store.ts';
import { Conflict, fieldErrors, NotFound, ValidationFailed } from './errors.ts';
import { type Actor, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';
import { queueSchemaJob } from './schema/schema-jobs.ts';
import { propertiesOfThesaurus, thesaurusUsage } from './schema/thesaurus-usage.ts';

/**
 * Creates a thesaurus, or replaces the one named `name` (admins only); value ids are unique, groups exist.
 * Removing a value entities still hold is refused (merge it into another instead). When labels or groups of
 * existing values change, the entities showing them are reindexed in the background (`jobIds`).
 */
export async function saveThesaurus({
  store,
  actor,
  input,
  name,
}: {
  store: Store;
  actor: Actor;
  input: ThesaurusInput;
  /** The thesaurus to replace; omitted to create a new one. */
  name?: string;
}): Promise<Thesaurus & { jobIds: number[] }> {
  const who = requireRole(actor, 'admin');
  const parsed = ThesaurusInput.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const data = parsed.data;
  const errors: { path: string; message: string }[] = [];
  if (name !== undefined && data.name !== name)
    errors.push({ path: 'name', message: `must stay "${name}"; thesauri cannot be renamed` });
  const ids = new Set<string>();
  data.values.forEach((v, i) => {
    if (ids.has(v.id)) errors.push({ path: `values.${i}.id`, message: `duplicate value "${v.id}"` });
    ids.add(v.id);
  });
  data.values.forEach((v, i) => {
    if (v.group !== undefined && (!ids.has(v.group) || v.group === v.id))
      errors.push({ path: `values.${i}.group`, message: `no group value "${v.group}"` });
  });
  if (errors.length) throw new ValidationFailed(errors);
  const existing = await store.thesauri.findByName(data.name);
  if (name === undefined && existing)
    throw new Conflict(`A thesaurus named "${data.name}" already exists`, {
      code: 'thesaurusExists',
      params: { name: data.name },
    });
  if (name !== undefined && !existing) throw new NotFound('Thesaurus', name);
  const kept = new Map(data.values.map((v) => [v.id, v]));
  const removed = existing?.values.filter((v) => !kept.has(v.id)) ?? [];
  if (removed.length) {
    const usage = await thesaurusUsage(store, data.name);
    const held = removed.filter((v) => usage.has(v.id));
    if (held.length)
      throw new Conflict(
        `Entities still hold ${held.map((v) => `"${v.label}" (${usage.get(v.id)} entities)`).join(', ')}; ` +
          'merge each into another value instead of removing it. Nothing was saved.',
        {
          code: 'valuesInUse',
          params: { values: held.map((v) => `"${v.label}" (${usage.get(v.id)})`).join(', ') },
        },
      );
  }
  // Search shows labels (facets, cards, the words a value is found by): relabelled values need a reindex.
  const relabelled =
    removed.length > 0 ||
    (existing?.values.some((v) => {
      const now = kept.get(v.id);
      return (
        now &&
        (now.label !== v.label ||
          now.group !== v.group ||
          JSON.stringify(now.labels) !== JSON.stringify(v.labels))
      );
    }) ??
      false);
  const at = nowIso();
  const thesaurus: Thesaurus = existing
    ? { ...data, id: existing.id, createdAt: existing.createdAt, updatedAt: at }
    : { ...data, id: newId(), createdAt: at, updatedAt: at };
  const jobIds: number[] = [];
  await store.transaction(async (tx) => {
    if (relabelled)
      for (const template of new Set((await propertiesOfThesaurus(tx, data.name)).map((b) => b.template))) {
        const job = await queueSchemaJob(tx, who, template, { removed: [], changed: [] });
        if (job !== null) jobIds.push(job);
      }
    if (existing) await tx.thesauri.update(thesaurus);
    else await tx.thesauri.insert(thesaurus);
    await recordActivity({
      store: tx,
      actor: who,
      action: existing ? 'update' : 'create',
      targetType: 'thesaurus',
      targetId: thesaurus.id,
      note: {
        code: existing ? 'thesaurus.updated' : 'thesaurus.created',
        params: { thesaurus: thesaurus.name, values: thesaurus.values.length },
      },
    });
  });
  return { ...thesaurus, jobIds };
}
