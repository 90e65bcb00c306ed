import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, buildUser, type Login, loginAs, multipartBody } from '../../test/factories.ts';
import { documentsWithText, RESPONSE, STATEMENT, seedReferenceTypes } from '../../test/reference-fixtures.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { addUser } from '../operations/add-user.ts';
import { OPERATOR } from '../operations/permissions.ts';
import { saveThesaurus } from '../operations/save-thesaurus.ts';
import { createSearchPool, type SearchPool } from '../store/sqlite/search/worker-pool.ts';
import { buildApp, routesOf } from './app.ts';
import { CASES, type Fixture, unique, WHO, type Who } from './permissions-matrix.cases.ts';
import { featureRoutes } from './start-portal.ts';

let t: TempStore;
let app: FastifyInstance;
let pool: SearchPool;
let fx: Fixture;
const logins = {} as Record<Exclude<Who, 'anonymous'>, Login>;

beforeAll(async () => {
  t = await createTempStore();
  // The app `serve` runs: buildApp with every feature's routes on a real search worker pool.
  pool = createSearchPool({ dbPath: t.store.sqlite.path, workers: 1 });
  app = await buildApp({ config: t.config, store: t.store, plugins: featureRoutes(pool) });
  await saveThesaurus({
    store: t.store,
    actor: OPERATOR,
    input: { name: 'regions', label: 'Regions', values: [{ id: 'africa', label: 'Africa' }] },
  });
  await seedReferenceTypes(t.store);
  const [published, restricted] = await documentsWithText(t.store, t.config, [
    { title: 'Statement', text: STATEMENT, published: true },
    { title: 'Response', text: RESPONSE },
  ]);
  const loginUser = buildUser('collaborator');
  await addUser({ store: t.store, actor: OPERATOR, input: loginUser });
  const [paragraph] = await t.store.pages.listParagraphs(published.file.id);
  fx = {
    store: t.store,
    published: published.entity.id,
    restricted: restricted.entity.id,
    publishedFile: published.file.id,
    restrictedFile: restricted.file.id,
    publishedParagraph: paragraph!.id,
    publishedText: published.fullText,
    restrictedText: restricted.fullText,
    loginUser: { username: loginUser.username, password: loginUser.password },
  };
  for (const role of ['collaborator', 'editor', 'admin'] as const) logins[role] = await loginAs(app, role);
});

afterAll(async () => {
  await app.close();
  await pool.close();
  await t.cleanup();
});

describe('permissions on every route', () => {
  it('has a matrix row for every route the app registers, and no row for a route it does not', () => {
    const covered = new Set(CASES.map((c) => `${c.method} ${c.route}`));
    const registered = routesOf(app).map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !registered.includes(r))).toEqual([]);
  });

  const rows = CASES.flatMap((c) => WHO.map((who, i) => ({ ...c, who, status: c.expect[i]! })));
  it.each(rows)('$method $route $note as $who → $status', async (c) => {
    let headers: Record<string, string> = {};
    if (c.who !== 'anonymous') {
      // Signing out ends the session, so that row gets a session of its own.
      const login =
        c.method === 'DELETE' && c.route === '/api/v1/session' ? await loginAs(app, c.who) : logins[c.who];
      headers = authHeaders(login);
    }
    let payload: unknown = c.body?.(fx);
    if (c.multipart) {
      // Different bytes each time: the same bytes twice are refused as a duplicate (409).
      const body = multipartBody('note.txt', `Some text ${unique()}`);
      payload = body.payload;
      headers = { ...headers, ...body.headers };
    }
    const res = await app.inject({
      method: c.method,
      url: await c.url(fx),
      headers,
      payload: payload as string,
    });
    expect(res.statusCode, res.body).toBe(c.status);
    if (c.status >= 400 && c.route.startsWith('/api/'))
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

// Who may call a route is decided before its body and query are validated: a refused caller learns nothing
// about the schema (a 400 listing the fields would answer before the 401/403).
describe('refusals come before validation', () => {
  const GARBAGE_QUERY = 'limit=banana&offset=-1&page=0&from=x&q=';
  const withGarbage = (url: string) => `${url}${url.includes('?') ? '&' : '?'}${GARBAGE_QUERY}`;
  const refused = CASES.flatMap((c) => [
    ...(c.expect[0] === 401 ? [{ ...c, who: 'anonymous' as const, status: 401 }] : []),
    ...(c.expect[1] === 403 && !c.bodyDecides ? [{ ...c, who: 'collaborator' as const, status: 403 }] : []),
  ]);
  it.each(refused)('$method $route $note as $who with an invalid body and query → $status', async (c) => {
    const headers: Record<string, string> = c.who === 'anonymous' ? {} : authHeaders(logins.collaborator);
    const res = await app.inject({
      method: c.method,
      url: withGarbage(await c.url(fx)),
      headers,
      ...(c.method === 'GET' || c.method === 'DELETE' ? {} : { payload: { title: 1, unexpected: true } }),
    });
    expect(res.statusCode, res.body).toBe(c.status);
    expect(res.json().errors).toBeUndefined();
  });
});
