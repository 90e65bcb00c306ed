import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.ts';
import { CliError } from './errors.ts';

/**
 * Each command's module, loaded only when that command runs: together they import the whole server, the
 * ingest pipeline and both stores (~5 s of CPU on the 2-core machine), while `user list` needs half of that.
 * In help order; a command line naming none of them (help, a typo) loads them all.
 */
const COMMANDS: [names: string[], load: () => Promise<(program: Command) => void>][] = [
  [['serve'], async () => (await import('./commands/serve.ts')).registerServe],
  [['demo', 'jobs'], async () => (await import('./commands/demo.ts')).registerDemo],
  [['import-csv'], async () => (await import('./commands/import-csv.ts')).registerImportCsv],
  [['export-csv'], async () => (await import('./commands/export-csv.ts')).registerExportCsv],
  [['user'], async () => (await import('./commands/user.ts')).registerUser],
  [['add', 'paragraphs', 'reindex'], async () => (await import('./commands/files.ts')).registerFiles],
  [['ocr'], async () => (await import('./commands/ocr.ts')).registerOcr],
  [['toc'], async () => (await import('./commands/toc.ts')).registerToc],
  [['export', 'import'], async () => (await import('./commands/export-import.ts')).registerExportImport],
  [['migrate-store'], async () => (await import('./commands/migrate-store.ts')).registerMigrateStore],
  [['import-uwazi'], async () => (await import('./commands/import-uwazi.ts')).registerImportUwazi],
];

const withGlobalOptions = (command: Command) =>
  command
    .option('-d, --data <dir>', 'data directory (default CYBERPORTAL_DATA or ./data)')
    .option(
      '--database <url>',
      'PostgreSQL database postgres://… (default CYBERPORTAL_DATABASE_URL; without: SQLite in the data directory)',
    );

const program = withGlobalOptions(
  new Command('cyberportal').description(
    'Cyber Policy Portal: profiles, documents, search and connections for cyber policy',
  ),
)
  .showHelpAfterError()
  .exitOverride();

/** The command the line names, after the global options (which take values, so `-d serve` is no command). */
function commandNamed(argv: string[]): string | undefined {
  const probe = withGlobalOptions(new Command()).allowUnknownOption().helpOption(false);
  return probe.parseOptions(argv).operands[0];
}

try {
  const named = commandNamed(process.argv.slice(2));
  const wanted = COMMANDS.filter(([names]) => named !== undefined && names.includes(named));
  for (const [, load] of wanted.length ? wanted : COMMANDS) (await load())(program);
  await program.parseAsync(process.argv);
} catch (err) {
  // Exit codes (README): 0 done, 1 the command ran and something failed, 2 usage error (bad option or argument).
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
  if (err instanceof CliError || err instanceof ConfigError) {
    console.error(`Error: ${err.message}`);
    process.exit(err instanceof CliError ? err.exitCode : 2);
  }
  throw err;
}
