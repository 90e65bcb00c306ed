import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  isUiLanguage,
  LANGUAGE_INFO,
  languageOfPath,
  pickLanguage,
  type UiLanguage,
} from '../domain/languages.ts';

/**
 * Vite's content-hashed output: a changed file gets a new name, so a browser may keep these for good. With
 * the precompressed twin's extension too: @fastify/static hands setHeaders the .br or .gz file it sends.
 */
const HASHED_ASSET = /[/\\]assets[/\\][^/\\]+-[\w-]{8,}\.\w+(\.br|\.gz)?$/;

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
    // index.html is never sent as it is: `/` redirects to a language and the pages get their lang and dir
    // (sendWebAppPage below).
    index: false,
    allowedPath: (path) => path !== '/index.html',
    preCompressed: true,
    cacheControl: false,
    etag: true,
    setHeaders: (reply, path) => {
      const hashed = HASHED_ASSET.test(path) && basename(path) !== 'index.html';
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}

/**
 * The built chunk of a language's catalogue (Vite's manifest names it), so the page can ask for it at once
 * instead of after the entry script has run: the first render waits for it in every language but English.
 */
function catalogueChunk(webRoot: string, language: UiLanguage): string | null {
  const manifest = join(webRoot, '.vite', 'manifest.json');
  if (language === 'en' || !existsSync(manifest)) return null;
  const entries = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, { file?: string }>;
  return entries[`i18n/${language}.json`]?.file ?? null;
}

/** One encoding of a page: its bytes and its ETag (each encoding its own, as the bytes differ). */
type Variant = { body: Buffer | string; etag: string; encoding: 'br' | 'gzip' | null };

/**
 * The SPA's index.html with `lang` and `dir` for one language, plain and compressed, read and compressed once
 * per web root. Compressed here because the pages go out from the not-found handler, which
 * @fastify/compress (a hook on each route) never sees.
 */
const pages = new Map<string, Map<UiLanguage, { html: string; variants: Variant[] }>>();

function pageFor(webRoot: string, language: UiLanguage) {
  let byLanguage = pages.get(webRoot);
  if (!byLanguage) {
    byLanguage = new Map();
    pages.set(webRoot, byLanguage);
  }
  let page = byLanguage.get(language);
  if (!page) {
    const { htmlLang, dir } = LANGUAGE_INFO[language];
    const source = readFileSync(join(webRoot, 'index.html'), 'utf8');
    const chunk = catalogueChunk(webRoot, language);
    const preload = chunk ? `<link rel="modulepreload" crossorigin href="/${chunk}">` : '';
    let html = /<html[\s>]/i.test(source)
      ? source.replace(/<html[^>]*>/i, `<html lang="${htmlLang}" dir="${dir}">`)
      : source.replace(/^(<!doctype html>)?/i, `$1<html lang="${htmlLang}" dir="${dir}">`);
    html = /<\/head>/i.test(html)
      ? html.replace(/<\/head>/i, `${preload}</head>`)
      : html.replace(/(<html[^>]*>)/i, `$1${preload}`);
    const tag = createHash('sha256').update(html).digest('base64url').slice(0, 27);
    page = {
      html,
      variants: [
        { body: brotliCompressSync(html), etag: `"${tag}-br"`, encoding: 'br' },
        { body: gzipSync(html), etag: `"${tag}-gz"`, encoding: 'gzip' },
        { body: html, etag: `"${tag}"`, encoding: null },
      ],
    };
    byLanguage.set(language, page);
  }
  return page;
}

/** The content codings an Accept-Encoding header allows (`q=0` refuses one). */
function acceptedEncodings(header: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) out.add(name);
  }
  return out;
}

/**
 * A page of the web app. An address with a language (`/fr/states/france`) gets index.html with that
 * language's `lang` and `dir` from the first byte (no left-to-right flash before Arabic). One without
 * (`/`, the English addresses of old, a link typed by hand) is redirected to the reader's language: `?lang=`,
 * else the one chosen before (the `cp.lang` cookie the app sets), else Accept-Language, else English. Done
 * here rather than in the browser so the redirect happens before any script loads, and shared links of
 * either kind open in a language.
 */
export function sendWebAppPage(request: FastifyRequest, reply: FastifyReply, webRoot: string, path: string) {
  const language = languageOfPath(path);
  if (language) {
    const page = pageFor(webRoot, language);
    const accepted = acceptedEncodings(request.headers['accept-encoding']);
    const variant =
      page.variants.find((v) => v.encoding === null || accepted.has(v.encoding)) ?? page.variants.at(-1)!;
    reply.header('cache-control', 'no-cache').header('vary', 'Accept-Encoding').header('etag', variant.etag);
    if (request.headers['if-none-match'] === variant.etag) return reply.code(304).send();
    if (variant.encoding) reply.header('content-encoding', variant.encoding);
    return reply.type('text/html; charset=utf-8').send(variant.body);
  }
  const url = new URL(request.url, 'http://portal.invalid');
  const asked = url.searchParams.get('lang');
  url.searchParams.delete('lang');
  const cookie = request.cookies?.['cp.lang'];
  const chosen = isUiLanguage(asked)
    ? asked
    : isUiLanguage(cookie)
      ? cookie
      : pickLanguage(request.headers['accept-language']);
  const rest = url.pathname === '/' || url.pathname === '/index.html' ? '' : url.pathname;
  return reply
    .header('vary', 'Accept-Language, Cookie')
    .header('cache-control', 'no-cache')
    .redirect(`/${chosen}${rest}${url.search}`, 302);
}
