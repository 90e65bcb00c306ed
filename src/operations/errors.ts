import type { FieldError } from '../domain/metadata-validation.ts';
import type { Entity } from '../domain/schemas/entity.ts';

/** A full disk (ENOSPC, EDQUOT, SQLITE_FULL): callers answer 507 / fail the file with a reason, not a bug. */
export { isDiskFull } from '../store/disk-full.ts';

/** Base of every error an operation throws on purpose; anything else is a bug (500). */
export class OperationError extends Error {
  override name = 'OperationError';
  constructor(
    message: string,
    /** The reason as a stable code and its values, for a client to word it in its language (decision 64). */
    readonly reason?: { code: string; params?: Record<string, string | number> },
  ) {
    super(message);
  }
}

/** The record does not exist, or the actor may not know that it exists. */
export class NotFound extends OperationError {
  override name = 'NotFound';
  constructor(what: string, id: string) {
    super(`${what} "${id}" was not found`);
  }
}

/** Signed in, but the role does not allow this. */
export class Forbidden extends OperationError {
  override name = 'Forbidden';
}

/** Needs a signed-in user, or the credentials were wrong. */
export class Unauthorized extends OperationError {
  override name = 'Unauthorized';
  constructor(message = 'Sign in to do this') {
    super(message);
  }
}

/** The input breaks one or more rules; `errors` names each field and why. Nothing was written. */
export class ValidationFailed extends OperationError {
  override name = 'ValidationFailed';
  constructor(
    readonly errors: FieldError[],
    message = `${errors.length} field${errors.length === 1 ? ' is' : 's are'} not valid`,
  ) {
    super(message);
  }
}

/** The write clashes with existing data (a duplicate name, the last admin…). */
export class Conflict extends OperationError {
  override name = 'Conflict';
}

/**
 * A write based on a version of the entity that is no longer current (someone else wrote in between), or a
 * revert of a change whose fields changed since. `current` is the entity as it is now, for the 409.
 */
export class VersionConflict extends Conflict {
  override name = 'VersionConflict';
  constructor(
    readonly current: Entity,
    message = `The entity changed since the version this write was based on; it is now at version ${current.version}. Nothing was written.`,
  ) {
    super(message);
  }
}

/** A write that must say which version it is based on (a whole replacement) did not. */
export class PreconditionRequired extends OperationError {
  override name = 'PreconditionRequired';
}

/** Too many failed sign-ins; try again after `retryAfterSeconds`. */
export class Locked extends OperationError {
  override name = 'Locked';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`);
  }
}

/** An upload exceeded the configured size limit. */
export class TooLarge extends OperationError {
  override name = 'TooLarge';
  constructor(readonly limitBytes: number) {
    super(`The file is larger than the upload limit of ${Math.round(limitBytes / (1024 * 1024))} MB`);
  }
}

/** Turns zod issues into field errors with dotted paths. */
export function fieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix = '',
): FieldError[] {
  return issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(root)',
    message: i.message,
  }));
}
