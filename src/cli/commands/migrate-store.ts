import { resolve } from 'node:path';
import type { Command } from 'commander';
import { MigrationError, migrateStore } from '../../operations/migrate-store.ts';
import { openStore, openStoreAt, type StoreLocator } from '../../store/store.ts';
import { CliError, UsageError } from '../context.ts';
import { progressBar } from '../progress.ts';

/** A target named on the command line: a PostgreSQL URL, or a directory for a new embedded store. */
function targetOf(to: string, files: string | undefined, from: string): StoreLocator {
  if (/^postgres(ql)?:\/\//.test(to)) return { engine: 'postgres', url: to, dataDir: resolve(files ?? from) };
  if (files)
    throw new UsageError('--files goes with a PostgreSQL target; a directory target keeps its own files');
  return { engine: 'sqlite', dataDir: resolve(to) };
}

/** `migrate-store --from DATA_DIR --to postgres://…`: a whole embedded collection into another store. */
export function registerMigrateStore(program: Command) {
  program
    .command('migrate-store')
    .description(
      'copy a whole collection (rows, anchors, original files) from a data directory into an empty PostgreSQL database (or data directory), then check every table row by row',
    )
    .requiredOption('--from <dir>', 'the data directory of the embedded store to read (left unchanged)')
    .requiredOption('--to <target>', 'postgres://user@host/db, or a new data directory')
    .option(
      '--files <dir>',
      "where the PostgreSQL deployment keeps originals (default: the --from directory's, shared by the servers)",
    )
    .action(async (opts: { from: string; to: string; files?: string }) => {
      const locator = targetOf(opts.to, opts.files, opts.from);
      const source = await openStore(resolve(opts.from));
      try {
        const target = await openStoreAt(locator);
        try {
          const rows = progressBar('Rows');
          const report = await migrateStore({
            source,
            target,
            onProgress: (p) => (p.step === 'rows' ? rows.update(p.done, p.total) : undefined),
          });
          rows.stop();
          const width = Math.max(...report.tables.map((t) => t.table.length));
          for (const t of report.tables)
            console.log(
              `${t.table.padEnd(width)}  ${String(t.source).padStart(8)} → ${String(t.target).padStart(8)}  ${t.same ? 'same' : 'DIFFERENT'}`,
            );
          console.log(
            `${report.files} original file(s)${report.requeued ? `; ${report.requeued} unfinished file(s) queued again` : ''}.`,
          );
          const bad = report.tables.filter((t) => !t.same);
          if (bad.length)
            throw new CliError(
              `The check found differences in ${bad.map((t) => t.table).join(', ')}; do not switch to the target.`,
            );
          console.log(
            'Every table checked row by row: the target holds the same collection. Accounts must sign in again.',
          );
        } finally {
          await target.close();
        }
      } catch (err) {
        if (err instanceof MigrationError) throw new CliError(err.message);
        throw err;
      } finally {
        await source.close();
      }
    });
}
