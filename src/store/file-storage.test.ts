import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildEntity, buildTemplate } from '../../test/factories.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { drainIngestQueue } from '../cli/context.ts';
import { createEntity } from '../operations/create-entity.ts';
import { deleteEntity } from '../operations/delete-entity.ts';
import { openFileOriginal } from '../operations/open-file-original.ts';
import { OPERATOR } from '../operations/permissions.ts';
import { saveTemplate } from '../operations/save-template.ts';
import { uploadFile } from '../operations/upload-file.ts';
import { isStorageKey, originalPath } from './file-storage.ts';

const HOSTILE = [
  '../x',
  '../../x',
  '/etc/hostname',
  'ab/../../x',
  'ab/abcdefg/..',
  'ab\\abcdefg',
  '',
  'AB/abcdefg',
];

describe('storage keys', () => {
  it.each(HOSTILE)('%j is not a storage key and has no path', (key) => {
    expect(isStorageKey(key)).toBe(false);
    expect(() => originalPath('/data', key)).toThrow(/Invalid storage key/);
  });

  it('a generated key resolves inside <data>/files', () => {
    expect(originalPath('/data', '0f/abc123defg')).toBe('/data/files/0f/abc123defg');
  });
});

describe('a files row with a corrupt storage key (every place a key becomes a path)', () => {
  let t: TempStore;
  afterEach(() => t.cleanup());

  async function corruptFile() {
    t = await createTempStore();
    await saveTemplate({ store: t.store, actor: OPERATOR, input: buildTemplate() });
    const entity = await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity() });
    const file = await uploadFile({
      store: t.store,
      actor: OPERATOR,
      entityId: entity.id,
      filename: 'a.txt',
      content: Buffer.from('Some text.'),
    });
    // A file beside the files directory that a key of "../victim" would name.
    writeFileSync(join(t.dataDir, 'victim'), 'not an original');
    mkdirSync(join(t.dataDir, 'files'), { recursive: true });
    t.store.sqlite.sqlite.prepare(`UPDATE files SET storage_key = '../victim' WHERE id = ?`).run(file.id);
    return { entity, file };
  }

  it('download answers not found instead of reading outside', async () => {
    const { file } = await corruptFile();
    await expect(openFileOriginal({ store: t.store, actor: OPERATOR, id: file.id })).rejects.toThrow(
      /not found/,
    );
  });

  it('ingestion fails the file instead of reading outside', async () => {
    const { file } = await corruptFile();
    await drainIngestQueue(t.store, t.config);
    expect(await t.store.files.findById(file.id)).toMatchObject({ status: 'failed' });
    expect(await t.store.files.fullText(file.id)).toBeFalsy();
  });

  it('deleting the entity removes nothing outside the files directory', async () => {
    const { entity } = await corruptFile();
    await deleteEntity({ store: t.store, actor: OPERATOR, id: entity.id });
    expect(existsSync(join(t.dataDir, 'victim'))).toBe(true);
    expect(await t.store.entities.findById(entity.id)).toBeNull();
  });
});
