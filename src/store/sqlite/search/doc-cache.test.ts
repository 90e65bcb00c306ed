import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocCache, type DocCache } from '../../../search/doc-cache.ts';
import { applyPragmas } from '../open-database.ts';
import { docCache } from './doc-cache.ts';
import { indexEntity, reindexAll, removeEntity } from './indexer.ts';
import { loadDocMeta } from './queries.ts';
import { search } from './search.ts';
import { addDocument, randomCorpus, standardTemplates } from './test-data.ts';
import { createFixture, type Fixture } from './test-fixtures.ts';

/*
 * A search worker's cache of every entity's sort and facet keys follows writes by reading only the rows
 * they changed (issue 16 item 2): after a write, the entries of the entities it did not touch are the very
 * same objects, and the cache equals one loaded from scratch. The reader is a read-only connection of its
 * own, as in a worker process; the writer is the fixture's.
 */
let fx: Fixture;
let reader: Database.Database;
let corpus: ReturnType<typeof randomCorpus>;

beforeAll(async () => {
  fx = await createFixture();
  standardTemplates(fx);
  corpus = randomCorpus(fx, 120, 5);
  reader = new Database(fx.dbPath, { readonly: true, fileMustExist: true });
  applyPragmas(reader, { readonly: true });
});
afterAll(async () => {
  reader.close();
  await fx.close();
});

const docidOf = (entityId: string) =>
  fx.sqlite.prepare(`SELECT docid FROM search_entities WHERE entity_id = ?`).pluck().get(entityId) as number;

/** A cache as plain data, facet keys by name (ids depend on the order values were first seen). */
const plain = (c: DocCache) =>
  new Map(
    [...c.docs].map(([docid, { keys, ...meta }]) => [
      docid,
      { ...meta, keys: [...keys].map((k) => `${c.keys.property[k]}=${c.keys.value[k]}`).sort() },
    ]),
  );
const fresh = () => plain(buildDocCache(loadDocMeta(reader)));

describe("a reader's cache of index keys", () => {
  it('reads only the entities a write changed, and then equals a cache loaded from scratch', () => {
    const before = new Map(docCache(reader).docs);
    const [edited, removed] = corpus.docs.filter((d) => d.published);
    fx.sqlite
      .prepare(
        `UPDATE entities SET metadata = json_set(metadata, '$.documentType', 'statement', '$.date', '1999-02') WHERE id = ?`,
      )
      .run(edited!.id);
    indexEntity({ sqlite: fx.sqlite, entityId: edited!.id });
    const removedDocid = docidOf(removed!.id);
    removeEntity({ sqlite: fx.sqlite, entityId: removed!.id });
    const added = addDocument(fx, {
      title: 'Zanzibar note',
      metadata: { documentType: 'strategy', date: '1998-01' },
    });

    const after = docCache(reader);
    const touched = new Set([docidOf(edited!.id), removedDocid, docidOf(added)]);
    let same = 0;
    for (const [docid, doc] of before) {
      if (touched.has(docid)) continue;
      expect(after.docs.get(docid)).toBe(doc);
      same++;
    }
    expect(same).toBe(before.size - 2);
    expect(after.docs.get(docidOf(edited!.id))!.facets.date).toEqual(['1999']);
    expect(after.docs.has(removedDocid)).toBe(false);
    expect(after.docs.get(docidOf(added))!.title).toBe('Zanzibar note');
    expect(plain(after)).toEqual(fresh());
  });

  it('serves searches that see the write: new facet values counted, a removed entity gone', () => {
    const r = search(reader, {
      q: '',
      template: 'Document',
      viewer: { canSeeUnpublished: true },
      filters: { date: { values: ['1998', '1999'], op: 'or' } },
    });
    expect(r.items.map((i) => i.entity.title)).toContain('Zanzibar note');
    expect(r.total).toBe(2);
    const counts = Object.fromEntries(r.facets.date!.buckets.map((b) => [b.value, b.count]));
    expect(counts['1998']).toBe(1);
    expect(counts['1999']).toBe(1);
  });

  it('loads everything again after a reindex (more changed than it is worth reading one by one)', () => {
    const before = docCache(reader);
    const someDocid = [...before.docs.keys()][0]!;
    const someDoc = before.docs.get(someDocid);
    reindexAll({ sqlite: fx.sqlite });
    const after = docCache(reader);
    expect(after.docs.get(someDocid)).not.toBe(someDoc);
    expect(plain(after)).toEqual(fresh());
  });
});
