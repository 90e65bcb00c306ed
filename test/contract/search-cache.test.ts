import { expect, it } from 'vitest';
import { createEntity } from '../../src/operations/create-entity.ts';
import { deleteEntity } from '../../src/operations/delete-entity.ts';
import { OPERATOR } from '../../src/operations/permissions.ts';
import { saveTemplate } from '../../src/operations/save-template.ts';
import { updateEntity } from '../../src/operations/update-entity.ts';
import type { SearchParams, SearchResult } from '../../src/search/provider.ts';
import { openSearch } from '../../src/store/open-search.ts';
import type { Store } from '../../src/store/store.ts';
import { buildEntity, buildTemplate } from '../factories.ts';
import { describeEachEngine } from './engines.ts';

/*
 * The shared result cache through writes (decisions 20 and 68), on each engine's own provider: whatever it
 * keeps, an answer's total, facet counts and page are a fresh search's, and an answer no write could have
 * changed is the same object, not searched again.
 */

const anonymous = { canSeeUnpublished: false };
const editor = { canSeeUnpublished: true };
const CYBER: SearchParams = { q: 'cyber', viewer: anonymous };
const CYBER_EDITOR: SearchParams = { q: 'cyber', viewer: editor };

/** What must be exact: the total, the facets and the page (scores aside: bm25 statistics, decision 69). */
const exact = (r: SearchResult) => ({
  total: r.total,
  facets: r.facets,
  page: r.items.map((i) => [i.entity.id, i.entity.title, i.entity.published]),
});

async function portal(store: Store) {
  await saveTemplate({ store, actor: OPERATOR, input: buildTemplate() });
  const add = (title: string, summary: string, published = true) =>
    createEntity({ store, actor: OPERATOR, input: buildEntity({ title, published, metadata: { summary } }) });
  const ids = {
    strategy: (await add('National cyber strategy', 'Cyber norms for states.')).id,
    law: (await add('Cyber law', 'Crime on networks.')).id,
    zebra: (await add('Zebra report', 'Wildlife of the savanna.')).id,
    draft: (await add('Draft plan', 'A cyber draft.', false)).id,
  };
  const cached = openSearch(store, { workers: 0, timeoutMs: 10_000, cache: true });
  const fresh = openSearch(store, { workers: 0, timeoutMs: 10_000, cache: false });
  /** Reads through the cache and checks it against a fresh search; returns the cached answer. */
  const read = async (p: SearchParams) => {
    const r = await cached.search(p);
    expect(exact(r)).toEqual(exact(await fresh.search(p)));
    return r;
  };
  const close = async () => {
    await cached.close();
    await fresh.close();
  };
  return { ids, cached, read, close, add };
}

describeEachEngine('search result cache through writes', (open) => {
  it('keeps an answer through a write its words do not match, exact', async () => {
    const store = await open();
    const { ids, read, close } = await portal(store);
    try {
      const before = await read(CYBER);
      const editorBefore = await read(CYBER_EDITOR);
      expect(before.total).toBe(2);
      await updateEntity({ store, actor: OPERATOR, id: ids.zebra, patch: { title: 'Zebra memo' } });
      await updateEntity({
        store,
        actor: OPERATOR,
        id: ids.zebra,
        patch: { published: false, language: 'fr' },
      });
      const after = await read(CYBER);
      const editorAfter = await read(CYBER_EDITOR);
      expect(after).toBe(before);
      expect(editorAfter).toBe(editorBefore);
      expect((await read({ q: 'zebra', viewer: editor })).items[0]?.entity.title).toBe('Zebra memo');
    } finally {
      await close();
    }
  });

  it('searches again when a write changes what matches: a text that starts or stops matching, (un)publishing, a language, a deletion', async () => {
    const store = await open();
    const { ids, read, close } = await portal(store);
    try {
      const steps: [string, () => Promise<unknown>, SearchParams, number][] = [
        [
          'starts matching',
          () =>
            updateEntity({
              store,
              actor: OPERATOR,
              id: ids.zebra,
              patch: { metadata: { summary: 'Cyber zebras.' } },
            }),
          CYBER,
          3,
        ],
        [
          'stops matching',
          () =>
            updateEntity({
              store,
              actor: OPERATOR,
              id: ids.law,
              patch: { title: 'Law', metadata: { summary: 'Crime.' } },
            }),
          CYBER,
          2,
        ],
        [
          'published',
          () => updateEntity({ store, actor: OPERATOR, id: ids.draft, patch: { published: true } }),
          CYBER,
          3,
        ],
        [
          'unpublished',
          () => updateEntity({ store, actor: OPERATOR, id: ids.strategy, patch: { published: false } }),
          CYBER,
          2,
        ],
        [
          'language',
          () => updateEntity({ store, actor: OPERATOR, id: ids.draft, patch: { language: 'fr' } }),
          CYBER,
          2,
        ],
        ['deleted', () => deleteEntity({ store, actor: OPERATOR, id: ids.zebra }), CYBER, 1],
      ];
      for (const [what, write, params, total] of steps) {
        const before = await read(params);
        await write();
        const after = await read(params);
        expect(after, what).not.toBe(before);
        expect(after.total, what).toBe(total);
      }
      // The language step moved the language facet's counts, with the same total.
      const languages = (await read(CYBER_EDITOR)).facets;
      expect(JSON.stringify(languages)).toContain('fr');
    } finally {
      await close();
    }
  });

  it('searches again after a write to an entity on the page, even when it still matches', async () => {
    const store = await open();
    const { ids, read, close } = await portal(store);
    try {
      const before = await read(CYBER);
      await updateEntity({ store, actor: OPERATOR, id: ids.law, patch: { title: 'Cyber law, amended' } });
      const after = await read(CYBER);
      expect(after).not.toBe(before);
      expect(after.items.map((i) => i.entity.title)).toContain('Cyber law, amended');
    } finally {
      await close();
    }
  });

  it('empties on a bulk write (more entities than it follows one by one) and on a template change', async () => {
    const store = await open();
    const { read, close, add } = await portal(store);
    try {
      const before = await read(CYBER);
      for (let i = 0; i < 65; i++) await add(`Okapi ${i}`, 'Forest mammals.');
      const afterBulk = await read(CYBER);
      expect(afterBulk).not.toBe(before);
      await saveTemplate({
        store,
        actor: OPERATOR,
        name: 'Document',
        input: buildTemplate({ label: 'Policy document' }),
      });
      const afterTemplate = await read(CYBER);
      expect(afterTemplate).not.toBe(afterBulk);
      expect(afterTemplate.items[0]?.templateLabel).toBe('Policy document');
    } finally {
      await close();
    }
  }, 60_000);
});
