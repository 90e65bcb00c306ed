import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { authHeaders, type Login, loginAs } from '../../../test/factories.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { exportCollection } from '../../operations/export-collection.ts';
import { importCollection } from '../../operations/import-collection.ts';
import { buildApp } from '../app.ts';

// Content in six languages (issue 11 item 2) through the real app: labels and translations in, out and kept.

const FLAGS = { required: false, filterable: false, showInCard: true };
let t: TempStore;
let app: FastifyInstance;
let admin: Login;

beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store });
  admin = await loginAs(app, 'admin');
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
  const res = await app.inject({
    method,
    url: `/api/v1${url}`,
    headers: authHeaders(admin),
    ...(payload ? { payload } : {}),
  });
  return { status: res.statusCode, body: res.json() };
};

it('keeps labels in six languages on thesauri, templates, sections and relation types, and translations on entities', async () => {
  const thesaurus = {
    name: 'status',
    label: 'Status',
    labels: { fr: 'Statut', ar: 'الحالة' },
    values: [{ id: 'in-force', label: 'In force', labels: { fr: 'En vigueur', zh: '生效' } }],
  };
  expect((await call('POST', '/thesauri', thesaurus)).status).toBe(201);
  expect((await call('GET', '/thesauri/status')).body).toMatchObject(thesaurus);
  const template = {
    name: 'Document',
    label: 'Document',
    labels: { ru: 'Документ' },
    sectionLabels: { Texts: { es: 'Textos' } },
    properties: [
      {
        ...FLAGS,
        name: 'status',
        label: 'Status',
        labels: { fr: 'Statut' },
        type: 'select',
        thesaurus: 'status',
      },
      {
        ...FLAGS,
        name: 'summary',
        label: 'Summary',
        type: 'text',
        section: 'Texts',
        description: 'What it says',
        descriptions: { fr: 'Ce qu’il dit' },
      },
      { ...FLAGS, name: 'cites', label: 'Cites', type: 'relationship', targetTemplate: 'Document' },
    ],
  };
  expect((await call('POST', '/templates', template)).status).toBe(201);
  expect((await call('GET', '/templates/Document')).body).toMatchObject(template);
  const relation = {
    name: 'responds-to',
    label: 'responds to',
    inverseLabel: 'answered by',
    labels: { fr: 'répond à' },
  };
  expect((await call('POST', '/relation-types', relation)).body).toMatchObject(relation);

  const cited = await call('POST', '/entities', {
    template: 'Document',
    title: 'Budapest Convention',
    metadata: { summary: 'Cybercrime.' },
    translations: { fr: { title: 'Convention de Budapest', metadata: { summary: 'Cybercriminalité.' } } },
  });
  expect(cited.status).toBe(201);
  const refused = await call('POST', '/entities', {
    template: 'Document',
    title: 'X',
    translations: { fr: { metadata: { status: 'in-force' } } },
  });
  expect(refused.status).toBe(400);
  expect(refused.body.errors[0].path).toBe('translations.fr.metadata.status');
  const citing = await call('POST', '/entities', {
    template: 'Document',
    title: 'Strategy',
    metadata: { status: 'in-force', cites: [cited.body.id] },
  });
  const patched = await call('PATCH', `/entities/${citing.body.id}`, {
    translations: { ar: { title: 'الاستراتيجية' } },
  });
  expect(patched.body.translations).toEqual({ ar: { title: 'الاستراتيجية' } });
  expect(patched.body.metadata.status).toBe('in-force');
  // The page's related cards carry their translations, so they show in the reader's language.
  const view = await call('GET', `/entities/${citing.body.id}/view`);
  expect(view.body.related[cited.body.id]).toMatchObject({
    language: 'en',
    translations: { fr: { title: 'Convention de Budapest', metadata: { summary: 'Cybercriminalité.' } } },
  });

  const archive = join(t.dataDir, 'out', 'six.tar.gz');
  await exportCollection({ store: t.store, out: archive });
  const copy = await createTempStore();
  try {
    await importCollection({ store: copy.store, archive });
    expect((await copy.store.entities.findById(cited.body.id))?.translations).toEqual(
      cited.body.translations,
    );
    expect((await copy.store.templates.findByName('Document'))?.sectionLabels).toEqual({
      Texts: { es: 'Textos' },
    });
    expect((await copy.store.relationTypes.findByName('responds-to'))?.labels).toEqual({ fr: 'répond à' });
  } finally {
    await copy.cleanup();
  }
});
