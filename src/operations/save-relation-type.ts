import { type RelationType, RelationTypeInput } from '../domain/schemas/reference.ts';
import { newId } from '../store/ids.ts';
import type { Store } from '../store/store.ts';
import { Conflict, fieldErrors, ValidationFailed } from './errors.ts';
import { type Actor, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';

/** Creates a relation type (admins only); with `replace`, an existing one of that name gets the new labels. */
export async function saveRelationType({
  store,
  actor,
  input,
  replace = false,
}: {
  store: Store;
  actor: Actor;
  input: RelationTypeInput;
  replace?: boolean;
}): Promise<RelationType> {
  const who = requireRole(actor, 'admin');
  const parsed = RelationTypeInput.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const existing = await store.relationTypes.findByName(parsed.data.name);
  if (existing && !replace)
    throw new Conflict(`A relation type named "${parsed.data.name}" already exists`, {
      code: 'relationTypeExists',
      params: { name: parsed.data.name },
    });
  const type: RelationType = { ...parsed.data, id: existing?.id ?? newId() };
  await store.transaction(async (tx) => {
    if (existing) await tx.relationTypes.update(type);
    else await tx.relationTypes.insert(type);
    await recordActivity({
      store: tx,
      actor: who,
      action: existing ? 'update' : 'create',
      targetType: 'relation-type',
      targetId: type.id,
      note: {
        code: existing ? 'relationType.updated' : 'relationType.created',
        params: { label: type.label, inverse: type.inverseLabel, relationType: type.name },
      },
    });
  });
  return type;
}
