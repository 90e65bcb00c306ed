import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { ValidationFailed } from '../../operations/errors.ts';
import {
  CliError,
  configFrom,
  drainIngestQueue,
  type GlobalOptions,
  UsageError,
  withStore,
} from '../context.ts';

/**
 * `import-uwazi DUMP_DIR [--files DIR] [--dry-run] [--json] [--state-template NAME] [--organisation-template
 * NAME]`: an Uwazi database (mongodump) into the collection, its documents through our ingestion; the two
 * options point the site's profile settings at templates (ours or the dump's, by name or label), and the
 * report says what the settings name afterwards or that they name no existing template. Exit 0 when nothing failed, 1 when some records could not
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
    .option(
      '--state-template <name>',
      "the template whose entities are the site's State profiles (an Uwazi template's name or label, e.g. Country)",
    )
    .option(
      '--organisation-template <name>',
      "the template whose entities are the site's Organisation profiles (e.g. Organization)",
    )
    .action(
      async (
        dumpDir: string,
        opts: {
          files?: string;
          dryRun?: boolean;
          json?: boolean;
          stateTemplate?: string;
          organisationTemplate?: string;
        },
        cmd: Command,
      ) => {
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
              profiles: { state: opts.stateTemplate, organisation: opts.organisationTemplate },
            });
          } catch (err) {
            // A profile option naming no template: said before anything was written.
            if (err instanceof ValidationFailed)
              throw new UsageError(err.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
            throw new CliError(`Uwazi import stopped: ${(err as Error).message}`);
          }
        });
        console.log(opts.json ? JSON.stringify(report, null, 2) : formatReport(report));
        if (Object.values(report.kinds).some((k) => k.failed.length)) process.exitCode = 1;
      },
    );
}
