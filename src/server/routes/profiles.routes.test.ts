import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type Login, loginAs } from '../../../test/factories.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { TEMPLATES, THESAURI } from '../../demo/data/index.ts';
import { PROFILE_FIRST_ITEMS, type SectionPage } from '../../domain/schemas/profile-view.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { saveThesaurus } from '../../operations/save-thesaurus.ts';
import { setPublished } from '../../operations/update-entity.ts';
import { buildApp } from '../app.ts';

// A state whose strategy section lists more documents than the profile's first page, every fifth one
// unpublished, and an organisation that names it as a member (the inverse side of its membership).
const DOCS = 47;
let t: TempStore;
let app: FastifyInstance;
let collaborator: Login;
let kenya: string;
let hidden: string;
let org: string;
const published = new Set<string>();
const all = new Set<string>();

const add = async (template: string, title: string, isPublished: boolean, metadata: object = {}) =>
  (
    await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: { template, title, published: isPublished, metadata: metadata as Record<string, unknown> },
    })
  ).id;

beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store });
  for (const input of THESAURI) await saveThesaurus({ store: t.store, actor: OPERATOR, input });
  for (const input of TEMPLATES)
    await saveTemplate({ store: t.store, actor: OPERATOR, input: input as never });
  for (let i = 0; i < DOCS; i++) {
    const isPublished = i % 5 !== 0;
    const year = 2000 + (i % 20);
    const id = await add('Document', `Strategy ${String(i).padStart(2, '0')}`, isPublished, {
      date: `${year}-01`,
      documentType: 'national-strategy',
    });
    all.add(id);
    if (isPublished) published.add(id);
  }
  kenya = await add('State', 'Kenya', true, { region: 'africa', strategyDocuments: [...all] });
  hidden = await add('State', 'Atlantis', false, { strategyDocuments: [...all].slice(0, 3) });
  org = await add('Organisation', 'African Union', true, { memberStates: [kenya] });
  collaborator = await loginAs(app, 'collaborator');
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

const get = (url: string, who?: Login) =>
  app.inject({ url: `/api/v1${url}`, headers: who ? authHeaders(who) : {} });

/** Every page of a section, `limit` at a time, as one reader. */
async function pageThrough(id: string, property: string, limit: number, who?: Login) {
  const ids: string[] = [];
  const totals = new Set<number>();
  for (let offset = 0; ; offset += limit) {
    const res = await get(`/entities/${id}/sections/${property}?offset=${offset}&limit=${limit}`, who);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<SectionPage>();
    totals.add(page.total);
    ids.push(...page.items.map((i) => i.id));
    if (page.items.length < limit) break;
  }
  return { ids, totals: [...totals] };
}

describe('a profile view', () => {
  it("sends each section's first items and its exact count, not every entity", async () => {
    const res = await get(`/entities/${kenya}/profile`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    const section = view.sections.strategyDocuments as SectionPage;
    expect(section.total).toBe(published.size);
    expect(section.items).toHaveLength(PROFILE_FIRST_ITEMS);
    expect(section.items.every((i) => published.has(i.id))).toBe(true);
    // Newest first: the first page holds the latest dates.
    const dates = section.items.map((i) => String(i.metadata.date));
    expect(dates).toEqual([...dates].sort().reverse());
    // The section's ids no longer travel in the entity's metadata; the other fields still do.
    expect(view.entity.metadata.strategyDocuments).toBeUndefined();
    expect(view.entity.metadata.region).toBe('africa');
    expect(view.sections.membership).toMatchObject({
      total: 1,
      items: [{ id: org, title: 'African Union' }],
    });
    expect(view.sections.implementationFrameworks).toMatchObject({ total: 0, items: [] });
  });

  it('counts what each role may see', async () => {
    const signedIn = (await get(`/entities/${kenya}/profile`, collaborator)).json();
    expect(signedIn.sections.strategyDocuments.total).toBe(DOCS);
    expect(signedIn.sections.strategyDocuments.items).toHaveLength(PROFILE_FIRST_ITEMS);
    expect((await get(`/entities/${hidden}/profile`)).statusCode).toBe(404);
    const own = (await get(`/entities/${hidden}/profile`, collaborator)).json();
    expect(own.sections.strategyDocuments.total).toBe(3);
  });

  it('lists the organisation side of a membership too', async () => {
    const view = (await get(`/entities/${org}/profile`)).json();
    expect(view.sections.memberStates).toMatchObject({ total: 1, items: [{ id: kenya }] });
  });
});

describe('a section, a page at a time', () => {
  it('pages through every visible entity exactly once, for readers and signed-in users', async () => {
    const reader = await pageThrough(kenya, 'strategyDocuments', 7);
    expect(reader.totals).toEqual([published.size]);
    expect(reader.ids).toHaveLength(published.size);
    expect(new Set(reader.ids)).toEqual(published);
    const member = await pageThrough(kenya, 'strategyDocuments', 10, collaborator);
    expect(member.totals).toEqual([DOCS]);
    expect(member.ids).toHaveLength(DOCS);
    expect(new Set(member.ids)).toEqual(all);
  });

  it('continues where the profile view stopped', async () => {
    const first = (await get(`/entities/${kenya}/profile`)).json().sections.strategyDocuments as SectionPage;
    const rest = (
      await get(`/entities/${kenya}/sections/strategyDocuments?offset=${PROFILE_FIRST_ITEMS}&limit=200`)
    ).json<SectionPage>();
    const ids = [...first.items, ...rest.items].map((i) => i.id);
    expect(ids).toHaveLength(published.size);
    expect(new Set(ids)).toEqual(published);
  });

  it('refuses what is not a relationship section, and pages that are too long', async () => {
    expect((await get(`/entities/${kenya}/sections/region`)).statusCode).toBe(404);
    expect((await get(`/entities/${kenya}/sections/nope`)).statusCode).toBe(404);
    expect((await get(`/entities/${kenya}/sections/strategyDocuments?limit=5000`)).statusCode).toBe(400);
    expect((await get(`/entities/${hidden}/sections/strategyDocuments`)).statusCode).toBe(404);
  });
});

describe('answers kept until the next write', () => {
  it('answers again from memory, with a 304 to a revalidation, and never after a write changed them', async () => {
    const first = await get(`/entities/${kenya}/profile`);
    const etag = String(first.headers.etag);
    const again = await app.inject({
      url: `/api/v1/entities/${kenya}/profile`,
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    const doc = [...published][0]!;
    await setPublished({ store: t.store, actor: OPERATOR, id: doc, published: false });
    try {
      const after = await app.inject({
        url: `/api/v1/entities/${kenya}/profile`,
        headers: { 'if-none-match': etag },
      });
      expect(after.statusCode).toBe(200);
      expect(after.json().sections.strategyDocuments.total).toBe(published.size - 1);
      const page = await get(`/entities/${kenya}/sections/strategyDocuments?limit=200`);
      expect(page.json().items.map((i: { id: string }) => i.id)).not.toContain(doc);
    } finally {
      await setPublished({ store: t.store, actor: OPERATOR, id: doc, published: true });
    }
    expect((await get(`/entities/${kenya}/profile`)).json().sections.strategyDocuments.total).toBe(
      published.size,
    );
  });
});

describe('entities by ids (the other ends of a page of connections)', () => {
  it('answers only the ids asked for that the reader may see, and refuses more than 100', async () => {
    const ids = [...all].slice(0, 10);
    const res = await get(`/entities?ids=${ids.join(',')}&limit=100`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<{ items: { id: string }[]; total: number }>();
    const visible = ids.filter((id) => published.has(id));
    expect(new Set(page.items.map((i) => i.id))).toEqual(new Set(visible));
    expect(page.total).toBe(visible.length);
    const signedIn = (await get(`/entities?ids=${ids.join(',')}`, collaborator)).json();
    expect(signedIn.total).toBe(10);
    const tooMany = Array.from({ length: 101 }, (_, i) => `x${i}`).join(',');
    expect((await get(`/entities?ids=${tooMany}`)).statusCode).toBe(400);
  });
});
