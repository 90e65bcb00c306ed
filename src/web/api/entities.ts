import {
  type BulkEditInput,
  BulkEditResult,
  type RevertManyInput,
  RevertManyResult,
} from '../../domain/schemas/bulk.ts';
import {
  Entity,
  type EntityInput,
  type EntityPatch,
  type EntityReplace,
  VersionConflictProblem,
} from '../../domain/schemas/entity.ts';
import { ApiError, write } from './client.ts';

const enc = encodeURIComponent;

/**
 * Entity writes. Each carries the version it is based on (`version` in the body; the server also takes
 * If-Match): a stale one fails with ApiError 409, whose current entity `conflictOf` gives, for the form to
 * show beside the user's version.
 */
export const entityWritesApi = {
  /** A new entity (201); collaborators' entities start unpublished. */
  create: (input: EntityInput) => write(Entity, 'POST', '/entities', input),
  /** Deletes an entity and its files (editors and admins). */
  remove: (id: string) => write(null, 'DELETE', `/entities/${enc(id)}`),
  /** JSON Merge Patch: absent members untouched, null removes a metadata key. */
  patch: (id: string, patch: EntityPatch) => write(Entity, 'PATCH', `/entities/${enc(id)}`, patch),
  /** Whole replacement; the version is required. */
  replace: (id: string, input: EntityReplace & { version: number }) =>
    write(Entity, 'PUT', `/entities/${enc(id)}`, input),
  /** Reverts one logged change (editors and admins); answers the entity as it is afterwards. */
  revert: (activityId: number) => write(Entity, 'POST', `/activity/${activityId}/revert`),
  publish: (id: string) => write(Entity, 'POST', `/entities/${enc(id)}/publish`),
  unpublish: (id: string) => write(Entity, 'POST', `/entities/${enc(id)}/unpublish`),
  /** One action on many entities, run by the server in batches; `activityIds` of the answer undo it. */
  bulk: (input: BulkEditInput) => write(BulkEditResult, 'POST', '/entities/bulk', input),
  /** Reverts many entries, newest first (a bulk edit's undo). */
  revertMany: (activityIds: number[]) =>
    write(RevertManyResult, 'POST', '/activity/revert', { activityIds } satisfies RevertManyInput),
};

/** The entity as it is now, when `error` is a 409 about a stale version; null otherwise. */
export function conflictOf(error: unknown): Entity | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const parsed = VersionConflictProblem.safeParse(error.problem);
  return parsed.success ? (parsed.data.current ?? null) : null;
}
