import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type Login, loginAs } from '../../../test/factories.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { TEMPLATES, THESAURI } from '../../demo/data/index.ts';
import type { Template, TemplateInput } from '../../domain/schemas/template.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { saveThesaurus } from '../../operations/save-thesaurus.ts';
import { schemaJobsSettled } from '../../operations/schema/schema-jobs.ts';
import { readNewThesaurus } from '../../web/scenes/Settings/thesauri/newThesaurus.ts';
import { buildApp } from '../app.ts';

// Issue 10, item 6 (API side): template changes checked against the stored values, then applied by a
// background job; thesaurus merge, usage and CSV; all through the real app and database.

let t: TempStore;
let app: FastifyInstance;
let admin: Login;
let editor: Login;

beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store });
  for (const input of THESAURI) await saveThesaurus({ store: t.store, actor: OPERATOR, input });
  for (const input of TEMPLATES)
    await saveTemplate({ store: t.store, actor: OPERATOR, input: input as never });
  admin = await loginAs(app, 'admin');
  editor = await loginAs(app, 'editor');
});
afterAll(async () => {
  await schemaJobsSettled();
  await app.close();
  await t.cleanup();
});

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, who = admin) =>
  app.inject({ method, url: `/api/v1${url}`, headers: authHeaders(who), ...(payload ? { payload } : {}) });

const doc = async (title: string, metadata: Record<string, unknown>, template = 'Document') =>
  (
    await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: {
        template,
        title,
        published: true,
        metadata: { documentType: 'national-strategy', ...metadata },
      },
    })
  ).id;

/** The stored template as an input, with its properties changed by `edit`. */
const edited = async (name: string, edit: (props: Template['properties']) => Template['properties']) => {
  const { id: _i, createdAt: _c, updatedAt: _u, ...input } = (await t.store.templates.findByName(name))!;
  return { ...input, properties: edit(input.properties) } as TemplateInput;
};

const waitForJob = async (id: number) => {
  await schemaJobsSettled();
  const res = await call('GET', `/schema-jobs/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};

describe('template changes', () => {
  it('counts, on the stored entities, the values a type change would not convert and refuses until confirmed', async () => {
    // A fresh template of its own, so the counts are exactly these entities'.
    await saveTemplate({
      store: t.store,
      actor: OPERATOR,
      input: {
        name: 'Report',
        label: 'Report',
        properties: [
          { name: 'documentType', label: 'Type', type: 'select', thesaurus: 'documentTypes' },
          { name: 'year', label: 'Year', type: 'text' },
          { name: 'note', label: 'Note', type: 'text' },
        ],
      } as TemplateInput,
    });
    const ids = [
      await doc('R1', { year: '2019', note: 'a' }, 'Report'),
      await doc('R2', { year: '2021', note: 'b' }, 'Report'),
      await doc('R3', { year: 'soon' }, 'Report'),
      await doc('R4', {}, 'Report'),
    ];
    const next = await edited('Report', (ps) =>
      ps
        .filter((p) => p.name !== 'note')
        .map((p) => (p.name === 'year' ? { ...p, type: 'number' as const } : p)),
    );
    const check = await call('POST', '/templates/Report/check', next);
    expect(check.statusCode).toBe(200);
    const body = check.json();
    expect(body.entities).toBe(4);
    expect(body.needsConfirmation).toBe(true);
    const year = body.changes.find((c: { property: string }) => c.property === 'year');
    expect(year).toMatchObject({
      change: 'type',
      from: 'text',
      to: 'number',
      withValue: 3,
      wouldNotConvert: 1,
    });
    expect(year.examples).toEqual([{ entityId: ids[2], title: 'R3', value: 'soon' }]);
    expect(body.changes.find((c: { property: string }) => c.property === 'note')).toMatchObject({
      change: 'removed',
      withValue: 2,
    });

    const refused = await call('PUT', '/templates/Report', next);
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().check.changes).toHaveLength(2);
    expect(refused.json().detail).toContain('1 of 3 values would not convert');
    expect((await t.store.templates.findByName('Report'))!.properties).toHaveLength(3);

    const saved = await call('PUT', '/templates/Report?confirm=true', next);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().jobId).toEqual(expect.any(Number));
    const job = await waitForJob(saved.json().jobId);
    expect(job).toMatchObject({ status: 'done', done: 4, total: 4, progress: 1, changed: 3 });
    const after = await t.store.entities.findMany(ids);
    const byTitle = Object.fromEntries(after.map((e) => [e.title, e]));
    expect(byTitle.R1!.metadata).toEqual({ documentType: 'national-strategy', year: 2019 });
    expect(byTitle.R2!.metadata).toEqual({ documentType: 'national-strategy', year: 2021 });
    expect(byTitle.R3!.metadata).toEqual({ documentType: 'national-strategy' });
    expect(byTitle.R4!.version).toBe(1);
    // One entry per rewritten entity, with its diff: the log shows (and can revert) what the change did.
    const [entry] = await t.store.activity.list({ limit: 1, targetId: ids[0] });
    expect(entry!.changes).toEqual(
      expect.arrayContaining([
        { field: 'metadata.year', before: '2019', after: 2019 },
        { field: 'metadata.note', before: 'a' },
      ]),
    );
  });

  it('converts select values into a multiselect, and a renamed label needs no confirmation', async () => {
    const id = await doc('Select to multi', { status: 'in-force' });
    const next = await edited('Document', (ps) =>
      ps.map((p) => (p.name === 'status' ? { ...p, type: 'multiselect' as const, label: 'Statuses' } : p)),
    );
    const check = (await call('POST', '/templates/Document/check', next)).json();
    expect(check.needsConfirmation).toBe(false);
    expect(check.changes).toEqual([
      expect.objectContaining({ property: 'status', change: 'type', wouldNotConvert: 0, withValue: 1 }),
    ]);
    const saved = await call('PUT', '/templates/Document', next);
    expect(saved.statusCode).toBe(200);
    await waitForJob(saved.json().jobId);
    expect((await t.store.entities.findById(id))!.metadata.status).toEqual(['in-force']);
  });

  it('says how many entities lack a newly required property', async () => {
    const next = await edited('Document', (ps) =>
      ps.map((p) => (p.name === 'date' ? { ...p, required: true } : p)),
    );
    const check = (await call('POST', '/templates/Document/check', next)).json();
    expect(check.missingRequired).toEqual([
      { property: 'date', label: 'Date', count: await t.store.entities.countOfTemplate('Document') },
    ]);
  });

  it('refuses bad input with field errors, an unknown template with 404, and editors with 403', async () => {
    const bad = await call('POST', '/templates/Document/check', {
      name: 'Document',
      label: '',
      properties: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain('label');
    const next = await edited('Document', (ps) => ps);
    expect((await call('POST', '/templates/Nothing/check', { ...next, name: 'Nothing' })).statusCode).toBe(
      404,
    );
    expect((await call('POST', '/templates/Document/check', next, editor)).statusCode).toBe(403);
    const target = await call(
      'PUT',
      '/templates/Document',
      await edited('Document', (ps) =>
        ps.map((p) => (p.name === 'states' ? { ...p, targetTemplate: 'Planet' } : p)),
      ),
    );
    expect(target.statusCode).toBe(400);
    expect(target.json().errors[0].message).toContain('no template named "Planet"');
    expect((await call('GET', '/schema-jobs/999999')).statusCode).toBe(404);
  });
});

describe('thesaurus values', () => {
  it('creates a thesaurus with its first values as the settings screen sends it, and says when the name is taken or empty', async () => {
    const input = readNewThesaurus(
      { label: 'Threat actors', name: 'threatActors', values: 'State actors\nCriminal groups' },
      new Set(),
    ).input!;
    const made = await call('POST', '/thesauri', input);
    expect(made.statusCode).toBe(201);
    expect((await call('GET', '/thesauri/threatActors')).json().values).toEqual(input.values);
    const again = await call('POST', '/thesauri', { ...input, values: [] });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('threatActors');
    expect((await call('GET', '/thesauri/threatActors')).json().values).toEqual(input.values);
    const empty = await call('POST', '/thesauri', { name: 'Bad name', label: '', values: [] });
    expect(empty.statusCode).toBe(400);
    expect(
      empty
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['label', 'name']);
    expect((await call('POST', '/thesauri', { ...input, name: 'byEditor' }, editor)).statusCode).toBe(403);
  });

  it('merges one value into another on every entity that holds it, one entry each, and the log undoes it', async () => {
    const holders = [
      await doc('Plan A', { documentType: 'implementation-plan' }),
      await doc('Plan B', { documentType: 'implementation-plan', status: ['in-force'] }),
      await doc('Plan C', { documentType: 'implementation-plan' }),
    ];
    const other = await doc('Strategy', {});
    const usage = (await call('GET', '/thesauri/documentTypes/usage')).json().entities;
    expect(usage['implementation-plan']).toBe(3);

    // Removing a value entities hold is refused: merge it instead.
    const thesaurus = (await t.store.thesauri.findByName('documentTypes'))!;
    const { id: _i, createdAt: _c, updatedAt: _u, ...input } = thesaurus;
    const removal = await call('PUT', '/thesauri/documentTypes', {
      ...input,
      values: input.values.filter((v) => v.id !== 'implementation-plan'),
    });
    expect(removal.statusCode).toBe(409);
    expect(removal.json().detail).toContain('(3 entities)');

    const res = await call('POST', '/thesauri/documentTypes/merge', {
      from: 'implementation-plan',
      into: 'national-strategy',
    });
    expect(res.statusCode).toBe(200);
    const merged = res.json();
    expect(merged).toMatchObject({ changed: 3, failed: [], removed: { id: 'implementation-plan' } });
    expect(merged.activityIds).toHaveLength(3);
    expect(merged.thesaurus.values.map((v: { id: string }) => v.id)).not.toContain('implementation-plan');
    for (const e of await t.store.entities.findMany(holders)) {
      expect(e.metadata.documentType).toBe('national-strategy');
      expect(e.version).toBe(2);
      const [entry] = await t.store.activity.list({ limit: 1, targetId: e.id });
      expect(entry!.changes).toEqual([
        { field: 'metadata.documentType', before: 'implementation-plan', after: 'national-strategy' },
      ]);
    }
    expect((await t.store.entities.findById(other))!.version).toBe(1);

    // Undo: the value back where it was, then the entries reverted.
    const values = [...merged.thesaurus.values];
    values.splice(merged.removedAt, 0, merged.removed);
    expect((await call('PUT', '/thesauri/documentTypes', { ...input, values })).statusCode).toBe(200);
    const undo = await call('POST', '/activity/revert', { activityIds: merged.activityIds });
    expect(undo.json()).toMatchObject({ reverted: 3, failed: [] });
    for (const e of await t.store.entities.findMany(holders))
      expect(e.metadata.documentType).toBe('implementation-plan');
  });

  it('merges inside a multiselect without holding a value twice', async () => {
    const id = await doc('Both pillars', {
      oewgPillars: ['existing-and-potential-threats', 'international-law'],
    });
    const values = (await t.store.thesauri.findByName('oewgPillars'))!.values.map((v) => v.id);
    expect(values).toEqual(expect.arrayContaining(['existing-and-potential-threats', 'international-law']));
    const res = await call('POST', '/thesauri/oewgPillars/merge', {
      from: 'existing-and-potential-threats',
      into: 'international-law',
    });
    expect(res.json().changed).toBeGreaterThanOrEqual(1);
    expect((await t.store.entities.findById(id))!.metadata.oewgPillars).toEqual(['international-law']);
  });

  it('refuses a merge of unknown values, of a value into itself, and from editors', async () => {
    const unknown = await call('POST', '/thesauri/documentTypes/merge', {
      from: 'nope',
      into: 'national-strategy',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ path: 'from', message: 'no value "nope" in documentTypes' }]);
    const same = await call('POST', '/thesauri/documentTypes/merge', { from: 'a', into: 'a' });
    expect(same.statusCode).toBe(400);
    const forbidden = await call('POST', '/thesauri/documentTypes/merge', { from: 'a', into: 'b' }, editor);
    expect(forbidden.statusCode).toBe(403);
  });

  it('exports a thesaurus as CSV with a column per language and imports it back without duplicates', async () => {
    const exported = await app.inject({ method: 'GET', url: '/api/v1/thesauri/documentStatus/csv' });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    const text = exported.body.replace(/^\uFEFF/, '');
    const [header, ...rows] = text.trim().split('\r\n');
    expect(header).toBe('id,group,ar,zh,en,fr,ru,es');
    const before = (await t.store.thesauri.findByName('documentStatus'))!;
    expect(rows).toHaveLength(before.values.length);

    // The same file again changes nothing.
    const same = (
      await call('POST', '/thesauri/documentStatus/csv', { csv: exported.body, dryRun: false })
    ).json();
    expect(same).toMatchObject({ added: [], updated: [], applied: false, errors: [] });
    expect(same.unchanged).toBe(before.values.length);

    // A new value, a French label for an existing one matched by its English label, and a duplicate row.
    const csv = 'en,fr\r\nDraft,Projet\r\nin force,En application\r\nDRAFT,Brouillon\r\n';
    const dry = (await call('POST', '/thesauri/documentStatus/csv', { csv })).json();
    expect(dry.errors).toEqual([
      {
        row: 4,
        message: 'names the same value ("draft") as row 2',
        code: 'thesaurusCsv.sameValue',
        params: { id: 'draft', first: 2 },
      },
    ]);
    expect(dry.applied).toBe(false);
    const fixed = 'en,fr\r\nDraft,Projet\r\nin force,En application\r\n';
    const plan = (await call('POST', '/thesauri/documentStatus/csv', { csv: fixed })).json();
    expect(plan).toMatchObject({
      added: [{ id: 'draft', label: 'Draft', labels: { fr: 'Projet' } }],
      updated: [{ id: 'in-force', label: 'In force', languages: ['fr'] }],
      errors: [],
      applied: false,
    });
    expect((await t.store.thesauri.findByName('documentStatus'))!.values).toHaveLength(before.values.length);
    const applied = (
      await call('POST', '/thesauri/documentStatus/csv', { csv: fixed, dryRun: false })
    ).json();
    expect(applied.applied).toBe(true);
    const after = (await t.store.thesauri.findByName('documentStatus'))!;
    expect(after.values).toHaveLength(before.values.length + 1);
    expect(after.values.find((v) => v.id === 'in-force')!.labels?.fr).toBe('En application');
    // Imported twice: still one "Draft".
    await call('POST', '/thesauri/documentStatus/csv', { csv: fixed, dryRun: false });
    expect((await t.store.thesauri.findByName('documentStatus'))!.values).toHaveLength(
      before.values.length + 1,
    );
    const [entry] = await t.store.activity.list({ limit: 1, targetId: after.id });
    expect(entry!.summary).toContain('Updated thesaurus documentStatus');
  });

  it('says what is wrong with a CSV without a language column', async () => {
    const res = (await call('POST', '/thesauri/documentStatus/csv', { csv: 'id,name\r\na,b\r\n' })).json();
    expect(res.errors[0].message).toContain('no language column');
  });

  it('reindexes the entities that show a relabelled value, in the background', async () => {
    await doc('Relabel me', { status: ['superseded'] });
    const current = (await t.store.thesauri.findByName('documentStatus'))!;
    const { id: _i, createdAt: _c, updatedAt: _u, ...input } = current;
    const res = await call('PUT', '/thesauri/documentStatus', {
      ...input,
      values: input.values.map((v) => (v.id === 'superseded' ? { ...v, label: 'Replaced' } : v)),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().jobIds).toHaveLength(1);
    expect(await waitForJob(res.json().jobIds[0])).toMatchObject({ status: 'done', template: 'Document' });
  });
});
