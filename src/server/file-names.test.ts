import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authHeaders,
  buildEntity,
  buildTemplate,
  type Login,
  loginAs,
  multipartBody,
} from '../../test/factories.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { createEntity } from '../operations/create-entity.ts';
import { OPERATOR } from '../operations/permissions.ts';
import { saveTemplate } from '../operations/save-template.ts';
import { buildApp } from './app.ts';

let t: TempStore;
let app: FastifyInstance;
let collaborator: Login;
let entityId: string;

beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store });
  await saveTemplate({ store: t.store, actor: OPERATOR, input: buildTemplate() });
  entityId = (
    await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity({ published: true }) })
  ).id;
  collaborator = await loginAs(app, 'collaborator');
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

const upload = async (name: string, content: string) => {
  const body = multipartBody(name, content);
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/entities/${entityId}/files`,
    headers: { ...authHeaders(collaborator), ...body.headers },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(202);
  return res.json() as { id: string; filename: string };
};

describe('uploaded file names', () => {
  it('drops bidi controls, so "invoice\\u202Efdp.exe" cannot pose as a PDF', async () => {
    const file = await upload('invoice\u202Efdp.exe', 'Some text.');
    expect(file.filename).toBe('invoicefdp.exe');
    const res = await app.inject({ url: `/api/v1/files/${file.id}/download` });
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="invoicefdp.exe"; filename*=UTF-8''invoicefdp.exe`,
    );
  });

  it('cuts a long emoji name between characters and keeps ".pdf"', async () => {
    const file = await upload(`${'😀'.repeat(200)}.pdf`, 'Other text.');
    expect(file.filename.length).toBeLessThanOrEqual(255);
    expect(file.filename.endsWith('😀.pdf')).toBe(true);
    expect(file.filename).not.toMatch(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
    );
  });

  it('serves a name with an apostrophe and parentheses as a valid RFC 5987 filename*', async () => {
    const file = await upload("l'état (v2).txt", 'More text.');
    const res = await app.inject({ url: `/api/v1/files/${file.id}/download` });
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''l%27%C3%A9tat%20%28v2%29\.txt$/);
  });
});
