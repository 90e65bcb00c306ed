import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type Login, loginAs } from '../../../test/factories.ts';
import {
  documentsWithText,
  quoteIn,
  RESPONSE,
  STATEMENT,
  seedReferenceTypes,
  type TextDocument,
} from '../../../test/reference-fixtures.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { createReference } from '../../operations/create-reference.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveRelationType } from '../../operations/save-relation-type.ts';
import { buildApp } from '../app.ts';

// Relation types for admins (issue 10, item 6): relabel in six languages, delete refused while used, or
// with the connections moved to another type.

let t: TempStore;
let app: FastifyInstance;
let admin: Login;
let statement: TextDocument;
let response: TextDocument;

beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store });
  await seedReferenceTypes(t.store);
  [statement, response] = await documentsWithText(t.store, t.config, [
    { title: 'Statement', text: STATEMENT, published: true },
    { title: 'Response', text: RESPONSE, published: true },
  ]);
  admin = await loginAs(app, 'admin');
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

const call = (method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url: `/api/v1${url}`, headers: authHeaders(admin), ...(payload ? { payload } : {}) });

const connect = (relationType: string) =>
  createReference({
    store: t.store,
    actor: OPERATOR,
    input: {
      relationType,
      source: quoteIn(statement.file.id, statement.fullText, 'critical infrastructure'),
      targetEntityId: response.entity.id,
      target: quoteIn(response.file.id, response.fullText, 'Assistance requests'),
    },
  });

describe('relation types', () => {
  it('relabels a relation type and its inverse in other languages, logged; the name stays', async () => {
    const res = await call('PUT', '/relation-types/responds-to', {
      name: 'responds-to',
      label: 'responds to',
      inverseLabel: 'is answered by',
      labels: { fr: 'répond à' },
      inverseLabels: { fr: 'reçoit la réponse de' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      inverseLabel: 'is answered by',
      inverseLabels: { fr: 'reçoit la réponse de' },
    });
    const [entry] = await t.store.activity.list({ limit: 1, targetId: res.json().id });
    expect(entry!.summary).toBe('Updated relation type "responds to" / "is answered by"');
    const renamed = await call('PUT', '/relation-types/responds-to', {
      name: 'answers',
      label: 'a',
      inverseLabel: 'b',
    });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().errors[0].path).toBe('name');
    const missing = await call('PUT', '/relation-types/nothing', {
      name: 'nothing',
      label: 'a',
      inverseLabel: 'b',
    });
    expect(missing.statusCode).toBe(404);
    const empty = await call('PUT', '/relation-types/responds-to', {
      name: 'responds-to',
      label: '',
      inverseLabel: 'b',
    });
    expect(empty.statusCode).toBe(400);
  });

  it('refuses to delete a relation type connections use, with the count, and moves them when asked', async () => {
    await saveRelationType({
      store: t.store,
      actor: OPERATOR,
      input: { name: 'cites', label: 'cites', inverseLabel: 'cited by' },
    });
    const ref = await connect('cites');
    expect((await call('GET', '/relation-types/cites/usage')).json()).toEqual({
      references: 1,
      properties: [],
    });
    const refused = await call('DELETE', '/relation-types/cites');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().usage).toEqual({ references: 1, properties: [] });
    expect(refused.json().detail).toContain('used by 1 connections');
    expect([refused.json().code, refused.json().params]).toEqual([
      'relationTypeInUse',
      { label: 'cites', connections: 1, properties: 0 },
    ]);
    expect(await t.store.relationTypes.findByName('cites')).not.toBeNull();

    const badTarget = await call('DELETE', '/relation-types/cites?moveTo=nothing');
    expect(badTarget.statusCode).toBe(400);
    const moved = await call('DELETE', '/relation-types/cites?moveTo=responds-to');
    expect(moved.statusCode).toBe(204);
    expect(await t.store.relationTypes.findByName('cites')).toBeNull();
    expect((await t.store.references.get(ref.id))!.relationType).toBe('responds-to');
    const [entry] = (await t.store.activity.list({ limit: 5 })).filter(
      (a) => a.targetType === 'relation-type',
    );
    expect(entry!.summary).toContain('1 connections and 0 properties moved to "responds to"');
  });

  it('deletes an unused relation type', async () => {
    await saveRelationType({
      store: t.store,
      actor: OPERATOR,
      input: { name: 'unused', label: 'unused', inverseLabel: 'unused by' },
    });
    expect((await call('DELETE', '/relation-types/unused')).statusCode).toBe(204);
    expect((await call('DELETE', '/relation-types/unused')).statusCode).toBe(404);
  });
});
