import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { create, extract } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type Login, loginAs } from '../../../test/factories.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { TEMPLATES, THESAURI } from '../../demo/data/index.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { exportCollection } from '../../operations/export-collection.ts';
import { importCollection } from '../../operations/import-collection.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { saveThesaurus } from '../../operations/save-thesaurus.ts';
import { buildApp } from '../app.ts';

let t: TempStore;
let app: FastifyInstance;
let editor: Login;
let collaborator: Login;
let kenya: string;

const REVIEW = {
  profile: '2026-03-12',
  sections: { Structure: '2026-03-12', 'Cybersecurity Policy': '2025-11-02' },
};

beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store });
  for (const input of THESAURI) await saveThesaurus({ store: t.store, actor: OPERATOR, input });
  for (const input of TEMPLATES)
    await saveTemplate({ store: t.store, actor: OPERATOR, input: input as never });
  kenya = (
    await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: { template: 'State', title: 'Kenya', published: true, metadata: { region: 'africa' } },
    })
  ).id;
  editor = await loginAs(app, 'editor');
  collaborator = await loginAs(app, 'collaborator');
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

const patch = (who: Login, body: object) =>
  app.inject({ method: 'PATCH', url: `/api/v1/entities/${kenya}`, headers: authHeaders(who), payload: body });
const read = async () => (await app.inject({ url: `/api/v1/entities/${kenya}/view` })).json().entity;

describe('last reviewed', () => {
  it('is empty until an editor records a review, which readers then see', async () => {
    expect((await read()).lastReviewed).toEqual({ profile: null, sections: {} });
    const res = await patch(editor, { lastReviewed: REVIEW });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lastReviewed).toEqual(REVIEW);
    expect((await read()).lastReviewed).toEqual(REVIEW);
  });

  it('is not the write time: editing the metadata moves updatedAt and keeps the review', async () => {
    const before = await read();
    const res = await patch(editor, { metadata: { ...before.metadata, nationalCert: 'KE-CIRT/CC' } });
    expect(res.statusCode, res.body).toBe(200);
    const after = await read();
    expect(after.updatedAt > before.updatedAt).toBe(true);
    expect(after.lastReviewed).toEqual(REVIEW);
  });

  it('is for editors: a collaborator gets 403 and nothing changes', async () => {
    const res = await patch(collaborator, { lastReviewed: { profile: '2026-01-01', sections: {} } });
    expect(res.statusCode).toBe(403);
    expect((await read()).lastReviewed).toEqual(REVIEW);
  });

  it('refuses unknown sections, impossible or future days and other formats, one error per field', async () => {
    const bad = await patch(editor, {
      lastReviewed: {
        profile: '2026-02-30',
        sections: { Structure: '2999-01-01', Budget: '2026-01-01' },
      },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'lastReviewed.profile',
        'lastReviewed.sections.Structure',
        'lastReviewed.sections.Budget',
      ]),
    );
    expect((await patch(editor, { lastReviewed: { profile: 'March 2026', sections: {} } })).statusCode).toBe(
      400,
    );
    expect((await read()).lastReviewed).toEqual(REVIEW);
  });

  it('is kept by export and import', async () => {
    const archive = join(t.dataDir, 'out', 'collection.tar.gz');
    await exportCollection({ store: t.store, out: archive });
    const b = await createTempStore();
    try {
      await importCollection({ store: b.store, archive });
      expect((await b.store.entities.findById(kenya))?.lastReviewed).toEqual(REVIEW);
    } finally {
      await b.cleanup();
    }
  });

  it('imports an archive of format version 1 (written before the column) as never reviewed', async () => {
    const archive = join(t.dataDir, 'out', 'v2.tar.gz');
    await exportCollection({ store: t.store, out: archive });
    // Rewrite it as the previous version wrote it: no last_reviewed key, version 1.
    const dir = join(t.dataDir, 'out', 'v1');
    mkdirSync(dir, { recursive: true });
    await extract({ file: archive, cwd: dir });
    const rows = readFileSync(join(dir, 'tables', 'entities.jsonl'), 'utf8')
      .trim()
      .split('\n');
    const old = rows.map((line) => {
      const { last_reviewed: _dropped, ...row } = JSON.parse(line);
      return JSON.stringify(row);
    });
    writeFileSync(join(dir, 'tables', 'entities.jsonl'), `${old.join('\n')}\n`);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, version: 1 }));
    const v1 = join(t.dataDir, 'out', 'v1.tar.gz');
    await create({ gzip: true, file: v1, cwd: dir }, ['manifest.json', 'tables']);
    const b = await createTempStore();
    try {
      await importCollection({ store: b.store, archive: v1 });
      const imported = await b.store.entities.findById(kenya);
      expect(imported?.title).toBe('Kenya');
      expect(imported?.lastReviewed).toEqual({ profile: null, sections: {} });
    } finally {
      await b.cleanup();
    }
  });
});
