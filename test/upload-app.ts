import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { createEntity } from '../src/operations/create-entity.ts';
import { OPERATOR } from '../src/operations/permissions.ts';
import { saveTemplate } from '../src/operations/save-template.ts';
import { buildApp } from '../src/server/app.ts';
import { authHeaders, buildEntity, buildTemplate, type Login, loginAs, multipartBody } from './factories.ts';
import { createTempStore, type TempStore } from './temp-store.ts';

/** A real app on a temp database with one published entity and a collaborator who uploads files to it. */
export type UploadApp = {
  t: TempStore;
  app: FastifyInstance;
  collaborator: Login;
  entityId: string;
  /** Uploads as the collaborator and expects 202; returns the file record. */
  upload: <T = { id: string; kind: string; filename: string }>(
    name: string,
    content: Buffer | string,
  ) => Promise<T>;
  close: () => Promise<void>;
};

export async function startUploadApp(): Promise<UploadApp> {
  const t = await createTempStore();
  const app = await buildApp({ config: t.config, store: t.store });
  await saveTemplate({ store: t.store, actor: OPERATOR, input: buildTemplate() });
  const entityId = (
    await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity({ published: true }) })
  ).id;
  const collaborator = await loginAs(app, 'collaborator');
  return {
    t,
    app,
    collaborator,
    entityId,
    async upload(name, content) {
      const body = multipartBody(name, content);
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/entities/${entityId}/files`,
        headers: { ...authHeaders(collaborator), ...body.headers },
        payload: body.payload,
      });
      expect(res.statusCode, res.body).toBe(202);
      return res.json();
    },
    async close() {
      await app.close();
      await t.cleanup();
    },
  };
}
