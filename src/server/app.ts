import { readFileSync } from 'node:fs';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Store } from '../store/store.ts';
import { registerApiValidators } from './api-validators.ts';
import { installAuthentication } from './auth/authenticate.ts';
import { installErrorHandler, problem, sendProblem } from './errors.ts';
import { registerOpenApi } from './openapi.ts';
import { activityRoutes } from './routes/activity.routes.ts';
import { documentTextRoutes } from './routes/document-text.routes.ts';
import { entitiesRoutes } from './routes/entities.routes.ts';
import { filesRoutes } from './routes/files.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { importsRoutes } from './routes/imports.routes.ts';
import { passwordResetRoutes } from './routes/password-reset.routes.ts';
import { profilesRoutes } from './routes/profiles.routes.ts';
import { reattachRoutes } from './routes/reattach.routes.ts';
import { relationTypesRoutes } from './routes/relation-types.routes.ts';
import { sessionRoutes } from './routes/session.routes.ts';
import { siteRoutes } from './routes/site.routes.ts';
import { templatesRoutes } from './routes/templates.routes.ts';
import { thesauriRoutes } from './routes/thesauri.routes.ts';
import { translationsRoutes } from './routes/translations.routes.ts';
import { usersRoutes } from './routes/users.routes.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { registerCompression, registerWebApp, sendWebAppPage } from './web-app.ts';
import './types.ts';

/** The REST prefix; every route plugin is mounted under it. */
export const API_PREFIX = '/api/v1';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** What buildApp needs: the configuration and an open store, plus the extension hooks. */
export type BuildAppOptions = {
  config: Config;
  store: Store;
  /**
   * HOOK for the web app: the built SPA (dist/web). Served statically; any other GET outside /api answers
   * with its index.html in the address's language (`/fr/…`), or is redirected to one (web-app.ts), so
   * client-side routes survive a reload.
   */
  webRoot?: string;
  /**
   * HOOK for other features (search, references, suggestions, text view): route plugins registered under
   * /api/v1 after the core ones, with `app.store`, `app.config` and `request.actor` available.
   */
  plugins?: FastifyPluginAsync[];
  /** Plugins mounted at the root instead of /api/v1 (e.g. `/documents/:id/text`). */
  rootPlugins?: FastifyPluginAsync[];
};

const routeLists = new WeakMap<FastifyInstance, { method: string; url: string }[]>();

/** Every route an app registered (method and full URL), in order; HEAD twins of GET routes left out. */
export const routesOf = (app: FastifyInstance) => [...(routeLists.get(app) ?? [])];

/**
 * A URL's path as the router sees it (percent-decoding, `%2F` too), so a test on it cannot be dodged by
 * spelling `/api` as `/%61pi`. Undecodable paths are kept as sent.
 */
function decodedPath(url: string) {
  const path = url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Builds the Fastify app without listening (tests call `app.inject`); the caller owns the store. */
export async function buildApp({ config, store, webRoot, plugins = [], rootPlugins = [] }: BuildAppOptions) {
  const app: FastifyInstance = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 5 * 1024 * 1024, // JSON bodies: a large thesaurus or markdown-heavy entity fits; files go multipart
  });
  const routes: { method: string; url: string }[] = [];
  routeLists.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('store', store);
  app.decorate('config', config);
  installErrorHandler(app);

  await registerSecurityHeaders(app, { isBehindTls: config.trustProxy });
  registerApiValidators(app);
  await registerCompression(app);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10 } });
  // Limits are declared per route (POST /session), so they follow the matched route, not the URL's spelling.
  await app.register(rateLimit, { global: false });
  installAuthentication(app);
  await registerOpenApi(app, version);

  const core = [
    healthRoutes,
    sessionRoutes,
    templatesRoutes,
    thesauriRoutes,
    relationTypesRoutes,
    entitiesRoutes,
    profilesRoutes,
    filesRoutes,
    usersRoutes,
    activityRoutes,
    importsRoutes,
    translationsRoutes,
    passwordResetRoutes,
    siteRoutes,
    reattachRoutes,
  ];
  for (const plugin of [...core, ...plugins]) await app.register(plugin, { prefix: API_PREFIX });
  // The plain-HTML text view lives outside /api and must be registered before the SPA fallback below.
  await app.register(documentTextRoutes);
  for (const plugin of rootPlugins) await app.register(plugin);

  // HOOK: static web app with SPA fallback. wildcard: false registers the built files at start (dist/web does
  // not change while serving) and sends every other path straight to the not-found handler below.
  if (webRoot) await registerWebApp(app, webRoot);
  app.setNotFoundHandler((request, reply) => {
    const path = decodedPath(request.url);
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !/^\/api(\/|$)/.test(path);
    if (webRoot && isPage) return sendWebAppPage(request, reply, webRoot, path);
    return sendProblem(reply, problem(404, `No route ${request.method} ${request.url.split('?')[0]}`));
  });
  return app;
}
