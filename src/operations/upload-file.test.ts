import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEntity, buildTemplate } from '../../test/factories.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { createEntity } from './create-entity.ts';
import { detectFileKind } from './detect-file-kind.ts';
import { NotFound, Unauthorized } from './errors.ts';
import { OPERATOR } from './permissions.ts';
import { saveTemplate } from './save-template.ts';
import { INGEST_FILE_JOB, uploadFile } from './upload-file.ts';

describe('detectFileKind', () => {
  const zipWith = (name: string) =>
    Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000'), Buffer.from(`....${name}....`)]);
  it.each([
    ['pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj', 'latin1')],
    ['docx', zipWith('word/document.xml')],
    ['unknown', zipWith('xl/workbook.xml')],
    ['html', Buffer.from('\n  <!DOCTYPE html><html><body>Hi</body></html>')],
    ['html', Buffer.from('\ufeff<html lang="en">')],
    ['text', Buffer.from('Plain text, déjà vu, 日本語')],
    // UTF-16 with a byte-order mark is text, as ingestion reads it (the two used to disagree).
    ['text', Buffer.from([0xff, 0xfe, 0x00, 0x41])],
    ['unknown', Buffer.from([0xc3, 0x28])],
  ])('detects %s', (kind, bytes) => {
    expect(detectFileKind(bytes)).toBe(kind);
  });

  it('accepts a sample of a longer file cut inside a character, not a whole file that ends so', () => {
    const cut = Buffer.from('€').subarray(0, 2);
    expect(detectFileKind(cut, cut, 1000)).toBe('text');
    expect(detectFileKind(cut)).toBe('unknown');
  });
});

describe('uploadFile', () => {
  let t: TempStore;
  beforeEach(async () => {
    t = await createTempStore();
    await saveTemplate({ store: t.store, actor: OPERATOR, input: buildTemplate() });
  });
  afterEach(() => t.cleanup());

  it('stores the bytes, records a queued file with the kind from its content and queues an ingest job', async () => {
    const entity = await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity() });
    const file = await uploadFile({
      store: t.store,
      actor: OPERATOR,
      entityId: entity.id,
      filename: '../../secret/strategy.pdf',
      mimeType: 'application/pdf',
      content: Buffer.from('This is plain text pretending to be a PDF.'),
    });
    expect(file).toMatchObject({
      status: 'queued',
      kind: 'text',
      filename: 'strategy.pdf',
      entityId: entity.id,
    });
    expect(readFileSync(t.store.originals.pathOf(file.storageKey), 'utf8')).toContain('plain text');
    expect(await t.store.files.findById(file.id)).toEqual(file);
    expect(await t.store.jobs.list({ status: 'queued' })).toMatchObject([
      { kind: INGEST_FILE_JOB, payload: { fileId: file.id } },
    ]);
    expect(await t.store.activity.list({ limit: 1 })).toMatchObject([
      { action: 'upload', targetId: file.id },
    ]);
  });

  it('refuses anonymous uploads and unknown entities before writing any bytes', async () => {
    const entity = await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity() });
    const content = Buffer.from('x');
    await expect(
      uploadFile({ store: t.store, actor: null, entityId: entity.id, filename: 'a.txt', content }),
    ).rejects.toBeInstanceOf(Unauthorized);
    await expect(
      uploadFile({ store: t.store, actor: OPERATOR, entityId: 'nosuchthing', filename: 'a.txt', content }),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await t.store.jobs.list({})).toEqual([]);
  });
});
