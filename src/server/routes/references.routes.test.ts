import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type Login, loginAs } from '../../../test/factories.ts';
import {
  documentsWithText,
  quoteIn,
  RESPONSE,
  replaceText,
  STATEMENT,
  seedReferenceTypes,
  type TextDocument,
} from '../../../test/reference-fixtures.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { reanchorFileReferences } from '../../operations/reanchor-file-references.ts';
import { buildApp } from '../app.ts';
import { referencesRoutes } from './references.routes.ts';

let t: TempStore;
let app: FastifyInstance;
let collaborator: Login;
let editor: Login;
let statement: TextDocument;
let response: TextDocument;

beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store, plugins: [referencesRoutes] });
  await seedReferenceTypes(t.store);
  [statement, response] = await documentsWithText(t.store, t.config, [
    { title: 'Statement', text: STATEMENT, published: true },
    { title: 'Response', text: RESPONSE },
  ]);
  collaborator = await loginAs(app, 'collaborator');
  editor = await loginAs(app, 'editor');
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

const body = (sourceQuote: string, targetQuote: string) => ({
  relationType: 'responds-to',
  source: quoteIn(response.file.id, response.fullText, sourceQuote),
  targetEntityId: statement.entity.id,
  target: quoteIn(statement.file.id, statement.fullText, targetQuote),
});
const post = (login: Login | null, payload: object) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/references',
    headers: login ? authHeaders(login) : {},
    payload,
  });
const get = (url: string, login?: Login) =>
  app.inject({ method: 'GET', url, headers: login ? { cookie: login.cookie } : {} });

describe('/api/v1/references', () => {
  it('creates overlapping references whose anchors agree with the stored text', async () => {
    const first = await post(
      collaborator,
      body('critical infrastructure from ICT threats', 'critical infrastructure'),
    );
    const second = await post(
      collaborator,
      body('protecting critical infrastructure', 'protect their critical'),
    );
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    const ref = first.json();
    expect(response.fullText.slice(ref.source.start, ref.source.end)).toBe(ref.source.exact);
    expect(statement.fullText.slice(ref.target.start, ref.target.end)).toBe(ref.target.exact);
    expect(ref.source.prefix).toBe(
      response.fullText.slice(Math.max(0, ref.source.start - 32), ref.source.start),
    );

    const list = await get(`/api/v1/references?entityId=${response.entity.id}`, editor);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 2, offset: 0 });
    expect(list.json().items[0]).toMatchObject({
      direction: 'outgoing',
      targetPlace: { entityTitle: 'Statement' },
    });
  });

  it('answers 400 naming the field for a quote that does not match', async () => {
    const payload = body('We agree', 'protect their critical');
    const res = await post(editor, {
      ...payload,
      target: { ...payload.target, exact: 'protect our critical' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([{ path: 'target.exact', message: expect.any(String) }]);
    expect((await get('/api/v1/references', editor)).statusCode).toBe(400); // no subject given
  });

  it('enforces who may create, see and delete', async () => {
    expect((await post(null, body('We agree', 'protect their critical'))).statusCode).toBe(401);
    // The response document is unpublished: anonymous readers see neither it nor its connections.
    expect((await get(`/api/v1/references?entityId=${response.entity.id}`)).statusCode).toBe(404);
    const publicList = await get(`/api/v1/references?entityId=${statement.entity.id}`);
    expect(publicList.json()).toMatchObject({ total: 0, items: [] });

    const created = (await post(collaborator, body('Assistance requests', 'respond to appropriate'))).json();
    const del = (login: Login) =>
      app.inject({ method: 'DELETE', url: `/api/v1/references/${created.id}`, headers: authHeaders(login) });
    expect((await del(collaborator)).statusCode).toBe(403);
    expect((await del(editor)).statusCode).toBe(204);
    expect((await del(editor)).statusCode).toBe(404);
  });

  it('lists orphaned references to editors after a re-anchoring', async () => {
    const doomed = (
      await post(editor, body('reasonable time', 'whose critical infrastructure is subject'))
    ).json();
    await replaceText(t.store, t.config, statement.file, STATEMENT.split('\n\n').slice(0, 3).join('\n\n'));
    await reanchorFileReferences({ store: t.store, actor: OPERATOR, fileId: statement.file.id });
    expect((await get('/api/v1/references/orphaned', collaborator)).statusCode).toBe(403);
    const orphaned = await get('/api/v1/references/orphaned', editor);
    expect(orphaned.json().items.map((r: { id: string }) => r.id)).toEqual([doomed.id]);
    const inFile = await get(`/api/v1/references?fileId=${statement.file.id}&limit=500`, editor);
    expect(inFile.json().items.find((r: { id: string }) => r.id === doomed.id)).toMatchObject({
      orphaned: true,
    });
  });

  it('is described in the OpenAPI document', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/references',
        '/api/v1/references/{id}',
        '/api/v1/references/orphaned',
      ]),
    );
  });
});
