import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, buildEntity, type Login, loginAs, multipartBody } from '../../../test/factories.ts';
import {
  documentsWithText,
  quoteIn,
  RESPONSE,
  seedReferenceTypes,
  type TextDocument,
} from '../../../test/reference-fixtures.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { drainIngestQueue } from '../../cli/context.ts';
import type { ReferenceView } from '../../domain/schemas/reference-view.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { buildApp } from '../app.ts';
import { referencesRoutes } from './references.routes.ts';

const FIRST = [
  'Policy on the protection of critical infrastructure.',
  'Section A. Operators of essential services shall report significant incidents within 24 hours.',
  'Section B. The national CERT coordinates the response to incidents affecting several sectors.',
  'Section C. Suppliers of ICT products shall disclose known vulnerabilities to the CERT.',
].join('\n\n');
// The second version: a new preamble, Section B moved to the end, Section C deleted.
const SECOND = [
  'Policy on the protection of critical infrastructure, second version.',
  'Preamble. This version follows the consultation of 2026 and drops the supplier duties.',
  'Section A. Operators of essential services shall report significant incidents within 24 hours.',
  'Section D. Exercises are held every year with the operators of essential services.',
  'Section B. The national CERT coordinates the response to incidents affecting several sectors.',
].join('\n\n');

let t: TempStore;
let app: FastifyInstance;
let collaborator: Login;
let editor: Login;
let response: TextDocument;

beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store, plugins: [referencesRoutes] });
  await seedReferenceTypes(t.store);
  [response] = await documentsWithText(t.store, t.config, [
    { title: 'Response', text: RESPONSE, published: true },
  ]);
  collaborator = await loginAs(app, 'collaborator');
  editor = await loginAs(app, 'editor');
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

const upload = (url: string, login: Login | null, name: string, text: string) => {
  const { payload, headers } = multipartBody(name, text, { type: 'text/plain' });
  return app.inject({
    method: 'POST',
    url,
    payload,
    headers: { ...headers, ...(login ? authHeaders(login) : {}) },
  });
};
const get = (url: string, login: Login = editor) =>
  app.inject({ method: 'GET', url, headers: { cookie: login.cookie } });

describe('POST /api/v1/files/:id/versions', () => {
  it('replaces the original under the same id and re-anchors the connections once the new text is in', async () => {
    const entity = await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: buildEntity({ title: 'Policy', published: true }),
    });
    const uploaded = await upload(`/api/v1/entities/${entity.id}/files`, collaborator, 'policy.txt', FIRST);
    expect(uploaded.statusCode).toBe(202);
    const fileId: string = uploaded.json().id;
    await drainIngestQueue(t.store, t.config);
    const firstText = (await t.store.files.fullText(fileId))!;
    const connect = async (quote: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/references',
        headers: authHeaders(collaborator),
        payload: {
          relationType: 'responds-to',
          source: quoteIn(response.file.id, response.fullText, 'Assistance requests'),
          targetEntityId: entity.id,
          target: quoteIn(fileId, firstText, quote),
        },
      });
      expect(res.statusCode).toBe(201);
      return res.json() as ReferenceView;
    };
    const kept = await connect('report significant incidents within 24 hours');
    const moved = await connect('The national CERT coordinates the response');
    const lost = await connect('disclose known vulnerabilities to the CERT');
    const oldKey = (await t.store.files.findById(fileId))!.storageKey;

    expect((await upload(`/api/v1/files/${fileId}/versions`, null, 'v2.txt', SECOND)).statusCode).toBe(401);
    expect((await upload(`/api/v1/files/${fileId}/versions`, collaborator, 'v2.txt', '')).statusCode).toBe(
      400,
    );
    expect(
      (await upload('/api/v1/files/nosuchfile/versions', collaborator, 'v2.txt', SECOND)).statusCode,
    ).toBe(404);
    const replaced = await upload(`/api/v1/files/${fileId}/versions`, collaborator, 'policy-v2.txt', SECOND);
    expect(replaced.statusCode).toBe(202);
    expect(replaced.json()).toMatchObject({
      id: fileId,
      entityId: entity.id,
      filename: 'policy-v2.txt',
      kind: 'text',
      status: 'queued',
      size: Buffer.byteLength(SECOND),
    });
    // The download serves the new version; the old bytes stay as version 1 of the file (decision 45).
    expect(existsSync(t.store.originals.pathOf(oldKey))).toBe(true);
    expect((await get(`/api/v1/files/${fileId}/download`)).body).toBe(SECOND);
    expect((await get(`/api/v1/files/${fileId}/versions/1/download`)).body).toBe(FIRST);
    const activity = await t.store.activity.list({ limit: 1, targetId: fileId });
    expect(activity).toMatchObject([{ action: 'replace', targetId: fileId }]);
    // Until the new text is extracted, the connections still quote the old text where they were.
    expect((await get(`/api/v1/references?fileId=${fileId}`)).json().items).toHaveLength(3);

    await drainIngestQueue(t.store, t.config);
    expect((await get(`/api/v1/files/${fileId}`)).json()).toMatchObject({ status: 'ready' });
    const newText = (await t.store.files.fullText(fileId))!;
    expect(newText).toContain('second version');
    const list = (await get(`/api/v1/references?fileId=${fileId}&limit=500`)).json();
    expect(list.total).toBe(3); // none deleted
    const byId = new Map<string, ReferenceView>(list.items.map((r: ReferenceView) => [r.id, r]));
    for (const ref of [kept, moved]) {
      const now = byId.get(ref.id)!;
      expect(now.orphaned).toBe(false);
      expect(now.target!.exact).toBe(ref.target!.exact);
      expect(newText.slice(now.target!.start, now.target!.end)).toBe(now.target!.exact);
      expect(now.target!.start).not.toBe(ref.target!.start); // both moved: a preamble came before them
    }
    expect(byId.get(moved.id)!.target!.start).toBe(newText.indexOf('The national CERT coordinates'));
    expect(byId.get(lost.id)).toMatchObject({ orphaned: true, target: lost.target });
    const orphaned = (await get('/api/v1/references/orphaned')).json();
    expect(orphaned.items.map((r: ReferenceView) => r.id)).toEqual([lost.id]);
  });

  it('applies the upload limit and leaves the current version whole when it refuses one', async () => {
    const small = await buildApp({ config: { ...t.config, maxUploadBytes: 64 }, store: t.store });
    try {
      const before = (await t.store.files.findById(response.file.id))!;
      const { payload, headers } = multipartBody('big.txt', 'x'.repeat(1000), { type: 'text/plain' });
      const res = await small.inject({
        method: 'POST',
        url: `/api/v1/files/${response.file.id}/versions`,
        payload,
        headers: { ...headers, ...authHeaders(await loginAs(small, 'collaborator')) },
      });
      expect(res.statusCode).toBe(413);
      expect(await t.store.files.findById(response.file.id)).toEqual(before);
      expect(existsSync(t.store.originals.pathOf(before.storageKey))).toBe(true);
    } finally {
      await small.close();
    }
  });

  it('is described in the OpenAPI document', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(spec.paths['/api/v1/files/{id}/versions'].post.summary).toMatch(/new version/);
  });
});
