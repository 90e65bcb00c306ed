import type { Command } from 'commander';
import { NotFound } from '../../operations/errors.ts';
import { getFileToc } from '../../operations/get-file-toc.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { CliError, configFrom, type GlobalOptions, withStore } from '../context.ts';

/** `cyberportal toc FILE_ID [--json]`: a file's table of contents → [{label, level, page, paragraphId}]. */
export function registerToc(program: Command): void {
  program
    .command('toc')
    .description("print a file's table of contents (its PDF outline, else its headings)")
    .argument('<fileId>')
    .option('--json', 'print JSON: [{label, level, page, paragraphId}]', false)
    .action(async (fileId: string, opts: { json: boolean }, cmd: Command) => {
      const config = configFrom(cmd.optsWithGlobals<GlobalOptions>());
      await withStore(config, async (store) => {
        let entries: Awaited<ReturnType<typeof getFileToc>>;
        try {
          entries = await getFileToc({ store, actor: OPERATOR, fileId });
        } catch (err) {
          if (err instanceof NotFound) throw new CliError(`No file with id "${fileId}"`);
          throw err;
        }
        if (opts.json) return console.log(JSON.stringify(entries, null, 2));
        if (entries.length === 0) return console.log('(no table of contents: no outline and no headings)');
        for (const e of entries) console.log(`${'  '.repeat(e.level - 1)}${e.label} … p.${e.page}`);
      });
    });
}
