import { existsSync, readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { drainIngestQueue } from '../cli/context.ts';
import { createEntity } from './create-entity.ts';
import { OPERATOR } from './permissions.ts';
import { saveTemplate } from './save-template.ts';
import { uploadFile } from './upload-file.ts';

let t: TempStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const TWO_HOURS_AGO = (Date.now() - 2 * 60 * 60_000) / 1000;
const age = (path: string) => utimesSync(path, TWO_HOURS_AGO, TWO_HOURS_AGO);

describe('stray files at start', () => {
  it('removes old partial uploads and unreferenced originals, never a live upload or a recorded file', async () => {
    t = await createTempStore();
    const x = t;
    const files = join(x.dataDir, 'files');
    await saveTemplate({
      store: x.store,
      actor: OPERATOR,
      input: { name: 'Note', label: 'Note', properties: [] },
    });
    const entity = await createEntity({
      store: x.store,
      actor: OPERATOR,
      input: { template: 'Note', title: 'n' },
    });
    const kept = await uploadFile({
      store: x.store,
      actor: OPERATOR,
      entityId: entity.id,
      filename: 'kept.txt',
      content: Buffer.from('A recorded file, written long ago.'),
    });
    age(join(files, kept.storageKey));

    // What a killed upload or import leaves: bytes under their key with no record.
    const orphan = await x.store.originals.write('orphan0001', Buffer.from('no record points here'));
    age(join(files, orphan.storageKey));
    const recent = await x.store.originals.write('recent0001', Buffer.from('its record may be written now'));

    // An upload still streaming (its client slow): a .part that keeps being written.
    let finish!: () => void;
    const more = new Promise<void>((r) => {
      finish = r;
    });
    const live = x.store.originals.write(
      'liveupload',
      (async function* () {
        yield Buffer.from('first half, ');
        await more;
        yield Buffer.from('second half');
      })(),
    );
    await new Promise((r) => setTimeout(r, 50));
    const [livePart] = readdirSync(join(files, 'tmp'));
    expect(livePart).toMatch(/^liveupload\..*\.part$/);
    // And a .part of an upload whose process was killed long ago.
    const dead = x.store.originals.write(
      'deadupload',
      (async function* () {
        yield Buffer.from('never finished');
        await new Promise(() => {});
      })(),
    );
    void dead;
    await new Promise((r) => setTimeout(r, 50));
    const deadPart = readdirSync(join(files, 'tmp')).find((n) => n.startsWith('deadupload'))!;
    age(join(files, 'tmp', deadPart));

    await drainIngestQueue(x.store, x.config);

    expect(existsSync(join(files, kept.storageKey))).toBe(true);
    expect(existsSync(join(files, orphan.storageKey))).toBe(false);
    expect(existsSync(join(files, recent.storageKey))).toBe(true);
    expect(readdirSync(join(files, 'tmp'))).toEqual([livePart]);
    // The live upload was not disturbed: it completes.
    finish();
    expect((await live).size).toBe('first half, second half'.length);
    expect((await x.store.files.findById(kept.id))?.status).toBe('ready');
  });
});
