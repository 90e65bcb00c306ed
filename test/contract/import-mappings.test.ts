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

  it('keeps a trace per record: its fingerprint and data, null until written, per source and kind', async () => {
    const store = await open();
    await store.importMappings.insert(
      'uwazi',
      [
        { kind: 'entity', sourceId: 'sh1', localId: 'e1' },
        { kind: 'entity', sourceId: 'sh2', localId: 'e2' },
      ],
      at(1),
    );
    await store.importMappings.insert('csv', [{ kind: 'entity', sourceId: 'sh1', localId: 'c1' }], at(1));
    expect(Object.fromEntries(await store.importMappings.traces('uwazi', 'entity'))).toEqual({
      sh1: { fingerprint: null, data: null },
      sh2: { fingerprint: null, data: null },
    });
    const sharing = { version: 3, sharing: [{ user: 'admin', level: 'write' }], note: 'مشاركة' };
    await store.importMappings.trace('uwazi', 'entity', 'sh1', { fingerprint: 'abc', data: sharing });
    await store.importMappings.trace('uwazi', 'entity', 'sh2', { fingerprint: 'def', data: null });
    const traces = await store.importMappings.traces('uwazi', 'entity');
    expect(traces.get('sh1')).toEqual({ fingerprint: 'abc', data: sharing });
    expect(traces.get('sh2')).toEqual({ fingerprint: 'def', data: null });
    expect((await store.importMappings.traces('csv', 'entity')).get('sh1')).toEqual({
      fingerprint: null,
      data: null,
    });
    expect((await store.importMappings.traces('uwazi', 'file')).size).toBe(0);
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
