import { type RelationType, RelationTypeInput } from '../../domain/schemas/reference.ts';
import type { RelationTypeUsage } from '../../domain/schemas/schema-admin.ts';
import { nowIso } from '../../store/ids.ts';
import type { Store } from '../../store/store.ts';
import { Conflict, fieldErrors, NotFound, ValidationFailed } from '../errors.ts';
import { type Actor, requireRole } from '../permissions.ts';
import { recordActivity } from '../record-activity.ts';
import { saveRelationType } from '../save-relation-type.ts';

/** A delete refused because connections or properties still use the relation type. */
export class RelationTypeInUse extends Conflict {
  override name = 'RelationTypeInUse';
  constructor(
    readonly usage: RelationTypeUsage,
    label: string,
  ) {
    super(
      `"${label}" is used by ${usage.references} connections` +
        (usage.properties.length ? ` and by the properties ${usage.properties.join(', ')}` : '') +
        '; move them to another relation type (moveTo) or delete them first. Nothing was deleted.',
      {
        code: 'relationTypeInUse',
        params: { label, connections: usage.references, properties: usage.properties.length },
      },
    );
  }
}

/** What uses a relation type: connections of that type, and relationship properties that carry it. */
export async function relationTypeUsage(store: Store, type: RelationType): Promise<RelationTypeUsage> {
  const properties = (await store.templates.list()).flatMap((t) =>
    t.properties.filter((p) => p.relationType === type.name).map((p) => `${t.name}.${p.name}`),
  );
  return { references: await store.relationTypes.countReferences(type.id), properties };
}

async function find(store: Store, name: string) {
  const type = await store.relationTypes.findByName(name);
  if (!type) throw new NotFound('Relation type', name);
  return type;
}

/** `GET /relation-types/:name/usage` (admins). */
export async function getRelationTypeUsage({
  store,
  actor,
  name,
}: {
  store: Store;
  actor: Actor;
  name: string;
}) {
  requireRole(actor, 'admin');
  return relationTypeUsage(store, await find(store, name));
}

/** `PUT /relation-types/:name` (admins): new labels and inverse labels; the name, which connections carry, stays. */
export async function updateRelationType({
  store,
  actor,
  name,
  input,
}: {
  store: Store;
  actor: Actor;
  name: string;
  input: RelationTypeInput;
}): Promise<RelationType> {
  requireRole(actor, 'admin');
  const parsed = RelationTypeInput.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  if (parsed.data.name !== name)
    throw new ValidationFailed([
      { path: 'name', message: `must stay "${name}"; relation types cannot be renamed` },
    ]);
  await find(store, name);
  return saveRelationType({ store, actor, input: parsed.data, replace: true });
}

/**
 * `DELETE /relation-types/:name` (admins): refused with what uses it, unless `moveTo` names another
 * relation type, which then takes over its connections and properties (in the same transaction).
 */
export async function deleteRelationType({
  store,
  actor,
  name,
  moveTo,
}: {
  store: Store;
  actor: Actor;
  name: string;
  moveTo?: string;
}): Promise<{ moved: number }> {
  const who = requireRole(actor, 'admin');
  const type = await find(store, name);
  const usage = await relationTypeUsage(store, type);
  const used = usage.references > 0 || usage.properties.length > 0;
  let target: RelationType | null = null;
  if (moveTo !== undefined) {
    if (moveTo === name)
      throw new ValidationFailed([{ path: 'moveTo', message: 'must be another relation type' }]);
    target = await store.relationTypes.findByName(moveTo);
    if (!target) throw new ValidationFailed([{ path: 'moveTo', message: `no relation type "${moveTo}"` }]);
  }
  if (used && !target) throw new RelationTypeInUse(usage, type.label);
  let moved = 0;
  await store.transaction(async (tx) => {
    if (target) {
      moved = await tx.relationTypes.moveReferences(type.id, target.id);
      for (const t of await tx.templates.list()) {
        if (!t.properties.some((p) => p.relationType === name)) continue;
        await tx.templates.update({
          ...t,
          properties: t.properties.map((p) =>
            p.relationType === name ? { ...p, relationType: target.name } : p,
          ),
          updatedAt: nowIso(),
        });
      }
    }
    await tx.relationTypes.delete(type.id);
    await recordActivity({
      store: tx,
      actor: who,
      action: 'delete',
      targetType: 'relation-type',
      targetId: type.id,
      note: {
        code: 'relationType.deleted',
        params: {
          label: type.label,
          inverse: type.inverseLabel,
          relationType: type.name,
          ...(target
            ? {
                movedTo: target.label,
                movedToType: target.name,
                connections: moved,
                properties: usage.properties.length,
              }
            : {}),
        },
      },
    });
  });
  return { moved };
}
