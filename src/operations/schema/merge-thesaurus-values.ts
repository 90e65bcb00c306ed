import { ThesaurusMergeInput, type ThesaurusMergeResult } from '../../domain/schemas/schema-admin.ts';
import type { Store } from '../../store/store.ts';
import { Conflict, fieldErrors, NotFound, OperationError, ValidationFailed } from '../errors.ts';
import { type Actor, requireRole } from '../permissions.ts';
import { saveThesaurus } from '../save-thesaurus.ts';
import { writeEntity } from '../write-entity.ts';
import { entitiesUsingThesaurus, valuesHeld } from './thesaurus-usage.ts';

/**
 * Merges one thesaurus value into another (admins): every entity holding `from`, under any property bound
 * to the thesaurus, gets `into` instead (a multiselect holding both keeps one), through the ordinary write
 * path: its version moves, search follows, one activity entry per entity with its diff. Entities are
 * written a round at a time, each round one transaction. Then `from` leaves the thesaurus, unless an entity
 * could not be updated (it stays, and `failed` says why). Undo: put `removed` back at `removedAt`, then
 * revert `activityIds` (POST /activity/revert).
 */
export async function mergeThesaurusValues({
  store,
  actor,
  name,
  input,
}: {
  store: Store;
  actor: Actor;
  name: string;
  input: ThesaurusMergeInput;
}): Promise<ThesaurusMergeResult> {
  const who = requireRole(actor, 'admin');
  const parsed = ThesaurusMergeInput.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const { from, into } = parsed.data;
  const thesaurus = await store.thesauri.findByName(name);
  if (!thesaurus) throw new NotFound('Thesaurus', name);
  const errors = [
    ...(thesaurus.values.some((v) => v.id === from)
      ? []
      : [{ path: 'from', message: `no value "${from}" in ${name}` }]),
    ...(thesaurus.values.some((v) => v.id === into)
      ? []
      : [{ path: 'into', message: `no value "${into}" in ${name}` }]),
  ];
  if (errors.length) throw new ValidationFailed(errors);
  const children = thesaurus.values.filter((v) => v.group === from);
  if (children.length)
    throw new Conflict(
      `"${from}" is the group of ${children.length} values; move them to another group before merging it`,
      { code: 'groupHasValues', params: { value: from, members: children.length } },
    );
  const result: ThesaurusMergeResult = {
    thesaurus,
    changed: 0,
    failed: [],
    activityIds: [],
    removed: null,
    removedAt: thesaurus.values.findIndex((v) => v.id === from),
  };
  const swap = (v: unknown) => {
    if (v === from) return into;
    if (!Array.isArray(v) || !v.includes(from)) return v;
    return [...new Set(v.map((x) => (x === from ? into : x)))];
  };
  for await (const { entities, properties } of entitiesUsingThesaurus(store, name)) {
    const holding = entities.filter((e) => valuesHeld(e, properties).includes(from));
    if (holding.length === 0) continue;
    await store.transaction(async (tx) => {
      for (const e of holding) {
        try {
          await writeEntity({
            store: tx,
            actor: who,
            id: e.id,
            basedOn: undefined,
            desire: (current) => ({
              ...current,
              metadata: Object.fromEntries(
                Object.entries(current.metadata).map(([k, v]) => [k, properties.includes(k) ? swap(v) : v]),
              ),
            }),
            skipIfUnchanged: true,
            note: (next) => ({
              code: 'entity.valueMerged',
              params: { from, into, thesaurus: name, template: next.template, title: next.title },
            }),
            onLogged: (id) => {
              result.activityIds.push(id);
              result.changed++;
            },
          });
        } catch (err) {
          if (!(err instanceof OperationError)) throw err;
          const detail =
            err instanceof ValidationFailed
              ? `: ${err.errors.map((x) => `${x.path} ${x.message}`).join('; ')}`
              : '';
          result.failed.push({ id: e.id, message: `${err.message}${detail}` });
        }
      }
    });
  }
  if (result.failed.length) return result;
  const { id: _i, createdAt: _c, updatedAt: _u, ...rest } = thesaurus;
  const saved = await saveThesaurus({
    store,
    actor: who,
    name,
    input: { ...rest, values: thesaurus.values.filter((v) => v.id !== from) },
  });
  const { jobIds: _j, ...savedThesaurus } = saved;
  return { ...result, thesaurus: savedThesaurus, removed: thesaurus.values[result.removedAt] ?? null };
}
