import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-process.ts';
import {
  documentsWithText,
  quoteIn,
  RESPONSE,
  STATEMENT,
  seedReferenceTypes,
} from '../../test/reference-fixtures.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { openStore } from '../store/store.ts';
import { createReference } from './create-reference.ts';
import { listReferences } from './list-references.ts';
import { compareCollections, MigrationError, migrateStore } from './migrate-store.ts';
import { OPERATOR } from './permissions.ts';

let source: TempStore | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await source?.cleanup();
  source = undefined;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** A small real collection: two documents with ingested text and a text-to-text connection between them. */
async function collection() {
  source = await createTempStore();
  await seedReferenceTypes(source.store);
  const [statement, response] = await documentsWithText(source.store, source.config, [
    { title: 'Statement', text: STATEMENT },
    { title: 'Response', text: RESPONSE },
  ]);
  const ref = await createReference({
    store: source.store,
    actor: OPERATOR,
    input: {
      relationType: 'responds-to',
      source: quoteIn(response.file.id, response.fullText, RESPONSE.split('\n\n')[0]!.slice(0, 40)),
      targetEntityId: statement.entity.id,
      target: quoteIn(statement.file.id, statement.fullText, STATEMENT.split('\n\n')[1]!.slice(0, 30)),
    },
  });
  return { statement, response, ref };
}

const newDir = async () => {
  const d = await mkdtemp(join(tmpdir(), 'cp-migrate-'));
  dirs.push(d);
  return d;
};

describe('migrate-store', () => {
  it('moves every row, anchor and original into an empty store and finds them the same row by row', async () => {
    const { statement, ref } = await collection();
    const target = await openStore(join(await newDir(), 'data'));
    try {
      const report = await migrateStore({ source: source!.store, target });
      expect(report.tables.every((t) => t.same)).toBe(true);
      expect(report.tables.find((t) => t.table === 'text_references')).toMatchObject({
        source: 1,
        target: 1,
      });
      expect(report.tables.find((t) => t.table === 'paragraphs')!.target).toBeGreaterThan(2);
      expect(report.files).toBe(2);
      // The connection reads back with both anchors, and the originals are in the target's directory.
      const listed = await listReferences({
        store: target,
        actor: OPERATOR,
        query: { entityId: statement.entity.id },
      });
      expect(listed.items.map((r) => r.id)).toEqual([ref.id]);
      expect(listed.items[0]!.target).toEqual(ref.target);
      const file = (await target.files.findById(statement.file.id))!;
      expect(readFileSync(target.originals.pathOf(file.storageKey), 'utf8')).toBe(STATEMENT);
      // Search was rebuilt in the target: its documents are found there.
      expect(await target.searchIndex.generation()).toBeGreaterThan(0);

      // The check is real: a row changed in the target afterwards is found.
      target.sqlite.sqlite
        .prepare(`UPDATE entities SET title = 'Tampered' WHERE id = ?`)
        .run(statement.entity.id);
      const after = await compareCollections(source!.store, target);
      expect(after.filter((t) => !t.same).map((t) => t.table)).toEqual(['entities']);
    } finally {
      await target.close();
    }
  }, 120_000);

  it('refuses a target that already holds a collection, writing nothing', async () => {
    await collection();
    const target = await openStore(join(await newDir(), 'data'));
    try {
      await migrateStore({ source: source!.store, target });
      const before = await target.collection.countRows();
      await expect(migrateStore({ source: source!.store, target })).rejects.toBeInstanceOf(MigrationError);
      expect(await target.collection.countRows()).toEqual(before);
    } finally {
      await target.close();
    }
  }, 120_000);

  it('runs from the command line and prints every table with its check', async () => {
    await collection();
    await source!.store.close();
    const to = join(await newDir(), 'copy');
    const run = await runCli(source!.dataDir, ['migrate-store', '--from', source!.dataDir, '--to', to]).done;
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/text_references\s+1 →\s+1\s+same/);
    expect(run.stdout).toMatch(/Every table checked row by row/);
    const again = await runCli(source!.dataDir, ['migrate-store', '--from', source!.dataDir, '--to', to])
      .done;
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds a collection/);
  }, 120_000);
});
