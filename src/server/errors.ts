import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Problem } from '../domain/schemas/common.ts';
import type { VersionConflictProblem } from '../domain/schemas/entity.ts';
import type { DuplicateFileProblem } from '../domain/schemas/file.ts';
import {
  Conflict,
  Forbidden,
  isDiskFull,
  Locked,
  NotFound,
  OperationError,
  PreconditionRequired,
  TooLarge,
  Unauthorized,
  ValidationFailed,
  VersionConflict,
} from '../operations/errors.ts';
import { DuplicateFile } from '../operations/find-duplicate-file.ts';
import { TemplateChangeNeedsConfirmation } from '../operations/schema/check-template-change.ts';
import { RelationTypeInUse } from '../operations/schema/relation-type-admin.ts';
import { SearchTimeout, SearchUnavailable } from '../search/provider.ts';
import { presentEntity } from './presenters/entity.presenter.ts';

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported media type',
  428: 'Precondition required',
  429: 'Too many attempts',
  500: 'Internal error',
  503: 'Service unavailable',
  507: 'Insufficient storage',
};

/** Builds an RFC 9457 problem document. */
export function problem(status: number, detail?: string, errors?: Problem['errors']): Problem {
  const title = TITLES[status] ?? (status >= 500 ? 'Server error' : 'Request error');
  return {
    type: `/problems/${title.toLowerCase().replaceAll(' ', '-')}`,
    title,
    status,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors } : {}),
  };
}

/** Sends a problem document with its media type. */
export const sendProblem = (reply: FastifyReply, p: Problem) =>
  reply.code(p.status).type('application/problem+json').send(p);

const STATUS_OF = new Map<abstract new (...args: never[]) => OperationError, number>([
  [ValidationFailed, 400],
  [Unauthorized, 401],
  [Forbidden, 403],
  [NotFound, 404],
  [Conflict, 409],
  [TooLarge, 413],
  [PreconditionRequired, 428],
  [Locked, 429],
]);

/** The plain values of a zod issue (minimum, maximum, origin, format, expected), for a client's own wording. */
function scalarParams(params: unknown): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries((params ?? {}) as Record<string, unknown>))
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) out[k] = v;
    else if (typeof v === 'bigint') out[k] = Number(v);
  return out;
}

/** An operation error's reason as the problem's `code` and `params` (decision 64), when it has one. */
const reasonOf = (error: OperationError) =>
  error.reason ? { code: error.reason.code, params: error.reason.params ?? {} } : {};

/** Maps any error to a problem document: operation errors, schema validation, Fastify's own 4xx, and bugs. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ValidationFailed) return problem(400, error.message, error.errors);
  if (error instanceof DuplicateFile) {
    const duplicate: DuplicateFileProblem = {
      ...problem(409, `${error.message} Send it again with ?duplicate=allow to add a copy.`),
      ...reasonOf(error),
      duplicateOf: error.duplicateOf,
    };
    return duplicate;
  }
  // A schema change refused with what it would do, so the admin screen can show it and ask.
  if (error instanceof TemplateChangeNeedsConfirmation)
    return { ...problem(409, error.message), check: error.check } as Problem;
  if (error instanceof RelationTypeInUse)
    return Object.assign(problem(409, error.message), reasonOf(error), { usage: error.usage });
  if (error instanceof VersionConflict) {
    const conflict: VersionConflictProblem = {
      ...problem(409, error.message),
      current: presentEntity(error.current),
    };
    return conflict;
  }
  if (error instanceof OperationError)
    return {
      ...problem(STATUS_OF.get(error.constructor as typeof OperationError) ?? 400, error.message),
      ...reasonOf(error),
    };
  // A search past its deadline was stopped (its worker replaced): the reader may try again at once.
  if (error instanceof SearchTimeout || error instanceof SearchUnavailable)
    return problem(503, error.message);
  const err = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where =
      err.validationContext === 'body'
        ? ''
        : `${err.validationContext === 'querystring' ? 'query' : err.validationContext}.`;
    const errors = err.validation.map((v) => ({
      path:
        `${where}${v.instancePath.replace(/^\//, '').replaceAll('/', '.')}`.replace(/\.$/, '') || '(root)',
      message: v.message ?? 'is not valid',
      code: `zod.${v.keyword}`,
      params: scalarParams(v.params),
    }));
    return problem(400, `${errors.length} field${errors.length === 1 ? ' is' : 's are'} not valid`, errors);
  }
  if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return problem(413, 'The upload is larger than the configured limit (CYBERPORTAL_MAX_UPLOAD_MB)');
  // Any write can meet a full disk (an upload's bytes, a row): say so, rather than "something went wrong".
  if (isDiskFull(error))
    return problem(
      507,
      'The server has run out of disk space, so this was not saved (nothing was kept). Try again later, ' +
        "and tell the portal's operator.",
    );
  const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
  if (status >= 400 && status < 500) return problem(status, err.message);
  return problem(500, 'Something went wrong on our side; it has been logged.');
}

/** Every error, including Fastify's validation and 404s, leaves as application/problem+json. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => {
    const p = toProblem(error);
    if (p.status >= 500) request.log.error({ err: error }, 'request failed');
    if (error instanceof Locked) reply.header('retry-after', String(Math.ceil(error.retryAfterSeconds)));
    if (error instanceof SearchTimeout || error instanceof SearchUnavailable)
      reply.header('retry-after', '1');
    return sendProblem(reply, p);
  });
}
