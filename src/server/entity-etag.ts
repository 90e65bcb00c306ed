import type { FastifyRequest } from 'fastify';
import { ValidationFailed } from '../operations/errors.ts';
import type { BasedOn } from '../operations/write-entity.ts';

/**
 * An entity's ETag is `"<version>-<digest of the body>"` (set by api-validators.ts on GET /entities/:id):
 * the version is what a write is based on; the digest keeps `If-None-Match` right for anonymous readers,
 * whose view of one version changes when a linked entity is published. `If-Match` compares the version.
 */
const ENTITY_TAG = /^(?:W\/)?"?(\d+)(?:-[\w-]*)?"?$/;

/** The version named by a write's If-Match header: a number, `'any'` for `*`, undefined without one. */
export function ifMatchVersion(request: FastifyRequest): BasedOn {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header.join(',') : header).trim();
  if (value === '*') return 'any';
  const match = ENTITY_TAG.exec(value);
  if (!match)
    throw new ValidationFailed([
      {
        path: 'If-Match',
        message: 'must be one ETag of GET /entities/:id (e.g. "7-…"), a version number in quotes, or *',
      },
    ]);
  return Number(match[1]);
}
