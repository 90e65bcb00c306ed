import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type Login, loginAs } from '../../../test/factories.ts';
import {
  documentsWithText,
  quoteIn,
  RESPONSE,
  replaceText,
  seedReferenceTypes,
  type TextDocument,
} from '../../../test/reference-fixtures.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import type { ReattachProposal } from '../../domain/schemas/reattach.ts';
import { buildApp } from '../app.ts';
import { referencesRoutes } from './references.routes.ts';

// The golden fixture of re-anchoring: near-identical numbered paragraphs, 4 and 5 removed in v2. A quote of
// paragraph 4 is orphaned (it matches its neighbours equally well); the editor re-attaches it by hand.
const DIR = join(import.meta.dirname, '../../../test/fixtures/reanchor');
const V1 = readFileSync(join(DIR, 'numbered-paragraphs.v1.txt'), 'utf8');
const V2 = readFileSync(join(DIR, 'numbered-paragraphs.v2.txt'), 'utf8');
const QUOTE = 'designate a national point of contact for incidents';

let t: TempStore;
let app: FastifyInstance;
let editor: Login;
let collaborator: Login;
let numbered: TextDocument;
let response: TextDocument;
let v2: string;
let orphan: string;

beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store, plugins: [referencesRoutes] });
  await seedReferenceTypes(t.store);
  [numbered, response] = await documentsWithText(t.store, t.config, [
    { title: 'Numbered', text: V1, published: true },
    { title: 'Response', text: RESPONSE, published: true },
  ]);
  editor = await loginAs(app, 'editor');
  collaborator = await loginAs(app, 'collaborator');
  const start = V1.indexOf(QUOTE, V1.indexOf('\n4. '));
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/references',
    headers: authHeaders(editor),
    payload: {
      relationType: 'responds-to',
      source: quoteIn(response.file.id, response.fullText, 'Assistance requests'),
      targetEntityId: numbered.entity.id,
      target: {
        fileId: numbered.file.id,
        start,
        end: start + QUOTE.length,
        exact: QUOTE,
        prefix: '',
        suffix: '',
        rects: [],
      },
    },
  });
  orphan = created.json().id;
  v2 = await replaceText(t.store, t.config, numbered.file, V2);
}, 240_000);
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

const orphanedIds = async () =>
  (
    await app.inject({
      method: 'GET',
      url: '/api/v1/references/orphaned',
      headers: { cookie: editor.cookie },
    })
  )
    .json()
    .items.map((r: { id: string }) => r.id);

describe('re-attaching an orphaned connection', () => {
  it('proposes five paragraphs of the new version holding the lost quote, without attaching anything', async () => {
    expect(await orphanedIds()).toContain(orphan);
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/references/${orphan}/reattach`,
      headers: { cookie: editor.cookie },
    });
    expect(res.statusCode).toBe(200);
    const p = res.json() as ReattachProposal;
    expect(p).toMatchObject({ side: 'target', fileId: numbered.file.id, fileStatus: 'ready' });
    expect(p.lost.exact).toBe(QUOTE);
    expect(p.candidates).toHaveLength(5);
    for (const c of p.candidates) {
      expect(v2.slice(c.start, c.end)).toBe(c.text);
      expect(c.text).toContain(QUOTE);
    }
    const scores = p.candidates.map((c) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(await orphanedIds()).toContain(orphan);
  });

  it('re-anchors the lost end on the chosen range, leaves the orphan list and logs old and new quotes', async () => {
    const paragraph6 = v2.indexOf('\n6. ') + 1;
    const start = v2.indexOf(QUOTE, paragraph6);
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/references/${orphan}/reattach`,
      headers: authHeaders(editor),
      payload: { side: 'target', start, end: start + QUOTE.length },
    });
    expect(res.statusCode).toBe(200);
    const ref = res.json();
    expect(ref.orphaned).toBe(false);
    expect(ref.target).toMatchObject({ start, end: start + QUOTE.length, exact: QUOTE });
    expect(ref.target.prefix).toBe(v2.slice(start - 32, start));
    expect(await orphanedIds()).not.toContain(orphan);
    const [entry] = await t.store.activity.list({ limit: 1, targetId: orphan });
    expect(entry).toMatchObject({ action: 'reattach', targetType: 'reference' });
    expect(entry!.changes![0]).toMatchObject({ field: 'target', after: { start, exact: QUOTE } });
    // Now attached: proposing or re-attaching again is a 409.
    const again = await app.inject({
      method: 'GET',
      url: `/api/v1/references/${orphan}/reattach`,
      headers: { cookie: editor.cookie },
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a range outside the text or an empty one, and collaborators, changing nothing', async () => {
    const ref = await t.store.references.get(orphan);
    await t.store.references.updateAnchors(orphan, ref!.source, ref!.target, true);
    const post = (payload: Record<string, unknown>, who = editor) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/references/${orphan}/reattach`,
        headers: authHeaders(who),
        payload,
      });
    expect((await post({ side: 'target', start: v2.length, end: v2.length + 5 })).statusCode).toBe(400);
    expect((await post({ side: 'target', start: 5, end: 5 })).statusCode).toBe(400);
    const blank = v2.indexOf('\n\n');
    expect((await post({ side: 'target', start: blank, end: blank + 2 })).statusCode).toBe(400);
    expect((await post({ side: 'target', start: 0, end: 5 }, collaborator)).statusCode).toBe(403);
    expect(await t.store.references.get(orphan)).toEqual(ref && { ...ref, orphaned: true });
  });
});
