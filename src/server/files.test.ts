import { readdirSync } from 'node:fs';
import { join } from 'node:path';
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
import { drainIngestQueue } from '../cli/context.ts';
import { createEntity } from '../operations/create-entity.ts';
import { OPERATOR } from '../operations/permissions.ts';
import { saveTemplate } from '../operations/save-template.ts';
import { buildApp } from './app.ts';

const LIMIT = 1024 * 1024;
let t: TempStore;
let app: FastifyInstance;
let collaborator: Login;
let entityId: string;

beforeAll(async () => {
  t = await createTempStore({ maxUploadBytes: LIMIT });
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

const upload = (name: string, content: Buffer | string) => {
  const body = multipartBody(name, content, { type: 'application/pdf' });
  return app.inject({
    method: 'POST',
    url: `/api/v1/entities/${entityId}/files`,
    headers: { ...authHeaders(collaborator), ...body.headers },
    payload: body.payload,
  });
};

describe('file upload', () => {
  it('answers 202 with a queued file whose kind comes from its bytes, not its name', async () => {
    const res = await upload('strategy.pdf', 'Article 1. This text file only claims to be a PDF.');
    expect(res.statusCode, res.body).toBe(202);
    const file = res.json();
    expect(file).toMatchObject({ status: 'queued', kind: 'text', filename: 'strategy.pdf', entityId });
    expect(file).not.toHaveProperty('storageKey');
    const jobs = await t.store.jobs.list({ status: 'queued' });
    expect(jobs.map((j) => j.payload)).toContainEqual({ fileId: file.id });
  });

  it('detects a real PDF and serves the original back as application/pdf', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'latin1');
    const file = (await upload('report.bin', pdf)).json();
    expect(file.kind).toBe('pdf');
    const res = await app.inject({ url: `/api/v1/files/${file.id}/download` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.equals(pdf)).toBe(true);
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="report.bin"/);
  });

  it('serves unknown kinds as an attachment, never as the media type the client claimed', async () => {
    const file = (await upload('page.html', '<!doctype html><script>alert(1)</script>')).json();
    expect(file.kind).toBe('html');
    const res = await app.inject({ url: `/api/v1/files/${file.id}/download` });
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toMatch(/^attachment/);
  });

  it('refuses a file over the limit with a 413 problem and keeps nothing', async () => {
    const before = (await t.store.files.listByEntity(entityId)).length;
    const res = await upload('big.txt', Buffer.alloc(LIMIT + 10, 'a'));
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().detail).toBe('The file is larger than the upload limit of 1 MB');
    expect((await t.store.files.listByEntity(entityId)).length).toBe(before);
    expect(readdirSync(join(t.dataDir, 'files', 'tmp'))).toEqual([]);
  });

  it('asks for the "file" field when it is missing', async () => {
    const body = multipartBody('a.txt', 'x', { field: 'document' });
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/entities/${entityId}/files`,
      headers: { ...authHeaders(collaborator), ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'file', message: expect.stringContaining('"file"') }]);
  });

  it('lists pages and paragraphs written by the ingest pipeline', async () => {
    const file = (await upload('notes.txt', 'First paragraph.')).json();
    await drainIngestQueue(t.store, t.config, undefined, [file.id]);
    expect((await t.store.files.findById(file.id))?.status).toBe('ready');
    const pages = (await app.inject({ url: `/api/v1/files/${file.id}/pages?from=1&to=1` })).json();
    expect(pages).toMatchObject([{ number: 1, text: 'First paragraph.' }]);
    const paragraphs = (await app.inject({ url: `/api/v1/files/${file.id}/paragraphs` })).json();
    expect(paragraphs).toMatchObject([{ ordinal: 0, text: 'First paragraph.', isHeading: false }]);
  });
});
