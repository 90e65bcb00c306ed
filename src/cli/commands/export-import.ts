import type { Command } from 'commander';
import { exportCollection } from '../../operations/export-collection.ts';
import { ImportError, importCollection } from '../../operations/import-collection.ts';
import { CliError, configFrom, type GlobalOptions, withStore } from '../context.ts';
import { progressBar } from '../progress.ts';

const summary = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');

/** `export FILE` and `import FILE`: the whole collection as one archive. */
export function registerExportImport(program: Command) {
  program
    .command('export')
    .description(
      'write the whole collection (records + original files) to a .tar.gz archive, readable by its owner only',
    )
    .argument('<file>', 'archive to write, e.g. collection.tar.gz')
    .option('--with-accounts', 'include user accounts with their password hashes (left out by default)')
    .action(async (file: string, opts: { withAccounts?: boolean }, cmd: Command) => {
      const config = configFrom(cmd.optsWithGlobals<GlobalOptions>());
      await withStore(config, async (store) => {
        const bar = progressBar('Exporting');
        const r = await exportCollection({
          store,
          out: file,
          withAccounts: Boolean(opts.withAccounts),
          onProgress: (p) => bar.update(p.done, p.total),
        });
        bar.stop();
        console.log(
          `Exported to ${file}: ${summary(r.counts)}; ${r.files} original file(s); ${
            r.accounts
              ? 'with accounts (password hashes): keep the archive private'
              : 'without accounts (--with-accounts to include them; after import, add an admin with `cyberportal user add`)'
          }.`,
        );
      });
    });
  program
    .command('import')
    .description('load an archive written by `export` into an empty data directory')
    .argument('<file>', 'archive to read')
    .action(async (file: string, _o, cmd: Command) => {
      const config = configFrom(cmd.optsWithGlobals<GlobalOptions>());
      await withStore(config, async (store) => {
        const bar = progressBar('Importing');
        try {
          const r = await importCollection({
            store,
            archive: file,
            onProgress: (p) => bar.update(p.done, p.total),
          });
          bar.stop();
          console.log(
            `Imported ${file} into ${config.dataDir}: ${summary(r.counts)}; ${r.files} original file(s).`,
          );
          if (r.requeued) console.log(`${r.requeued} file(s) were not yet processed; they are queued again.`);
        } catch (err) {
          bar.stop();
          if (err instanceof ImportError)
            throw new CliError(`Import failed, nothing was changed: ${err.message}`);
          throw err;
        }
      });
    });
}
