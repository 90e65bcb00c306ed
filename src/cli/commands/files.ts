import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import type { DuplicateOf } from '../../domain/schemas/file.ts';
import { INGEST_FILE_JOB } from '../../domain/schemas/job.ts';
import { checkMetadata } from '../../operations/check-metadata.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { deleteEntity } from '../../operations/delete-entity.ts';
import { ValidationFailed } from '../../operations/errors.ts';
import { describeDuplicate, findDuplicateFile } from '../../operations/find-duplicate-file.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { uploadFile } from '../../operations/upload-file.ts';
import { isDiskFull } from '../../store/disk-full.ts';
import { nowIso } from '../../store/ids.ts';
import type { Store } from '../../store/store.ts';
import {
  CliError,
  configFrom,
  drainIngestQueue,
  type GlobalOptions,
  UsageError,
  withStore,
} from '../context.ts';
import { progressBar } from '../progress.ts';

type AddOptions = {
  template: string;
  title?: string;
  state?: string;
  type: string;
  publish: boolean;
  json: boolean;
  allowDuplicates: boolean;
};
type AddResult = {
  file: string;
  entityId: string | null;
  fileId: string | null;
  status: string;
  reason: string | null;
  pages: number | null;
  paragraphs: number | null;
  /** Set when the file was skipped because the same bytes are already in the collection. */
  duplicateOf?: DuplicateOf;
};

const findDuplicateOfBytes = (store: Parameters<typeof findDuplicateFile>[0]['store'], bytes: Buffer) =>
  findDuplicateFile({ store, sha256: createHash('sha256').update(bytes).digest('hex') });

const titleFromName = (file: string) => basename(file, extname(file)).replace(/[_-]+/g, ' ').trim() || file;

/**
 * The metadata every new document gets, checked once before any file is touched: a wrong template, state
 * or type is a usage error (exit 2) that writes nothing, not one failure per file.
 */
async function addMetadata(store: Store, opts: AddOptions): Promise<Record<string, unknown>> {
  const metadata: Record<string, unknown> = {};
  if (opts.template === 'Document') metadata.documentType = opts.type;
  if (opts.state) {
    const ids = await store.entities.findIdsByMetadata({
      template: 'State',
      key: 'iso3',
      value: opts.state,
    });
    if (ids.length !== 1) throw new UsageError(`No state with ISO3 code "${opts.state}"`);
    metadata.states = ids;
  }
  const template = await store.templates.findByName(opts.template);
  if (!template) throw new UsageError(`No template named "${opts.template}"`);
  try {
    await checkMetadata(store, template, metadata);
  } catch (err) {
    if (err instanceof ValidationFailed)
      throw new UsageError(err.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    throw err;
  }
  return metadata;
}

const why = (err: unknown) =>
  err instanceof ValidationFailed
    ? err.errors.map((e) => `${e.path}: ${e.message}`).join('; ')
    : isDiskFull(err)
      ? 'The disk is full; nothing was stored for this file.'
      : (err as Error).message;

/**
 * One file into one document. A file that cannot be read or is empty gets a failed row and no document;
 * a document whose file could not be stored is deleted again, so nothing is left half-made.
 */
async function addOne(
  store: Store,
  file: string,
  opts: AddOptions,
  metadata: Record<string, unknown>,
): Promise<AddResult> {
  const r: AddResult = {
    file,
    entityId: null,
    fileId: null,
    status: 'failed',
    reason: null,
    pages: null,
    paragraphs: null,
  };
  let content: Buffer;
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a regular file');
    content = await readFile(file);
  } catch (err) {
    r.reason = `Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
    return r;
  }
  if (content.length === 0) {
    r.reason = `${file} is empty (0 bytes); no document was created for it.`;
    return r;
  }
  const duplicate = opts.allowDuplicates ? null : await findDuplicateOfBytes(store, content);
  if (duplicate) {
    // Checked before the entity is created, so a skipped file leaves no document behind.
    return {
      ...r,
      status: 'duplicate',
      reason: `${describeDuplicate(duplicate)} [entity ${duplicate.entityId}, file ${duplicate.fileId}]; add it again with --allow-duplicates`,
      duplicateOf: duplicate,
    };
  }
  let entityId: string | null = null;
  try {
    const title = opts.title ?? titleFromName(file);
    entityId = (
      await createEntity({
        store,
        actor: OPERATOR,
        input: { template: opts.template, title, published: opts.publish, metadata },
      })
    ).id;
    const stored = await uploadFile({
      store,
      actor: OPERATOR,
      entityId,
      filename: basename(file),
      content,
    });
    return { ...r, entityId, fileId: stored.id, status: stored.status };
  } catch (err) {
    r.reason = why(err);
    if (entityId)
      await deleteEntity({ store, actor: OPERATOR, id: entityId }).catch((e: Error) => {
        r.entityId = entityId;
        r.reason += ` (the document ${entityId} made for it could not be removed: ${e.message})`;
      });
    return r;
  }
}

/** `add`, `paragraphs`, `reindex`: files into documents, and their text. */
export function registerFiles(program: Command) {
  program
    .command('add')
    .description('create one document per file and ingest it')
    .argument('<files...>')
    .option('--template <name>', 'template of the new entities', 'Document')
    .option('--title <title>', 'title (default: from the file name)')
    .option('--state <iso3>', 'link the documents to this state (ISO 3166 alpha-3)')
    .option('--type <documentType>', 'document type (Document template)', 'report')
    .option('--publish', 'publish the new documents', false)
    .option('--json', 'print a JSON list instead of text', false)
    .option('--allow-duplicates', 'add a file even when the same bytes are already in the collection', false)
    .action(async (files: string[], opts: AddOptions, cmd: Command) => {
      const config = configFrom(cmd.optsWithGlobals<GlobalOptions>());
      await withStore(config, async (store) => {
        const metadata = await addMetadata(store, opts);
        const results: AddResult[] = [];
        for (const file of files) results.push(await addOne(store, file, opts, metadata));
        const fileIds = results.flatMap((r) => (r.fileId ? [r.fileId] : []));
        const bar = progressBar('Processing', { quiet: opts.json });
        let done = 0;
        try {
          await drainIngestQueue(
            store,
            config,
            (e) => {
              if (e.type === 'finished' && fileIds.includes(e.fileId)) bar.update(++done, fileIds.length);
            },
            fileIds,
          );
        } finally {
          bar.stop();
          // Printed whatever happened above, with each file's state as it is now.
          for (const r of results.filter((x) => x.fileId)) {
            const f = await store.files.findById(r.fileId!);
            Object.assign(r, {
              status: f?.status ?? 'failed',
              reason: f ? f.reason : 'The file record is gone (its document was deleted meanwhile).',
              pages: f?.pageCount ?? null,
              paragraphs: f?.paragraphCount ?? null,
            });
          }
          if (opts.json) console.log(JSON.stringify(results, null, 2));
          else
            for (const r of results)
              console.log(
                `${r.file}: ${r.status}${r.reason ? ` — ${r.reason}` : ''}${r.pages !== null ? `; ${r.pages} page(s), ${r.paragraphs} paragraph(s)` : ''}${r.fileId ? ` [entity ${r.entityId}, file ${r.fileId}]` : ''}`,
              );
        }
        if (results.some((r) => r.status === 'failed')) process.exitCode = 1;
      });
    });

  program
    .command('paragraphs')
    .description("print a file's paragraphs with page and offsets")
    .argument('<fileId>')
    .option('--json', 'print JSON', false)
    .action(async (fileId: string, opts: { json: boolean }, cmd: Command) => {
      const config = configFrom(cmd.optsWithGlobals<GlobalOptions>());
      await withStore(config, async (store) => {
        const status = await store.fileText.status(fileId);
        if (!status) throw new CliError(`No file with id "${fileId}"`);
        const rows = await store.fileText.paragraphs(fileId);
        if (opts.json)
          return console.log(
            JSON.stringify(
              rows.map((r) => ({ ...r, is_heading: !!r.is_heading })),
              null,
              2,
            ),
          );
        if (status.status !== 'ready')
          console.log(`(file is ${status.status}${status.reason ? `: ${status.reason}` : ''})`);
        for (const r of rows) {
          const pages = r.page_end !== r.page ? `${r.page}–${r.page_end}` : `${r.page}`;
          console.log(
            `#${r.ordinal} p.${pages} [${r.start}–${r.end}]${r.is_heading ? ' (heading)' : ''} ${r.text}`,
          );
        }
      });
    });

  program
    .command('reindex')
    .description(
      're-extract every file and rebuild the search index (paragraph ids kept where text is unchanged)',
    )
    .action(async (_o, cmd: Command) => {
      const config = configFrom(cmd.optsWithGlobals<GlobalOptions>());
      await withStore(config, async (store) => {
        const ids = await store.fileText.allFileIds();
        for (const fileId of ids) await store.jobs.enqueue(INGEST_FILE_JOB, { fileId }, nowIso());
        const bar = progressBar('Re-extracting');
        let done = 0;
        await drainIngestQueue(store, config, (e) => {
          if (e.type === 'finished') bar.update(++done, ids.length);
        });
        bar.stop();
        const index = progressBar('Search index');
        await store.searchIndex.reindexAll({ onProgress: (d, t) => index.update(d, t) });
        index.stop();
        console.log(`Re-extracted ${ids.length} file(s) and rebuilt the search index.`);
      });
    });
}
