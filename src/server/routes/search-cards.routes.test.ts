import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Login, loginAs } from '../../../test/factories.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { TEMPLATES, THESAURI } from '../../demo/data/index.ts';
import { SearchResponse } from '../../domain/schemas/search.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { saveThesaurus } from '../../operations/save-thesaurus.ts';
import { updateEntity } from '../../operations/update-entity.ts';
import { createSearchPool, type SearchPool } from '../../store/sqlite/search/worker-pool.ts';
import { buildApp } from '../app.ts';
import { searchRoutes } from './search.routes.ts';

let t: TempStore;
let app: FastifyInstance;
let pool: SearchPool;
let editor: Login;
const ids: Record<string, string> = {};

const create = async (key: string, template: string, title: string, metadata: object, published = true) => {
  const e = await createEntity({
    store: t.store,
    actor: OPERATOR,
    input: { template, title, published, metadata: metadata as Record<string, unknown> },
  });
  ids[key] = e.id;
  return e.id;
};

beforeAll(async () => {
  t = await createTempStore();
  pool = createSearchPool({ sqlite: t.store.sqlite.sqlite, workers: 0 });
  app = await buildApp({ config: t.config, store: t.store, plugins: [searchRoutes({ search: pool })] });
  for (const input of THESAURI) await saveThesaurus({ store: t.store, actor: OPERATOR, input });
  for (const input of TEMPLATES)
    await saveTemplate({ store: t.store, actor: OPERATOR, input: input as never });
  await create('kenya', 'State', 'Kenya', {
    region: 'africa',
    responsibleAgency:
      'The **National Computer and Cybercrimes Coordination Committee** oversees the response to incidents.',
  });
  await create('estonia', 'State', 'Estonia', { region: 'europe' });
  await create('hidden', 'State', 'Secretland', { region: 'europe' }, false);
  const strategy = { documentType: 'national-strategy', summary: '- Sets out the national priorities.' };
  await create('kenyaStrategy', 'Document', 'National Cybersecurity Strategy', {
    ...strategy,
    status: 'in-force',
    date: '2022-03',
    states: [ids.kenya],
  });
  await create('estoniaStrategy', 'Document', 'National Cybersecurity Strategy', {
    ...strategy,
    status: 'superseded',
    date: '2019',
    states: [ids.estonia, ids.hidden],
  });
  await create(
    'annex',
    'Document',
    'Secret cybersecurity annex',
    { documentType: 'national-strategy' },
    false,
  );
  await updateEntity({
    store: t.store,
    actor: OPERATOR,
    id: ids.estonia!,
    patch: { metadata: { region: 'europe', strategyDocuments: [ids.estoniaStrategy, ids.annex] } },
  });
  editor = await loginAs(app, 'editor');
});
afterAll(async () => {
  await app.close();
  await pool.close();
  await t.cleanup();
});

const search = async (q: string, headers: Record<string, string> = {}) => {
  const res = await app.inject({ url: `/api/v1/search?q=${encodeURIComponent(q)}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return SearchResponse.parse(res.json());
};
const facts = (item: SearchResponse['items'][number]) =>
  Object.fromEntries(item.facts.map((f) => [f.property, f.values.join(', ')]));

describe('search result cards', () => {
  it('tell two documents of the same title apart by state, type, date and status', async () => {
    const body = await search('national cybersecurity strategy');
    const kenya = body.items.find((i) => i.entity.id === ids.kenyaStrategy)!;
    const estonia = body.items.find((i) => i.entity.id === ids.estoniaStrategy)!;
    expect(kenya.templateLabel).toBe('Document');
    expect(facts(kenya)).toEqual({
      states: 'Kenya',
      documentType: 'National strategy',
      status: 'In force',
      date: '2022-03',
    });
    expect(facts(estonia)).toMatchObject({ states: 'Estonia', status: 'Superseded', date: '2019' });
  });

  it('never show an anonymous reader the title of an unpublished entity; a signed-in editor sees it', async () => {
    const anonymous = await search('national cybersecurity strategy');
    expect(JSON.stringify(anonymous)).not.toContain('Secretland');
    const signedIn = await search('national cybersecurity strategy', { cookie: editor.cookie });
    const estonia = signedIn.items.find((i) => i.entity.id === ids.estoniaStrategy)!;
    expect(facts(estonia).states).toBe('Estonia, Secretland');
  });

  it("show the profile's section the words matched, marked (stemmed forms too)", async () => {
    const body = await search('incident');
    const kenya = body.items.find((i) => i.entity.id === ids.kenya)!;
    expect(kenya.fields[0]).toMatchObject({
      property: 'responsibleAgency',
      label: 'National Centre or Responsible Agency',
      section: 'Structure',
    });
    expect(kenya.fields[0]!.html).toContain('<mark>incidents</mark>');
    expect(kenya.fields[0]!.html).not.toContain('**');
    expect(facts(kenya)).toMatchObject({ region: 'Africa' });
  });

  it('quote the section listing the matching documents, without titles an anonymous reader may not see', async () => {
    const anonymous = await search('cybersecurity');
    const estonia = anonymous.items.find((i) => i.entity.id === ids.estonia)!;
    expect(estonia.fields[0]).toMatchObject({
      property: 'strategyDocuments',
      section: 'Cybersecurity Policy',
    });
    expect(estonia.fields[0]!.html).toBe('National <mark>Cybersecurity</mark> Strategy');
    const signedIn = await search('cybersecurity', { cookie: editor.cookie });
    const seen = signedIn.items.find((i) => i.entity.id === ids.estonia)!;
    expect(seen.fields[0]!.html).toContain('Secret <mark>cybersecurity</mark> annex');
  });

  it('give every hit a passage, even when only the title matched', async () => {
    const body = await search('strategy');
    expect(body.items.map((i) => i.entity.title).sort()).toEqual([
      'Estonia',
      'National Cybersecurity Strategy',
      'National Cybersecurity Strategy',
    ]);
    for (const item of body.items) expect(item.fields.length + item.snippets.length).toBeGreaterThan(0);
    const kenyaStrategy = body.items.find((i) => i.entity.id === ids.kenyaStrategy)!;
    expect(kenyaStrategy.fields[0]).toMatchObject({ property: 'summary' });
    expect(kenyaStrategy.fields[0]!.html).toBe('Sets out the national priorities.');
  });

  it('answers prefix queries with marked fields too', async () => {
    const body = await search('coordinat*');
    const kenya = body.items.find((i) => i.entity.id === ids.kenya)!;
    expect(kenya.fields[0]!.html).toContain('<mark>Coordination</mark>');
  });
});
