import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import type { DuplicateOf } from '../../domain/schemas/file.ts';
import { INGEST_FILE_JOB } from '../../domain/schemas/job.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { ValidationFailed } from '../../operations/errors.ts';
import { describeDuplicate, findDuplicateFile } from '../../operations/find-duplicate-file.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { uploadFile } from '../../operations/upload-file.ts';
import { reindexAll } from '../../search/indexer.ts';
import { findEntityIdsByMetadata } from '../../store/sqlite/entity-lookup.ts';
import { getFileStatus, listFileIds, listFileParagraphs } from '../../store/sqlite/file-text.ts';
import { nowIso } from '../../store/sqlite/ids.ts';
import { CliError, configFrom, drainIngestQueue, type GlobalOptions, withStore } from '../context.ts';
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
        const metadata: Record<string, unknown> = {};
        if (opts.template === 'Document') metadata.documentType = opts.type;
        if (opts.state) {
          const ids = findEntityIdsByMetadata(store.sqlite.sqlite, {
            template: 'State',
            key: 'iso3',
            value: opts.state,
          });
          if (ids.length !== 1) throw new CliError(`No state with ISO3 code "${opts.state}"`);
          metadata.states = ids;
        }
        const results: AddResult[] = [];
        for (const file of files) {
          const r: AddResult = {
            file,
            entityId: null,
            fileId: null,
            status: 'failed',
            reason: null,
            pages: null,
            paragraphs: null,
          };
          results.push(r);
          try {
            if (!(await stat(file)).isFile()) throw new Error('not a regular file');
          } catch (err) {
            r.reason = `Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
            continue;
          }
          const content = await readFile(file);
          const duplicate = opts.allowDuplicates ? null : await findDuplicateOfBytes(store, content);
          if (duplicate) {
            // Checked before the entity is created, so a skipped file leaves no document behind.
            Object.assign(r, {
              status: 'duplicate',
              reason: `${describeDuplicate(duplicate)} [entity ${duplicate.entityId}, file ${duplicate.fileId}]; add it again with --allow-duplicates`,
              duplicateOf: duplicate,
            });
            continue;
          }
          try {
            const title = opts.title ?? titleFromName(file);
            const entity = await createEntity({
              store,
              actor: OPERATOR,
              input: { template: opts.template, title, published: opts.publish, metadata },
            });
            r.entityId = entity.id;
            const stored = await uploadFile({
              store,
              actor: OPERATOR,
              entityId: entity.id,
              filename: basename(file),
              content,
            });
            r.fileId = stored.id;
          } catch (err) {
            if (err instanceof ValidationFailed)
              throw new CliError(err.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
            throw err;
          }
        }
        const todo = results.filter((r) => r.fileId).length;
        const bar = progressBar('Processing', { quiet: opts.json });
        let done = 0;
        await drainIngestQueue(store, config, (e) => {
          if (e.type === 'finished') bar.update(++done, todo);
        });
        bar.stop();
        for (const r of results.filter((x) => x.fileId)) {
          const f = await store.files.findById(r.fileId!);
          Object.assign(r, {
            status: f?.status,
            reason: f?.reason ?? null,
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
        if (results.some((r) => r.status === 'failed')) process.exitCode = 2;
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
        const status = getFileStatus(store.sqlite.sqlite, fileId);
        if (!status) throw new CliError(`No file with id "${fileId}"`);
        const rows = listFileParagraphs(store.sqlite.sqlite, fileId);
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
        const ids = listFileIds(store.sqlite.sqlite);
        for (const fileId of ids) await store.jobs.enqueue(INGEST_FILE_JOB, { fileId }, nowIso());
        const bar = progressBar('Re-extracting');
        let done = 0;
        await drainIngestQueue(store, config, (e) => {
          if (e.type === 'finished') bar.update(++done, ids.length);
        });
        bar.stop();
        const index = progressBar('Search index');
        reindexAll({ sqlite: store.sqlite.sqlite, onProgress: (d, t) => index.update(d, t) });
        index.stop();
        console.log(`Re-extracted ${ids.length} file(s) and rebuilt the search index.`);
      });
    });
}
