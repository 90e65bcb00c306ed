import { expect, it } from 'vitest';
import type { Anchor, Reference } from '../../src/domain/schemas/reference.ts';
import { newId } from '../../src/store/ids.ts';
import type { Store } from '../../src/store/store.ts';
import { describeEachEngine } from './engines.ts';
import { addEntity, addTemplate, at } from './rows.ts';

const anchor = (fileId: string, start: number, end: number): Anchor => ({
  fileId,
  start,
  end,
  exact: `text ${start}-${end}`,
  prefix: 'before ',
  suffix: ' after',
  rects: [{ page: 1, x: 0.1, y: 0.2, w: 0.3, h: 0.04 }],
});

async function setUp(store: Store, { targetPublished = true } = {}) {
  const t = await addTemplate(store);
  const source = await addEntity(store, t, { title: 'Strategy' });
  const target = await addEntity(store, t, { title: 'Treaty', published: targetPublished });
  const relation = { id: newId(), name: 'cites', label: 'cites', inverseLabel: 'cited by' };
  await store.relationTypes.insert(relation);
  const fileA = newId();
  const fileB = newId();
  let n = 0;
  const connect = async (sourceRange: [number, number], targetRange: [number, number] | null) => {
    const ref: Reference & { relationTypeId: string } = {
      id: newId(),
      relationType: 'cites',
      relationTypeId: relation.id,
      sourceEntityId: source.id,
      source: anchor(fileA, ...sourceRange),
      targetEntityId: target.id,
      target: targetRange ? anchor(fileB, ...targetRange) : null,
      orphaned: false,
      createdBy: null,
      createdAt: at(n++),
    };
    await store.transaction((tx) => tx.references.insert(ref));
    return ref;
  };
  return { source, target, fileA, fileB, connect };
}

const page = { limit: 50, offset: 0, publishedOnly: false };

describeEachEngine('connections and their anchors', (open) => {
  it('reads a connection back with both anchors exactly as stored, and its labels', async () => {
    const store = await open();
    const { connect, source } = await setUp(store);
    const ref = await connect([10, 20], [100, 140]);
    const view = await store.references.get(ref.id);
    expect(view).toMatchObject({
      id: ref.id,
      relationType: 'cites',
      relationLabel: 'cites',
      inverseLabel: 'cited by',
      source: ref.source,
      target: ref.target,
      orphaned: false,
      createdAt: ref.createdAt,
      direction: null,
    });
    expect(view?.sourcePlace.entityTitle).toBe('Strategy');
    expect(view?.sourceEntityId).toBe(source.id);
    expect(await store.references.get('missing')).toBeNull();
  });

  it('lists a file’s connections in text order of their end there, with the direction and a numeric total', async () => {
    const store = await open();
    const { connect, fileA, fileB } = await setUp(store);
    const late = await connect([300, 310], [5, 9]);
    const early = await connect([30, 40], [50, 60]);
    const entityOnly = await connect([100, 120], null);
    const inA = await store.references.listByFile(fileA, page);
    expect(inA.items.map((r) => r.id)).toEqual([early.id, entityOnly.id, late.id]);
    expect(inA.items.every((r) => r.direction === 'outgoing')).toBe(true);
    expect(inA.total).toBe(3);
    const inB = await store.references.listByFile(fileB, page);
    expect(inB.items.map((r) => [r.id, r.direction])).toEqual([
      [late.id, 'incoming'],
      [early.id, 'incoming'],
    ]);
    const second = await store.references.listByFile(fileA, { ...page, limit: 1, offset: 1 });
    expect(second.items.map((r) => r.id)).toEqual([entityOnly.id]);
    expect(second.total).toBe(3);
  });

  it('lists the connections to an entity as a whole apart: none of its files holds them', async () => {
    const store = await open();
    const { connect, source, target, fileB } = await setUp(store);
    const toPassage = await connect([10, 20], [30, 40]);
    const toWhole = await connect([50, 60], null);
    const whole = await store.references.listToWholeEntity(target.id, page);
    expect(whole.items.map((r) => [r.id, r.direction])).toEqual([[toWhole.id, 'incoming']]);
    expect(whole.total).toBe(1);
    // The target's file lists only the connection to its passage; the entity lists both.
    expect((await store.references.listByFile(fileB, page)).items.map((r) => r.id)).toEqual([toPassage.id]);
    expect((await store.references.listByEntity(target.id, page)).total).toBe(2);
    // The source is connected from, never to as a whole.
    expect((await store.references.listToWholeEntity(source.id, page)).items).toEqual([]);
  });

  it('finds the connections whose end overlaps a range, by the end offset inside the anchor', async () => {
    const store = await open();
    const { connect, fileA } = await setUp(store);
    const a = await connect([10, 20], null);
    const b = await connect([30, 40], null);
    await connect([50, 60], null);
    expect((await store.references.listByRange(fileA, 15, 35, page)).items.map((r) => r.id)).toEqual([
      a.id,
      b.id,
    ]);
    expect((await store.references.listByPageRange(fileA, 20, 30, page)).items).toEqual([]);
    expect((await store.references.listByPageRange(fileA, 39, 51, page)).items.map((r) => r.id)).toEqual([
      b.id,
      expect.any(String),
    ]);
  });

  it('finds a connection by its exact ends, and removes one', async () => {
    const store = await open();
    const { connect, fileA, fileB } = await setUp(store);
    const ref = await connect([10, 20], [30, 45]);
    const ends = (s: number, e: number, f: string) => ({ fileId: f, start: s, end: e });
    expect(await store.references.findSame('cites', ends(10, 20, fileA), ends(30, 45, fileB))).toBe(ref.id);
    expect(await store.references.findSame('cites', ends(10, 21, fileA), ends(30, 45, fileB))).toBeNull();
    expect(await store.references.delete(ref.id)).toBe(true);
    expect(await store.references.delete(ref.id)).toBe(false);
  });

  it('re-anchors: replaces both anchors, marks orphans and lists them', async () => {
    const store = await open();
    const { connect, fileA, fileB } = await setUp(store);
    const ref = await connect([10, 20], [30, 40]);
    const moved = anchor(fileA, 110, 125);
    const target = anchor(fileB, 300, 340);
    await store.transaction((tx) => tx.references.updateAnchors(ref.id, moved, target, true));
    const stored = { id: ref.id, source: moved, target, orphaned: true };
    expect(await store.references.listAnchorsInFile(fileA)).toEqual([stored]);
    expect(await store.references.listAnchorsInFile(fileB)).toEqual([stored]);
    const orphans = await store.references.listOrphaned(page);
    expect(orphans.items.map((r) => r.id)).toEqual([ref.id]);
    // The span index follows the new end: the old range is empty, the new one finds it.
    expect((await store.references.listByRange(fileA, 10, 20, page)).items).toEqual([]);
    expect((await store.references.listByRange(fileA, 120, 130, page)).items.map((r) => r.id)).toEqual([
      ref.id,
    ]);
  });

  it('hides a connection to an unpublished entity from published-only lists', async () => {
    const store = await open();
    const { connect, source, fileA } = await setUp(store, { targetPublished: false });
    const ref = await connect([10, 20], null);
    expect((await store.references.listByEntity(source.id, page)).items.map((r) => r.id)).toEqual([ref.id]);
    const visible = await store.references.listByEntity(source.id, { ...page, publishedOnly: true });
    expect(visible).toMatchObject({ items: [], total: 0 });
    expect((await store.references.listByFile(fileA, { ...page, publishedOnly: true })).items).toEqual([]);
  });

  it('removes an entity’s connections with it', async () => {
    const store = await open();
    const { connect, target } = await setUp(store);
    const ref = await connect([10, 20], [1, 2]);
    await store.entities.delete(target.id);
    expect(await store.references.get(ref.id)).toBeNull();
  });
});
