import { writeFile } from 'node:fs/promises';
import { drainIngestQueue } from '../src/cli/context.ts';
import type { Config } from '../src/config.ts';
import type { Anchor } from '../src/domain/schemas/reference.ts';
import { createEntity } from '../src/operations/create-entity.ts';
import { OPERATOR } from '../src/operations/permissions.ts';
import { saveRelationType } from '../src/operations/save-relation-type.ts';
import { saveTemplate } from '../src/operations/save-template.ts';
import { INGEST_FILE_JOB, uploadFile } from '../src/operations/upload-file.ts';
import { nowIso } from '../src/store/sqlite/ids.ts';
import type { Store } from '../src/store/store.ts';
import { buildEntity, buildTemplate } from './factories.ts';

/** The Document template and a "responds-to" relation type. */
export async function seedReferenceTypes(store: Store) {
  await saveTemplate({ store, actor: OPERATOR, input: buildTemplate() });
  await saveRelationType({
    store,
    actor: OPERATOR,
    input: { name: 'responds-to', label: 'responds to', inverseLabel: 'answered by' },
  });
}

type DocumentSpec = { title: string; text: string; published?: boolean };

/** A document with its file and the stored full text. */
export type TextDocument = {
  entity: Awaited<ReturnType<typeof createEntity>>;
  file: Awaited<ReturnType<typeof uploadFile>>;
  fullText: string;
};

/** Document entities, each with one .txt file, run through the real ingest in one pass (one worker start). */
export async function documentsWithText<const S extends readonly DocumentSpec[]>(
  store: Store,
  config: Config,
  specs: S,
): Promise<{ [K in keyof S]: TextDocument }> {
  const uploaded = [];
  for (const { title, text, published = false } of specs) {
    const entity = await createEntity({ store, actor: OPERATOR, input: buildEntity({ title, published }) });
    const file = await uploadFile({
      store,
      actor: OPERATOR,
      entityId: entity.id,
      filename: `${title}.txt`,
      mimeType: 'text/plain',
      content: Buffer.from(text),
    });
    uploaded.push({ entity, file });
  }
  await drainIngestQueue(store, config);
  const documents = await Promise.all(
    uploaded.map(async ({ entity, file }) => {
      const fullText = await store.files.fullText(file.id);
      if (fullText === null) throw new Error(`ingest left ${file.id} without text`);
      return { entity, file, fullText };
    }),
  );
  return documents as { [K in keyof S]: TextDocument };
}

/** Replaces a file's original with new text and re-runs the real ingest on it (a new version). */
export async function replaceText(
  store: Store,
  config: Config,
  file: { id: string; storageKey: string },
  text: string,
) {
  await writeFile(store.originals.pathOf(file.storageKey), text);
  await store.jobs.enqueue(INGEST_FILE_JOB, { fileId: file.id }, nowIso());
  await drainIngestQueue(store, config);
  const fullText = await store.files.fullText(file.id);
  if (fullText === null) throw new Error(`re-ingest left ${file.id} without text`);
  return fullText;
}

/** An anchor input quoting the first occurrence of `quote` in a file's text. */
export function quoteIn(fileId: string, fullText: string, quote: string): Anchor {
  const start = fullText.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return { fileId, start, end: start + quote.length, exact: quote, prefix: '', suffix: '', rects: [] };
}

/** The statement document and the response that answers it. */
export const STATEMENT = [
  'National statement on responsible state behaviour in cyberspace.',
  'States should not conduct or knowingly support ICT activity that intentionally damages critical infrastructure.',
  'States should take appropriate measures to protect their critical infrastructure from ICT threats.',
  'States should respond to appropriate requests for assistance by another State whose critical infrastructure is subject to malicious ICT acts.',
].join('\n\n');

export const RESPONSE = [
  'Response of the regional organisation.',
  'We agree that protecting critical infrastructure from ICT threats is the first duty of every State.',
  'Assistance requests should be answered within a reasonable time.',
].join('\n\n');
