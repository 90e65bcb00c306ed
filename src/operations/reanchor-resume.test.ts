import { afterEach, describe, expect, it } from 'vitest';
import {
  documentsWithText,
  quoteIn,
  RESPONSE,
  replaceText,
  STATEMENT,
  seedReferenceTypes,
} from '../../test/reference-fixtures.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { drainIngestQueue } from '../cli/context.ts';
import { REANCHOR_FILE_JOB } from '../domain/schemas/job.ts';
import { createReference } from './create-reference.ts';
import { OPERATOR } from './permissions.ts';

let t: TempStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('re-anchoring after a crash', () => {
  it('re-anchors at the next start the connections of a file whose new text was written just before a kill', async () => {
    t = await createTempStore();
    const x = t;
    const db = x.store.sqlite.sqlite;
    await seedReferenceTypes(x.store);
    const [statement, response] = await documentsWithText(x.store, x.config, [
      { title: 'Statement', text: STATEMENT },
      { title: 'Response', text: RESPONSE },
    ] as const);
    const quote = 'protect their critical infrastructure';
    const ref = await createReference({
      store: x.store,
      actor: OPERATOR,
      input: {
        relationType: 'responds-to',
        source: quoteIn(response.file.id, response.fullText, 'protecting critical infrastructure'),
        targetEntityId: statement.entity.id,
        target: quoteIn(statement.file.id, statement.fullText, quote),
      },
    });
    const stored = () =>
      db.prepare(`SELECT target, target_start FROM text_references WHERE id = ?`).get(ref.id) as {
        target: string;
        target_start: number;
      };
    const before = stored();
    // Every run records the re-anchoring it owes and settles it.
    expect(
      db.prepare(`SELECT DISTINCT status FROM jobs WHERE kind = ?`).pluck().all(REANCHOR_FILE_JOB),
    ).toEqual(['done']);

    const newText = await replaceText(
      x.store,
      x.config,
      statement.file,
      `Preamble added later.\n\n${STATEMENT}`,
    );
    const moved = newText.indexOf(quote);
    expect(stored().target_start).toBe(moved);
    // What a process killed between writing the text and re-anchoring leaves: the new text, the old
    // anchor, and the re-anchoring still owed (queued in the write's transaction).
    db.prepare(`UPDATE text_references SET target = ?, target_start = ? WHERE id = ?`).run(
      before.target,
      before.target_start,
      ref.id,
    );
    db.prepare(
      `INSERT INTO jobs (kind, payload, status, created_at, updated_at) VALUES (?, json_object('fileId', ?), 'queued', '', '')`,
    ).run(REANCHOR_FILE_JOB, statement.file.id);
    expect(stored().target_start).not.toBe(moved);

    await drainIngestQueue(x.store, x.config);
    expect(stored().target_start).toBe(moved);
    expect(JSON.parse(stored().target)).toMatchObject({ start: moved, exact: quote });
    expect(
      db
        .prepare(`SELECT count(*) FROM jobs WHERE kind = ? AND status = 'queued'`)
        .pluck()
        .get(REANCHOR_FILE_JOB),
    ).toBe(0);
  });
});
