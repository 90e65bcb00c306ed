import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentsWithText, seedReferenceTypes, type TextDocument } from '../../test/reference-fixtures.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { SearchQuery } from '../domain/schemas/search.ts';
import { SuggestionQuery } from '../domain/schemas/suggestion.ts';
import { createSearchPool, type SearchPool } from '../store/sqlite/search/worker-pool.ts';
import { autocompleteTitles } from './autocomplete-titles.ts';
import { NotFound, ValidationFailed } from './errors.ts';
import { exportSearch } from './export-search.ts';
import type { Actor } from './permissions.ts';
import { searchEntities } from './search-entities.ts';
import { searchWithinFile } from './search-within-file.ts';
import { suggestParagraphs } from './suggest-paragraphs.ts';

/**
 * The search operations apply the one visibility rule from the actor (viewerOf), whatever calls them: an
 * anonymous reader never meets the unpublished Draft, a signed-in reader of any role does. A real store and
 * the real FTS5 provider (in-process pool on the store's own connection).
 */
const WORDS = 'critical information infrastructure';
const ANONYMOUS: Actor = null;
const SIGNED_IN: Actor = { id: 'u-reader', username: 'reader', role: 'collaborator' };

let t: TempStore;
let search: SearchPool;
let statement: TextDocument;
let draft: TextDocument;

beforeAll(async () => {
  t = await createTempStore();
  await seedReferenceTypes(t.store);
  [statement, , draft] = await documentsWithText(t.store, t.config, [
    { title: 'Statement', text: `Operators of ${WORDS} shall notify the CERT.`, published: true },
    { title: 'Response', text: `The CERT hears from ${WORDS} operators.`, published: true },
    { title: 'Draft', text: `Draft rules for ${WORDS} operators.` },
  ]);
  search = createSearchPool({ dbPath: t.store.sqlite.path, sqlite: t.store.sqlite.sqlite, workers: 0 });
});
afterAll(async () => {
  await search.close();
  await t.cleanup();
});

const titles = (items: { entity: { title: string } }[]) => items.map((i) => i.entity.title).sort();
const query = (q: string) => SearchQuery.parse({ q });

describe('search operations', () => {
  it('search: published entities for anonymous readers, all for signed-in ones', async () => {
    const anon = await searchEntities({ search, actor: ANONYMOUS, query: query(WORDS) });
    expect(titles(anon.items)).toEqual(['Response', 'Statement']);
    const signedIn = await searchEntities({ search, actor: SIGNED_IN, query: query(WORDS) });
    expect(titles(signedIn.items)).toEqual(['Draft', 'Response', 'Statement']);
  });

  it('export: the same rule over the whole result set', async () => {
    const read = async (actor: Actor) => {
      let out = '';
      for await (const chunk of await exportSearch({
        store: t.store,
        search,
        actor,
        query: query(WORDS),
        format: 'json',
      }))
        out += chunk;
      return (JSON.parse(out) as { title: string }[]).map((e) => e.title).sort();
    };
    expect(await read(ANONYMOUS)).toEqual(['Response', 'Statement']);
    expect(await read(SIGNED_IN)).toEqual(['Draft', 'Response', 'Statement']);
  });

  it('within a file: a hidden file is NotFound, like an unknown one', async () => {
    const args = { search, fileId: draft.file.id, q: 'rules' };
    await expect(searchWithinFile({ ...args, actor: ANONYMOUS })).rejects.toBeInstanceOf(NotFound);
    await expect(searchWithinFile({ ...args, actor: ANONYMOUS, fileId: 'nope' })).rejects.toBeInstanceOf(
      NotFound,
    );
    expect((await searchWithinFile({ ...args, actor: SIGNED_IN })).matches).toHaveLength(1);
  });

  it('autocomplete: no unpublished title for anonymous readers', async () => {
    const q = { q: 'dra', limit: 10 };
    expect(await autocompleteTitles({ search, actor: ANONYMOUS, query: q })).toEqual([]);
    expect((await autocompleteTitles({ search, actor: SIGNED_IN, query: q })).map((s) => s.title)).toEqual([
      'Draft',
    ]);
  });

  it('suggestions: a hidden source is NotFound, a range outside the text ValidationFailed', async () => {
    const fromDraft = SuggestionQuery.parse({ fileId: draft.file.id, start: 0, end: 5 });
    await expect(suggestParagraphs({ search, actor: ANONYMOUS, query: fromDraft })).rejects.toBeInstanceOf(
      NotFound,
    );
    const fromStatement = SuggestionQuery.parse({ fileId: statement.file.id, start: 0, end: 40 });
    const anon = await suggestParagraphs({ search, actor: ANONYMOUS, query: fromStatement });
    const signedIn = await suggestParagraphs({ search, actor: SIGNED_IN, query: fromStatement });
    expect(anon.items.some((i) => i.entityId === draft.entity.id)).toBe(false);
    expect(signedIn.items.some((i) => i.entityId === draft.entity.id)).toBe(true);
    const outside = SuggestionQuery.parse({
      fileId: statement.file.id,
      start: 0,
      end: statement.fullText.length + 1,
    });
    const err = await suggestParagraphs({ search, actor: SIGNED_IN, query: outside }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationFailed);
    expect((err as ValidationFailed).errors).toEqual([
      { path: 'query.end', message: expect.stringContaining('outside') },
    ]);
  });
});
