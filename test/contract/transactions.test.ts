import { expect, it } from 'vitest';
import { newId, nowIso } from '../../src/store/ids.ts';
import type { Store } from '../../src/store/store.ts';
import { describeEachEngine } from './engines.ts';

const relationType = (name: string) => ({
  id: newId(),
  name,
  label: name,
  inverseLabel: `${name} (inverse)`,
});
const activity = (summary: string) => ({
  userId: null,
  username: null,
  action: 'create',
  targetType: 'x',
  targetId: null,
  summary,
  at: nowIso(),
  changes: null,
});

describeEachEngine('store transactions', (open) => {
  it('commits every write of a transaction that returns, and returns its value', async () => {
    const store = await open();
    const result = await store.transaction(async (tx) => {
      await tx.relationTypes.insert(relationType('cites'));
      await tx.activity.insert(activity('added cites'));
      return 42;
    });
    expect(result).toBe(42);
    expect((await store.relationTypes.list()).map((t) => t.name)).toEqual(['cites']);
    expect((await store.activity.list({ limit: 10 })).map((a) => a.summary)).toEqual(['added cites']);
  });

  it('rolls back every write of a transaction that throws', async () => {
    const store = await open();
    await expect(
      store.transaction(async (tx) => {
        await tx.relationTypes.insert(relationType('cites'));
        await tx.activity.insert(activity('s'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.relationTypes.list()).toEqual([]);
    expect(await store.activity.list({ limit: 10 })).toEqual([]);
  });

  it('joins a nested transaction to the outer one: an outer throw undoes the inner writes', async () => {
    const store = await open();
    await expect(
      store.transaction(async (tx) => {
        await tx.transaction(async (inner) => {
          await inner.relationTypes.insert(relationType('inner'));
        });
        // The inner write is visible inside the outer transaction...
        expect((await tx.relationTypes.list()).map((t) => t.name)).toEqual(['inner']);
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    // ...and gone with it.
    expect(await store.relationTypes.list()).toEqual([]);
  });

  it('rolls back the whole transaction when a nested one throws, even if the outer catches it', async () => {
    const store = await open();
    await store
      .transaction(async (tx: Store) => {
        await tx.relationTypes.insert(relationType('outer'));
        await tx.transaction(async (inner) => {
          await inner.relationTypes.insert(relationType('inner'));
          throw new Error('inner fails');
        });
      })
      .catch(() => {});
    expect(await store.relationTypes.list()).toEqual([]);
  });

  it('rolls back a write that breaks a constraint, and the store stays usable', async () => {
    const store = await open();
    await store.relationTypes.insert(relationType('cites'));
    await expect(
      store.transaction(async (tx) => {
        await tx.activity.insert(activity('before the duplicate'));
        await tx.relationTypes.insert(relationType('cites'));
      }),
    ).rejects.toThrow();
    expect(await store.activity.list({ limit: 10 })).toEqual([]);
    await store.relationTypes.insert(relationType('mentions'));
    expect((await store.relationTypes.list()).map((t) => t.name)).toEqual(['cites', 'mentions']);
  });
});
