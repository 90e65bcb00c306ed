import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.ts';
import { registerDemo } from './commands/demo.ts';
import { registerExportCsv } from './commands/export-csv.ts';
import { registerExportImport } from './commands/export-import.ts';
import { registerFiles } from './commands/files.ts';
import { registerImportCsv } from './commands/import-csv.ts';
import { registerImportUwazi } from './commands/import-uwazi.ts';
import { registerMigrateStore } from './commands/migrate-store.ts';
import { registerOcr } from './commands/ocr.ts';
import { registerServe } from './commands/serve.ts';
import { registerToc } from './commands/toc.ts';
import { registerUser } from './commands/user.ts';
import { CliError } from './context.ts';

const program = new Command('cyberportal')
  .description('Cyber Policy Portal: profiles, documents, search and connections for cyber policy')
  .option('-d, --data <dir>', 'data directory (default CYBERPORTAL_DATA or ./data)')
  .option(
    '--database <url>',
    'PostgreSQL database postgres://… (default CYBERPORTAL_DATABASE_URL; without: SQLite in the data directory)',
  )
  .showHelpAfterError()
  .exitOverride();

registerServe(program);
registerDemo(program);
registerImportCsv(program);
registerExportCsv(program);
registerUser(program);
registerFiles(program);
registerOcr(program);
registerToc(program);
registerExportImport(program);
registerMigrateStore(program);
registerImportUwazi(program);

try {
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
