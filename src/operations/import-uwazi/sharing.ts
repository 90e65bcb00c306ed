import { type BsonDoc, idOf } from './read-dump.ts';

/**
 * One line of an Uwazi entity's sharing (its `permissions`): a user or a group, by name, with its level.
 * Kept with the entity's import record (decision 45): this portal has no per-entity access list to put it
 * in, so it is data for an admin to read, not a rule that is enforced.
 */
export type Sharing = { level: string; user?: string; group?: string; members?: string[] };

/** Uwazi's users and groups by id, to name whom an entity is shared with. */
export type People = {
  users: Map<string, string>;
  groups: Map<string, { name: string; members: string[] }>;
};

export function peopleOf(users: BsonDoc[], groups: BsonDoc[]): People {
  const names = new Map(users.map((u) => [idOf(u._id), String(u.username ?? idOf(u._id))]));
  return {
    users: names,
    groups: new Map(
      groups.map((g) => [
        idOf(g._id),
        {
          name: String(g.name ?? idOf(g._id)),
          members: ((g.members ?? []) as BsonDoc[]).map((m) => names.get(idOf(m.refId)) ?? idOf(m.refId)),
        },
      ]),
    ),
  };
}

/**
 * An entity's `permissions` as names: `public` lines (Uwazi's mark of a published entity, which `published`
 * already carries) are left out; a user or group not in the dump keeps its Uwazi id.
 */
export function sharingOf(permissions: unknown, people: People): Sharing[] {
  if (!Array.isArray(permissions)) return [];
  return (permissions as BsonDoc[]).flatMap((p): Sharing[] => {
    const level = String(p.level ?? 'read');
    const id = idOf(p.refId);
    if (p.type === 'user') return [{ level, user: people.users.get(id) ?? id }];
    if (p.type === 'group') {
      const g = people.groups.get(id);
      return [{ level, group: g?.name ?? id, members: g?.members ?? [] }];
    }
    return [];
  });
}
