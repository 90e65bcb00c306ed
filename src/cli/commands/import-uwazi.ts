import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import {
  CliError,
  configFrom,
  drainIngestQueue,
  type GlobalOptions,
  UsageError,
  withStore,
} from '../context.ts';

/**
 * `import-uwazi DUMP_DIR [--files DIR] [--dry-run] [--json]`: an Uwazi database (mongodump) into the
 * collection, its documents through our ingestion. Exit 0 when nothing failed, 1 when some records could not
 * be imported (the report says which and why; the others are in), 2 for a wrong command line.
 */
export function registerImportUwazi(program: Command) {
  program
    .command('import-uwazi')
    .description(
      'import an Uwazi database from a mongodump folder (BSON) and its uploaded files; a second run changes nothing',
    )
    .argument(
      '<dump-dir>',
      'the mongodump folder of the Uwazi database (holding entities.bson, templates.bson…)',
    )
    .option(
      '--files <dir>',
      "Uwazi's uploaded_documents folder (default: uploaded_documents beside the dump)",
    )
    .option('--dry-run', 'read, map and validate everything and report; write nothing')
    .option('--json', 'print the report as JSON')
    .action(
      async (dumpDir: string, opts: { files?: string; dryRun?: boolean; json?: boolean }, cmd: Command) => {
        if (!existsSync(dumpDir)) throw new UsageError(`No folder ${dumpDir}`);
        if (opts.files !== undefined && !existsSync(opts.files))
          throw new UsageError(`No folder ${opts.files}`);
        const config = configFrom(cmd.optsWithGlobals<GlobalOptions>());
        // Loaded on demand: every other command starts without the BSON reader and the mapping modules.
        const { formatReport, importUwazi } = await import('../../operations/import-uwazi/import-uwazi.ts');
        const report = await withStore(config, async (store) => {
          try {
            return await importUwazi({
              store,
              dumpDir,
              ...(opts.files !== undefined ? { filesDir: opts.files } : {}),
              dryRun: Boolean(opts.dryRun),
              drain: () => drainIngestQueue(store, config),
            });
          } catch (err) {
            throw new CliError(`Uwazi import stopped: ${(err as Error).message}`);
          }
        });
        console.log(opts.json ? JSON.stringify(report, null, 2) : formatReport(report));
        if (Object.values(report.kinds).some((k) => k.failed.length)) process.exitCode = 1;
      },
    );
}
