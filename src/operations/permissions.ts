import type { Role } from '../domain/schemas/user.ts';
import { Forbidden, Unauthorized } from './errors.ts';

/**
 * Who is acting: a signed-in user, the operator (CLI, jobs: `id` null, role admin) or an anonymous reader (null).
 */
export type Actor = { id: string | null; username: string; role: Role } | null;

/** The operator at the command line or a background job: full rights, no user row. */
export const OPERATOR: NonNullable<Actor> = { id: null, username: 'operator', role: 'admin' };

const RANK: Record<Role, number> = { collaborator: 1, editor: 2, admin: 3 };

/** True when the actor holds `role` or a higher one. */
export const hasRole = (actor: Actor, role: Role) => actor !== null && RANK[actor.role] >= RANK[role];

/** Throws Unauthorized for anonymous readers and Forbidden for roles below `role`. */
export function requireRole(actor: Actor, role: Role): NonNullable<Actor> {
  if (actor === null) throw new Unauthorized();
  if (!hasRole(actor, role)) throw new Forbidden(`This needs the ${role} role; you are ${actor.role}`);
  return actor;
}

/** Publishing and unpublishing are for editors and admins. */
export const canPublish = (actor: Actor) => hasRole(actor, 'editor');
