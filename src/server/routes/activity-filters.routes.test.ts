import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEntity, buildTemplate, type Login, loginAs } from '../../../test/factories.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import type { Activity } from '../../domain/schemas/user.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { updateEntity } from '../../operations/update-entity.ts';
import { newId } from '../../store/ids.ts';
import { buildApp } from '../app.ts';

let t: TempStore;
let app: FastifyInstance;
let admin: Login;
let noteId: string;

const alice = { id: newId(), username: 'alice', role: 'editor' as const };
const bob = { id: newId(), username: 'bob', role: 'editor' as const };

beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store });
  admin = await loginAs(app, 'admin');
  await saveTemplate({ store: t.store, actor: OPERATOR, input: buildTemplate() });
  await saveTemplate({
    store: t.store,
    actor: OPERATOR,
    input: buildTemplate({ name: 'Note', label: 'Note' }),
  });
  // 30 updates by alice and 20 by bob on Documents, 5 by bob on a Note.
  const doc = await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity({ title: 'Doc' }) });
  for (let i = 0; i < 50; i++)
    await updateEntity({
      store: t.store,
      actor: i < 30 ? alice : bob,
      id: doc.id,
      patch: { title: `Doc rev ${i}` },
    });
  const note = await createEntity({
    store: t.store,
    actor: OPERATOR,
    input: buildEntity({ template: 'Note', title: 'A note' }),
  });
  noteId = note.id;
  for (let i = 0; i < 5; i++)
    await updateEntity({ store: t.store, actor: bob, id: note.id, patch: { title: `Note rev ${i}` } });
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

const page = async (query: string) => {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/activity?${query}`,
    headers: { cookie: admin.cookie },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Activity[]; nextCursor: string | null };
};

describe('GET /activity filters on the server', () => {
  it('filters by person, action and template together', async () => {
    const r = await page('person=bob&action=update&template=Note&limit=100');
    expect(r.items).toHaveLength(5);
    expect(r.items.every((a) => a.username === 'bob' && a.targetId === noteId)).toBe(true);
    expect((await page('person=alice&limit=100')).items).toHaveLength(30);
    expect((await page('template=Document&person=bob&limit=100')).items).toHaveLength(20);
  });

  it('pages by cursor through every match, newest first, without repeats', async () => {
    const seen: number[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const r = await page(`person=alice&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...r.items.map((a) => a.id));
      cursor = r.nextCursor;
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it('filters by day range (inclusive, UTC), record and summary words', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect((await page(`from=${today}&to=${today}&person=bob&limit=100`)).items).toHaveLength(25);
    expect((await page('to=2000-01-01')).items).toEqual([]);
    expect((await page(`targetId=${noteId}&action=update&limit=100`)).items).toHaveLength(5);
    const words = await page('q=NOTE%20REV%203');
    expect(words.items.map((a) => a.summary)).toEqual([expect.stringContaining('Note rev 3')]);
    // LIKE's wildcards are searched for as themselves.
    expect((await page('q=%25')).items).toEqual([]);
  });

  it('refuses a malformed cursor or day with a 400 naming the field', async () => {
    const bad = await app.inject({
      method: 'GET',
      url: '/api/v1/activity?cursor=abc',
      headers: { cookie: admin.cookie },
    });
    expect(bad.statusCode).toBe(400);
    const day = await app.inject({
      method: 'GET',
      url: '/api/v1/activity?from=2026-13-01',
      headers: { cookie: admin.cookie },
    });
    expect(day.statusCode).toBe(400);
  });
});
