import { basename } from 'node:path';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Vite's content-hashed output: a changed file gets a new name, so a browser may keep these for good. */
const HASHED_ASSET = /[/\\]assets[/\\][^/\\]+-[\w-]{8,}\.\w+$/;

/**
 * Brotli or gzip for every compressible answer (JSON, HTML, JS, CSS) the browser accepts. Files the build
 * already compressed (`name.br`, `name.gz` beside the original, see vite.config.ts) are sent as they are;
 * the rest is compressed on the fly at a cheap level. Registered before the routes so it sees them all.
 */
export async function registerCompression(app: FastifyInstance) {
  await app.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
}

/**
 * The built SPA: hashed assets cached for a year (`immutable`: no revalidation on reload), everything else —
 * index.html above all, which names the current assets — revalidated on every visit with its ETag, so a new
 * release is seen at once and an unchanged one costs a 304.
 */
export async function registerWebApp(app: FastifyInstance, root: string) {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: 'index.html',
    preCompressed: true,
    cacheControl: false,
    etag: true,
    setHeaders: (reply, path) => {
      const hashed = HASHED_ASSET.test(path) && basename(path) !== 'index.html';
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
