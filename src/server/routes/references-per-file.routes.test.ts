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
import { drainIngestQueue } from '../../cli/context.ts';
import type { ReferenceList } from '../../domain/schemas/reference-view.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { uploadFile } from '../../operations/upload-file.ts';
import { buildApp } from '../app.ts';
import { referencesRoutes } from './references.routes.ts';

/** The Chinese version of the statement, a second file of the same document. */
const STATEMENT_ZH = [
  '关于网络空间负责任国家行为的国家声明。',
  '各国应采取适当措施，保护其关键基础设施免受信息通信技术威胁。',
  '各国应回应另一国家提出的适当援助请求。',
].join('\n\n');

let t: TempStore;
let app: FastifyInstance;
let collaborator: Login;
let statement: TextDocument;
let response: TextDocument;
let zh: { id: string; fullText: string };

beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store, plugins: [referencesRoutes] });
  await seedReferenceTypes(t.store);
  [statement, response] = await documentsWithText(t.store, t.config, [
    { title: 'Statement', text: STATEMENT, published: true },
    { title: 'Response', text: RESPONSE, published: true },
  ]);
  const file = await uploadFile({
    store: t.store,
    actor: OPERATOR,
    entityId: statement.entity.id,
    filename: 'Statement.zh.txt',
    mimeType: 'text/plain',
    content: Buffer.from(STATEMENT_ZH),
  });
  await drainIngestQueue(t.store, t.config);
  zh = { id: file.id, fullText: (await t.store.files.fullText(file.id)) ?? '' };
  collaborator = await loginAs(app, 'collaborator');
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

const connect = async (payload: object) => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/references',
    headers: authHeaders(collaborator),
    payload: { relationType: 'responds-to', ...payload },
  });
  expect(res.statusCode).toBe(201);
  return (res.json() as { id: string }).id;
};
const list = async (query: string) => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/references?${query}` });
  expect(res.statusCode).toBe(200);
  return (res.json() as ReferenceList).items.map((r) => r.id);
};

/**
 * A document with an English and a Chinese file (issue 11 item 4: "connections stay per file"): each file
 * lists its own connections, and one to the document as a whole is in neither file but listed apart.
 */
describe('connections of a document with a file per language', () => {
  it('lists each file’s own connections, and those to the whole document apart', async () => {
    expect(zh.fullText).toContain('关键基础设施');
    const toEnglish = await connect({
      source: quoteIn(response.file.id, response.fullText, 'Assistance requests should be answered'),
      targetEntityId: statement.entity.id,
      target: quoteIn(
        statement.file.id,
        statement.fullText,
        'respond to appropriate requests for assistance',
      ),
    });
    const fromChinese = await connect({
      source: quoteIn(zh.id, zh.fullText, '保护其关键基础设施'),
      targetEntityId: response.entity.id,
      target: quoteIn(response.file.id, response.fullText, 'protecting critical infrastructure'),
    });
    const toWhole = await connect({
      source: quoteIn(response.file.id, response.fullText, 'Response of the regional organisation'),
      targetEntityId: statement.entity.id,
    });

    expect(await list(`fileId=${zh.id}`)).toEqual([fromChinese]);
    expect(await list(`fileId=${statement.file.id}`)).toEqual([toEnglish]);
    expect(await list(`entityId=${statement.entity.id}&wholeEntity=true`)).toEqual([toWhole]);
    expect((await list(`entityId=${statement.entity.id}`)).sort()).toEqual(
      [toEnglish, fromChinese, toWhole].sort(),
    );
    expect(await list(`entityId=${statement.entity.id}&wholeEntity=false`)).toHaveLength(3);
  });

  it('refuses wholeEntity without the entity, and a flag that is not true or false', async () => {
    const withFile = await app.inject({
      method: 'GET',
      url: `/api/v1/references?fileId=${zh.id}&wholeEntity=true`,
    });
    expect(withFile.statusCode).toBe(400);
    expect(withFile.body).toContain('wholeEntity goes with entityId');
    const bad = await app.inject({
      method: 'GET',
      url: `/api/v1/references?entityId=${statement.entity.id}&wholeEntity=yes`,
    });
    expect(bad.statusCode).toBe(400);
  });
});
