import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { viewerClass, viewerOf } from '../domain/visibility.ts';

/**
 * Routes whose answer is a function of the URL, the viewer class and the collection's write generation
 * alone (every table they read moves it: migration 2026113001): their ETag is known before any work, so a
 * revalidation costs one row read and no search.
 */
const BY_GENERATION = new Set([
  '/api/v1/search',
  '/api/v1/autocomplete',
  // Entities, their links (written in the same transaction as the entity) and templates: all move it.
  '/api/v1/entities/:id/profile',
  '/api/v1/entities/:id/sections/:property',
]);

// A restored or replaced database starts its generation again in a new process: the boot id keeps ETags
// from one process's life from matching another's.
const BOOT = randomBytes(4).toString('hex');

const hash = (data: string | Buffer) => createHash('sha1').update(data).digest('base64url').slice(0, 22);

const generationTag = (generation: number, request: FastifyRequest) =>
  `W/"${BOOT}-${generation}-${viewerClass(viewerOf(request.actor))}-${hash(request.url)}"`;

const matches = (request: FastifyRequest, etag: string) => {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  // Weak comparison (RFC 9110 §13.1.2): W/ prefixes do not count; '*' matches any current answer.
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || strip(t) === strip(etag));
};

const notModified = (reply: FastifyReply, etag: string) => {
  reply.code(304).header('etag', etag);
  // A 304 carries no body; the compression hook and content headers must not invent one.
  reply.removeHeader('content-type');
  reply.removeHeader('content-length');
};

/**
 * Validators for the API's reads: every successful GET under /api gets an ETag (by write generation for
 * the routes above, else a hash of the body) and `If-None-Match` answers 304 with no body. API answers
 * depend on the session (visibility, roles), so they are `private, no-cache`: a shared cache keeps none,
 * the browser keeps them and revalidates each time. Registered before compression so the hash is of the
 * JSON, not of one encoding of it.
 */
export function registerApiValidators(app: FastifyInstance) {
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'GET' || !BY_GENERATION.has(request.routeOptions.url ?? '')) return;
    const generation = await app.store.searchIndex.generation();
    const etag = generationTag(generation, request);
    if (matches(request, etag)) {
      notModified(reply.header('cache-control', 'private, no-cache').header('vary', 'Cookie'), etag);
      return reply.send();
    }
    // Computed before the work: a write during it must not label the new generation with an old answer.
    // The work reuses the generation (the result cache keys on it): one read per request.
    request.generationEtag = etag;
    request.generation = generation;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    // The matched route, not the raw URL: `/%61pi/v1/…` is the same route and must get the same headers.
    if (request.method !== 'GET' || !request.routeOptions.url?.startsWith('/api/')) return payload;
    if (reply.statusCode === 304) return '';
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-cache');
    reply.header('vary', 'Cookie');
    if (reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload; // streams (exports)
    const etag =
      request.generationEtag ??
      (request.entityVersion === undefined
        ? `"${hash(payload)}"`
        : `"${request.entityVersion}-${hash(payload)}"`);
    reply.header('etag', etag);
    if (!matches(request, etag)) return payload;
    notModified(reply, etag);
    return '';
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The generation ETag of a BY_GENERATION route, taken before its work. */
    generationEtag?: string;
    /** The write generation that ETag names. */
    generation?: number;
    /** The version of the entity a GET answers with: it leads the ETag, for If-Match (entity-etag.ts). */
    entityVersion?: number;
  }
}
