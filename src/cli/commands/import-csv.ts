import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { CsvFormatError } from '../../domain/csv/read-csv.ts';
import { ValidationFailed } from '../../operations/errors.ts';
import { mayWrite, planImportFile, previewOf } from '../../operations/import-csv/csv-import-jobs.ts';
import { runCsvImport } from '../../operations/import-csv/run-csv-import.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import {
  CliError,
  configFrom,
  drainIngestQueue,
  type GlobalOptions,
  UsageError,
  withStore,
} from '../context.ts';

type Options = {
  template: string;
  addValues: boolean;
  publish: boolean;
  dryRun: boolean;
  skipInvalid: boolean;
  json: boolean;
};

/**
 * `cyberportal import-csv FILE --template NAME`: entities from a CSV, or a ZIP with import.csv and files,
 * in Uwazi's CSV format. Reads and checks every row first; writes only when no row has a problem (or with
 * --skip-invalid, the valid rows). Exit 0 imported, 1 problems found (nothing written), 2 usage error.
 */
export function registerImportCsv(program: Command): void {
  program
    .command('import-csv')
    .description('import entities of one template from a CSV, or a ZIP holding import.csv and files')
    .argument('<file>')
    .requiredOption('--template <name>', 'the template of every row (e.g. Document)')
    .option('--add-values', 'add thesaurus values the file names that do not exist yet', false)
    .option('--publish', 'publish every row (unless a "published" column says otherwise)', false)
    .option('--dry-run', 'check every row and print what would be written; write nothing', false)
    .option('--skip-invalid', 'import the valid rows even when others have problems', false)
    .option('--json', 'print the report as JSON', false)
    .action(async (file: string, opts: Options, cmd: Command) => {
      const config = configFrom(cmd.optsWithGlobals<GlobalOptions>());
      const bytes = await readFile(file).catch((e: Error) => {
        throw new UsageError(`Cannot read ${file}: ${e.message}`);
      });
      await withStore(config, async (store) => {
        let planned: Awaited<ReturnType<typeof planImportFile>>;
        try {
          planned = await planImportFile(store, bytes, {
            template: opts.template,
            addNewValues: opts.addValues,
            publish: opts.publish,
          });
        } catch (err) {
          if (err instanceof CsvFormatError) throw new CliError(`${file}: ${err.message}`);
          if (err instanceof ValidationFailed)
            throw new (err.errors.some((e) => e.path === 'template') ? UsageError : CliError)(
              `${file}: ${err.errors.map((e) => e.message).join('; ')}`,
            );
          throw err;
        }
        const { source, plan } = planned;
        const blocked = !mayWrite(plan, opts.skipInvalid);
        const { template, rows, valid, problems, newValues, preview } = previewOf(plan);
        const report = {
          file: basename(file),
          template,
          rows,
          valid,
          problems,
          newValues,
          dryRun: opts.dryRun,
          written: !opts.dryRun && !blocked,
          preview,
        };
        if (opts.dryRun || blocked) {
          print(report, opts.json);
          if (blocked) process.exitCode = 1;
          return;
        }
        const result = await runCsvImport({
          store,
          actor: OPERATOR,
          plan,
          sha256: source.sha256,
          name: basename(file),
          fileContent: (n) => source.files.get(n),
          onProgress: opts.json
            ? undefined
            : ({ done, total }) => process.stderr.write(`\rimported ${done}/${total}`),
        });
        if (!opts.json) process.stderr.write('\n');
        if (result.filesAttached > 0) await drainIngestQueue(store, config);
        print({ ...report, ...result }, opts.json);
      });
    });
}

function print(
  report: Record<string, unknown> & { problems: { row?: number; column?: string; message: string }[] },
  json: boolean,
) {
  if (json) return console.log(JSON.stringify(report, null, 2));
  const r = report as Record<string, unknown>;
  console.log(
    `${r.file}: ${r.rows} rows for ${r.template}, ${r.valid} valid, ${report.problems.length} problems`,
  );
  for (const p of report.problems.slice(0, 200))
    console.log(`  ${p.row ? `row ${p.row}` : 'header'}${p.column ? `, ${p.column}` : ''}: ${p.message}`);
  if (report.problems.length > 200)
    console.log(`  … and ${report.problems.length - 200} more (use --json for all)`);
  const values = r.newValues as { thesaurus: string; label: string }[];
  if (values.length)
    console.log(`new thesaurus values: ${values.map((v) => `${v.thesaurus}: ${v.label}`).join(', ')}`);
  if (r.dryRun) console.log('dry run: nothing written');
  else if (!r.written)
    console.log('nothing written: fix the problems, or use --skip-invalid to import the valid rows');
  else
    console.log(
      `imported ${r.created} entities${r.resumedAfterRow ? ` (resumed after row ${r.resumedAfterRow})` : ''}, ${r.valuesAdded} new values, ${r.filesAttached} files`,
    );
}
