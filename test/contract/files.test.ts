import { expect, it } from 'vitest';
import { newId } from '../../src/store/ids.ts';
import type { Store, StoredFile } from '../../src/store/store.ts';
import { describeEachEngine } from './engines.ts';
import { addEntity, addTemplate, at } from './rows.ts';

async function addFile(
  store: Store,
  entityId: string,
  overrides: Partial<StoredFile> = {},
): Promise<StoredFile> {
  const id = newId();
  const f: StoredFile = {
    id,
    entityId,
    filename: 'strategy.pdf',
    mimeType: 'application/pdf',
    kind: 'pdf',
    size: 5_000_000_000, // past 2^32: sizes are 64-bit on both engines
    sha256: 'ab'.repeat(32),
    storageKey: `ab/${id}`,
    status: 'queued',
    reason: null,
    language: null,
    pageCount: null,
    paragraphCount: null,
    progress: 0.25,
    createdAt: at(1),
    updatedAt: at(1),
    role: 'document',
    ...overrides,
  };
  await store.files.insert(f);
  return f;
}

describeEachEngine('files', (open) => {
  it('reads a file record back exactly, lists an entity’s files oldest first and finds one by its bytes', async () => {
    const store = await open();
    const e = await addEntity(store, await addTemplate(store));
    const later = await addFile(store, e.id, { createdAt: at(5), sha256: 'cd'.repeat(32) });
    const first = await addFile(store, e.id, {
      createdAt: at(2),
      status: 'ready',
      pageCount: 3,
      paragraphCount: 12,
    });
    expect(await store.files.findById(first.id)).toEqual({ ...first, reasonCodes: [] });
    expect(await store.files.findById('missing')).toBeNull();
    expect((await store.files.listByEntity(e.id)).map((f) => f.id)).toEqual([first.id, later.id]);
    expect((await store.files.findBySha256('cd'.repeat(32)))?.id).toBe(later.id);
    expect(await store.files.findBySha256('ef'.repeat(32))).toBeNull();
    expect(await store.files.fullText(first.id)).toBeNull();
  });

  it('points a file at a new original and queues it again', async () => {
    const store = await open();
    const e = await addEntity(store, await addTemplate(store));
    const f = await addFile(store, e.id, { status: 'failed', reason: 'unreadable', progress: 1 });
    await store.files.replaceOriginal(f.id, {
      filename: 'v2.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      kind: 'docx',
      size: 42,
      sha256: 'ee'.repeat(32),
      storageKey: `ee/${f.id}`,
      at: at(9),
    });
    expect(await store.files.findById(f.id)).toMatchObject({
      filename: 'v2.docx',
      kind: 'docx',
      size: 42,
      storageKey: `ee/${f.id}`,
      status: 'queued',
      reason: null,
      progress: null,
      updatedAt: at(9),
      createdAt: at(1),
    });
  });

  it('tells which storage keys belong to a file, and removes files with their entity', async () => {
    const store = await open();
    const e = await addEntity(store, await addTemplate(store));
    const a = await addFile(store, e.id);
    const b = await addFile(store, e.id);
    const orphanKeys = Array.from({ length: 600 }, () => `00/${newId()}`);
    expect(await store.files.referencedKeys([a.storageKey, ...orphanKeys, b.storageKey])).toEqual(
      new Set([a.storageKey, b.storageKey]),
    );
    await store.files.delete(a.id);
    expect(await store.files.findById(a.id)).toBeNull();
    await store.entities.delete(e.id);
    expect(await store.files.findById(b.id)).toBeNull();
  });

  it('keeps earlier versions numbered in order, finds one, counts their keys as referenced, and drops them with the file', async () => {
    const store = await open();
    const e = await addEntity(store, await addTemplate(store));
    const f = await addFile(store, e.id);
    const earlier = (n: number) => ({
      filename: `v${n}.pdf`,
      mimeType: 'application/pdf',
      kind: 'pdf' as const,
      size: 5_000_000_000 + n,
      sha256: String(n).repeat(64),
      storageKey: `old/${f.id}-${n}`,
      uploadedAt: at(n),
      replacedAt: at(n + 1),
    });
    expect(await store.transaction((tx) => tx.files.addVersion(f.id, earlier(1)))).toBe(1);
    expect(await store.files.addVersion(f.id, earlier(2))).toBe(2);
    expect(await store.files.listVersions(f.id)).toEqual([
      { fileId: f.id, version: 1, ...earlier(1) },
      { fileId: f.id, version: 2, ...earlier(2) },
    ]);
    expect(await store.files.findVersion(f.id, 2)).toEqual({ fileId: f.id, version: 2, ...earlier(2) });
    expect(await store.files.findVersion(f.id, 3)).toBeNull();
    expect(await store.files.referencedKeys([`old/${f.id}-1`, f.storageKey, 'nobody'])).toEqual(
      new Set([`old/${f.id}-1`, f.storageKey]),
    );
    await store.files.delete(f.id);
    expect(await store.files.listVersions(f.id)).toEqual([]);
  });

  it('refuses a status outside the known ones', async () => {
    const store = await open();
    const e = await addEntity(store, await addTemplate(store));
    await expect(addFile(store, e.id, { status: 'lost' as StoredFile['status'] })).rejects.toThrow();
  });
});
