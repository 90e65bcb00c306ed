import { expect, it } from 'vitest';
import { describeEachEngine } from './engines.ts';
import { at } from './rows.ts';

describeEachEngine('import mappings', (open) => {
  it('lists mappings by kind, per source, and keeps the first one for a source id', async () => {
    const store = await open();
    expect((await store.importMappings.list('uwazi')).size).toBe(0);
    await store.importMappings.insert(
      'uwazi',
      [
        { kind: 'entity', sourceId: 'sh1', localId: 'e1' },
        { kind: 'entity', sourceId: 'sh2', localId: 'e2' },
        { kind: 'template', sourceId: '58ada34c', localId: 'Causa' },
      ],
      at(1),
    );
    await store.importMappings.insert(
      'uwazi',
      [{ kind: 'entity', sourceId: 'sh1', localId: 'other' }],
      at(2),
    );
    await store.importMappings.insert('csv', [{ kind: 'entity', sourceId: 'sh1', localId: 'c1' }], at(3));
    const uwazi = await store.importMappings.list('uwazi');
    expect(Object.fromEntries(uwazi.get('entity')!)).toEqual({ sh1: 'e1', sh2: 'e2' });
    expect(Object.fromEntries(uwazi.get('template')!)).toEqual({ '58ada34c': 'Causa' });
    expect(Object.fromEntries((await store.importMappings.list('csv')).get('entity')!)).toEqual({
      sh1: 'c1',
    });
  });

  it('writes nothing when its transaction rolls back', async () => {
    const store = await open();
    await expect(
      store.transaction(async (tx) => {
        await tx.importMappings.insert('uwazi', [{ kind: 'file', sourceId: 'f', localId: 'x' }], at(1));
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect((await store.importMappings.list('uwazi')).size).toBe(0);
  });
});
