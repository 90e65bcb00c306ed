import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type Login, loginAs } from '../../test/factories.ts';
import { quoteIn } from '../../test/reference-fixtures.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { drainIngestQueue } from '../cli/context.ts';
import type { Entity } from '../domain/schemas/entity.ts';
import { createEntity } from '../operations/create-entity.ts';
import { createReference } from '../operations/create-reference.ts';
import { OPERATOR } from '../operations/permissions.ts';
import { saveRelationType } from '../operations/save-relation-type.ts';
import { saveTemplate } from '../operations/save-template.ts';
import { updateEntity } from '../operations/update-entity.ts';
import { uploadFile } from '../operations/upload-file.ts';
import { createSearchPool, type SearchPool } from '../store/sqlite/search/worker-pool.ts';
import { buildApp } from './app.ts';
import { referencesRoutes } from './routes/references.routes.ts';
import { searchRoutes } from './routes/search.routes.ts';
import { suggestionsRoutes } from './routes/suggestions.routes.ts';

/**
 * Issue 15 item 8: an unpublished entity linked from a published one must not reach anonymous readers by any
 * read path (its title, its id, its facet bucket, or words of its title matching the published entity), while
 * signed-in users see it. The real app: every route plugin of `startPortal` and a search pool with a worker
 * thread reading the database file, so the index is checked as readers get it.
 */

const HIDDEN_WORD = 'Quuxlandia';
const HIDDEN_TITLE = `Republic of ${HIDDEN_WORD}`;
const SHOWN_TITLE = 'Kingdom of Sylvania';

const DOC_TEXT = [
  'National cyber strategy of the allied states.',
  'The government will protect critical infrastructure and cooperate on incident response.',
  'A national computer emergency response team coordinates the response to incidents.',
].join('\n\n');
const OTHER_TEXT = [
  'Comments on the strategy.',
  'We welcome that the government will protect critical infrastructure and cooperate on incident response.',
].join('\n\n');

let t: TempStore;
let app: FastifyInstance;
let pool: SearchPool;
let collaborator: Login;
let editor: Login;
let hidden: Entity;
let shown: Entity;
let doc: Entity;
let other: Entity;
let docFile: string;
let docParagraph: string;

const rel = (name: string, label: string, targetTemplate: string, filterable = false) => ({
  name,
  label,
  type: 'relationship' as const,
  targetTemplate,
  filterable,
  showInCard: true,
  required: false,
});

async function create(template: string, title: string, published: boolean, metadata = {}) {
  return createEntity({
    store: t.store,
    actor: OPERATOR,
    input: { template, title, language: 'en', published, metadata },
  });
}

async function withText(entity: Entity, text: string) {
  const file = await uploadFile({
    store: t.store,
    actor: OPERATOR,
    entityId: entity.id,
    filename: 'text.txt',
    mimeType: 'text/plain',
    content: Buffer.from(text),
  });
  return file.id;
}

beforeAll(async () => {
  t = await createTempStore();
  pool = createSearchPool({ dbPath: t.store.sqlite.path, sqlite: t.store.sqlite.sqlite, workers: 1 });
  app = await buildApp({
    config: t.config,
    store: t.store,
    plugins: [searchRoutes({ search: pool }), referencesRoutes, suggestionsRoutes({ search: pool })],
  });
  const store = t.store;
  await saveTemplate({
    store,
    actor: OPERATOR,
    input: { name: 'State', label: 'State', properties: [rel('documents', 'Documents', 'Document')] },
  });
  await saveTemplate({
    store,
    actor: OPERATOR,
    input: {
      name: 'Document',
      label: 'Document',
      properties: [
        rel('states', 'States', 'State', true),
        rel('cites', 'Cites', 'Document'),
        { name: 'note', label: 'Note', type: 'text', showInCard: true, required: false, filterable: false },
      ],
    },
  });
  await saveRelationType({
    store,
    actor: OPERATOR,
    input: { name: 'concerns', label: 'concerns', inverseLabel: 'concerned by' },
  });
  hidden = await create('State', HIDDEN_TITLE, false);
  shown = await create('State', SHOWN_TITLE, true);
  doc = await create('Document', 'Allied cyber strategy', true, {
    states: [hidden.id, shown.id],
    note: 'Adopted in council.',
  });
  other = await create('Document', 'Comments on the allied strategy', true, { cites: [doc.id] });
  // Both states list the document, so it is related to each of them and each is inbound to it.
  shown = await updateEntity({
    store,
    actor: OPERATOR,
    id: shown.id,
    patch: { metadata: { documents: [doc.id] } },
  });
  hidden = await updateEntity({
    store,
    actor: OPERATOR,
    id: hidden.id,
    patch: { metadata: { documents: [doc.id] } },
  });
  docFile = await withText(doc, DOC_TEXT);
  const otherFile = await withText(other, OTHER_TEXT);
  await drainIngestQueue(store, t.config);
  const docText = (await store.files.fullText(docFile))!;
  const otherText = (await store.files.fullText(otherFile))!;
  docParagraph = (await store.pages.listParagraphs(docFile))[1]!.id;
  // A text-to-entity connection from the published document to the unpublished state, and one between the
  // two published documents.
  await createReference({
    store,
    actor: OPERATOR,
    input: {
      relationType: 'concerns',
      source: quoteIn(docFile, docText, 'protect critical infrastructure'),
      targetEntityId: hidden.id,
    },
  });
  await createReference({
    store,
    actor: OPERATOR,
    input: {
      relationType: 'concerns',
      source: quoteIn(otherFile, otherText, 'protect critical infrastructure'),
      targetEntityId: doc.id,
      target: quoteIn(docFile, docText, 'protect critical infrastructure'),
    },
  });
  collaborator = await loginAs(app, 'collaborator');
  editor = await loginAs(app, 'editor');
});
afterAll(async () => {
  await app.close();
  await pool.close();
  await t.cleanup();
});

const get = (url: string, login?: Login) =>
  app.inject({ method: 'GET', url, headers: login ? { cookie: login.cookie } : {} });

/** Every read path an anonymous reader has that could mention the unpublished state, with the status expected. */
const readPaths = (): [string, number][] => [
  ['/api/v1/entities', 200],
  ['/api/v1/entities?template=Document', 200],
  ['/api/v1/entities?template=State&sort=title', 200],
  [`/api/v1/entities/${doc.id}`, 200],
  [`/api/v1/entities/${doc.id}/view`, 200],
  [`/api/v1/entities/${shown.id}`, 200],
  [`/api/v1/entities/${shown.id}/view`, 200],
  [`/api/v1/entities/${other.id}/view`, 200],
  [`/api/v1/files/${docFile}`, 200],
  [`/api/v1/files/${docFile}/pages`, 200],
  [`/api/v1/files/${docFile}/paragraphs`, 200],
  [`/api/v1/files/${docFile}/download`, 200],
  [`/api/v1/files/${docFile}/search?q=${HIDDEN_WORD}`, 200],
  [`/api/v1/files/${docFile}/search?q=infrastructure`, 200],
  [`/api/v1/references?entityId=${doc.id}`, 200],
  [`/api/v1/references?fileId=${docFile}`, 200],
  [`/api/v1/references?fileId=${docFile}&page=1`, 200],
  [`/api/v1/references?paragraphId=${docParagraph}`, 200],
  ['/api/v1/search', 200],
  ['/api/v1/search?template=Document', 200],
  ['/api/v1/search?q=strategy', 200],
  [`/api/v1/search?q=${HIDDEN_WORD}`, 200],
  [`/api/v1/search?q=${HIDDEN_WORD.slice(0, 5).toLowerCase()}*`, 200],
  [`/api/v1/search?q=${encodeURIComponent(`"${HIDDEN_TITLE}"`)}`, 200],
  ['/api/v1/search?q=infrastructure&sort=title', 200],
  ['/api/v1/search/export?format=json', 200],
  ['/api/v1/search/export?format=csv', 200],
  [`/api/v1/search/export?format=json&q=${HIDDEN_WORD}`, 200],
  [`/api/v1/autocomplete?q=${HIDDEN_WORD.slice(0, 4)}`, 200],
  [`/api/v1/autocomplete?q=Republic`, 200],
  [`/api/v1/suggestions?paragraphId=${docParagraph}`, 200],
  [`/api/v1/suggestions?paragraphId=${docParagraph}&targetEntityId=${other.id}`, 200],
  [`/documents/${doc.id}/text?page=1`, 200],
];

/** What an anonymous reader asking for the unpublished state itself gets: nothing, as if it did not exist. */
const hiddenPaths = (): string[] => [
  `/api/v1/entities/${hidden.id}`,
  `/api/v1/entities/${hidden.id}/view`,
  `/api/v1/references?entityId=${hidden.id}`,
  `/api/v1/suggestions?paragraphId=${docParagraph}&targetEntityId=${hidden.id}`,
];

async function expectNoLeak() {
  const leaks: string[] = [];
  for (const [url, status] of readPaths()) {
    const res = await get(url);
    expect(res.statusCode, url).toBe(status);
    for (const secret of [HIDDEN_TITLE, HIDDEN_WORD, hidden.id])
      if (res.body.includes(secret)) leaks.push(`${url} shows ${secret === hidden.id ? 'its id' : secret}`);
  }
  for (const url of hiddenPaths()) expect((await get(url)).statusCode, url).toBe(404);
  expect(leaks).toEqual([]);
}

const searchFor = async (q: string, login?: Login) =>
  (await get(`/api/v1/search?q=${encodeURIComponent(q)}`, login)).json() as {
    total: number;
    items: { entity: { id: string; metadata: Record<string, unknown> } }[];
  };
const stateBuckets = async (login?: Login) =>
  (await get('/api/v1/search', login)).json().facets.states.buckets as {
    value: string;
    label: string;
    count: number;
  }[];
const setPublished = async (published: boolean) => {
  const res = await app.inject({
    method: 'PATCH',
    url: `/api/v1/entities/${hidden.id}`,
    headers: authHeaders(editor),
    payload: { published },
  });
  expect(res.statusCode).toBe(200);
};

describe('an unpublished entity linked from a published one', () => {
  it('reaches anonymous readers by no read path', async () => {
    await expectNoLeak();
  });

  it('is kept out of a facet filter on its id: nothing matches and its bucket has no title', async () => {
    const res = await get(`/api/v1/search?f.states=${hidden.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(0);
    expect(res.body).not.toContain(HIDDEN_TITLE);
    const selected = body.facets.states.buckets.find((b: { value: string }) => b.value === hidden.id);
    expect(selected).toEqual({ value: hidden.id, label: hidden.id, count: 0 });
    const both = await get(`/api/v1/search?f.states=${hidden.id},${shown.id}&op.states=and`);
    expect(both.json().total).toBe(0);
  });

  it('keeps the published parts: the shown state, its bucket and the document found by its name', async () => {
    expect((await get(`/api/v1/entities/${doc.id}`)).json().metadata.states).toEqual([shown.id]);
    expect(await stateBuckets()).toEqual([{ value: shown.id, label: SHOWN_TITLE, count: 1 }]);
    const found = await searchFor('Sylvania');
    expect(found.items.map((i) => i.entity.id).sort()).toEqual([doc.id, shown.id].sort());
    const view = (await get(`/api/v1/entities/${shown.id}/view`)).json();
    expect(view.related[doc.id].metadata.states).toEqual([shown.id]);
    expect(view.inbound.map((i: { entity: { id: string } }) => i.entity.id)).toEqual([doc.id]);
  });

  it('is visible to a signed-in collaborator everywhere', async () => {
    const entity = (await get(`/api/v1/entities/${doc.id}`, collaborator)).json();
    expect(entity.metadata.states).toEqual([hidden.id, shown.id]);
    const view = (await get(`/api/v1/entities/${doc.id}/view`, collaborator)).json();
    expect(view.related[hidden.id].title).toBe(HIDDEN_TITLE);
    expect(view.inbound.map((i: { entity: { id: string } }) => i.entity.id).sort()).toEqual(
      [hidden.id, shown.id, other.id].sort(),
    );
    expect(await stateBuckets(collaborator)).toContainEqual({
      value: hidden.id,
      label: HIDDEN_TITLE,
      count: 1,
    });
    expect((await searchFor(HIDDEN_WORD, collaborator)).items.map((i) => i.entity.id)).toContain(hidden.id);
    const filtered = (await get(`/api/v1/search?f.states=${hidden.id}`, collaborator)).json();
    expect(filtered.items.map((i: { entity: { id: string } }) => i.entity.id)).toEqual([doc.id]);
    const exported = await get('/api/v1/search/export?format=json', collaborator);
    expect(exported.body).toContain(hidden.id);
    const refs = (await get(`/api/v1/references?entityId=${doc.id}`, collaborator)).json();
    expect(refs.total).toBe(2);
    const ac = (await get(`/api/v1/autocomplete?q=${HIDDEN_WORD.slice(0, 4)}`, collaborator)).json();
    expect(ac.items.map((i: { id: string }) => i.id)).toEqual([hidden.id]);
  });

  it('appears once published and disappears again once unpublished (the index follows both ways)', async () => {
    await setPublished(true);
    const found = await searchFor(HIDDEN_WORD);
    expect(found.items.map((i) => i.entity.id).sort()).toEqual([doc.id, hidden.id].sort());
    expect((await get(`/api/v1/entities/${doc.id}`)).json().metadata.states).toEqual([hidden.id, shown.id]);
    expect(await stateBuckets()).toContainEqual({ value: hidden.id, label: HIDDEN_TITLE, count: 1 });
    expect((await get(`/api/v1/search?f.states=${hidden.id}`)).json().total).toBe(1);
    expect((await get('/api/v1/search/export?format=csv')).body).toContain(hidden.id);
    expect((await get(`/api/v1/references?entityId=${doc.id}`)).json().total).toBe(2);

    await setPublished(false);
    expect((await searchFor(HIDDEN_WORD)).total).toBe(0);
    await expectNoLeak();
  });
});

describe('a published entity that is deleted', () => {
  it('stops matching the entities that linked to it', async () => {
    const gone = await create('State', 'Gonetopia', true);
    const linker = await create('Document', 'Note on a former state', true, { states: [gone.id] });
    expect((await searchFor('Gonetopia')).items.map((i) => i.entity.id).sort()).toEqual(
      [gone.id, linker.id].sort(),
    );
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/v1/entities/${gone.id}`,
      headers: authHeaders(editor),
    });
    expect(res.statusCode).toBe(204);
    expect((await searchFor('Gonetopia')).total).toBe(0);
    expect((await searchFor('Gonetopia', collaborator)).total).toBe(0);
    // Its id stays in the linker's stored metadata (nobody edited it), but readers no longer see it.
    expect((await get(`/api/v1/entities/${linker.id}`)).json().metadata.states).toEqual([]);
  });
});
