import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { SearchQuery } from '../../domain/schemas/search.ts';
import { exportSearch } from '../../operations/export-search.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { openSearch } from '../../store/open-search.ts';
import { configFrom, type GlobalOptions, UsageError, withStore } from '../context.ts';

type Options = {
  q: string;
  template?: string;
  query?: string;
  format: string;
  languages: string;
  out?: string;
};

/**
 * `cyberportal export-csv [--q WORDS] [--template NAME] [--query QS] [--languages all] [--out FILE]`: every result of a search,
 * all of them (no cap), as the CSV people read (one row per entity, one column per property under its
 * label, thesaurus labels and related titles, the best passage and its page for words, UTF-8 with BOM).
 * `--query` takes the query string of the Search page's address, filters included.
 */
export function registerExportCsv(program: Command): void {
  program
    .command('export-csv')
    .description('write every result of a search as a readable CSV (or --format json: the records)')
    .option('--q <words>', 'words, "phrases", OR, -exclusion, prefix*', '')
    .option('--template <name>', 'only entities of this template')
    .option('--query <querystring>', "the Search page's query string, e.g. 'q=cyber&f.status=in-force'")
    .option('--format <format>', 'csv (for people) or json (the records as stored)', 'csv')
    .option(
      '--languages <which>',
      "reader (one column per property, in --query's lang) or all (Title__fr, <label>__fr… for each language, which import-csv reads back)",
      'reader',
    )
    .option('--out <file>', 'write to this file instead of the standard output')
    .action(async (opts: Options, cmd: Command) => {
      const config = configFrom(cmd.optsWithGlobals<GlobalOptions>());
      if (opts.format !== 'csv' && opts.format !== 'json')
        throw new UsageError('--format must be csv or json');
      if (opts.languages !== 'reader' && opts.languages !== 'all')
        throw new UsageError('--languages must be reader or all');
      const params = Object.fromEntries(new URLSearchParams(opts.query ?? ''));
      const parsed = SearchQuery.safeParse({
        ...params,
        ...(opts.q ? { q: opts.q } : {}),
        ...(opts.template ? { template: opts.template } : {}),
      });
      if (!parsed.success)
        throw new UsageError(`Invalid search: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      await withStore(config, async (store) => {
        const search = openSearch(store, { workers: 0, timeoutMs: config.searchTimeoutMs, cache: false });
        const out = opts.out ? createWriteStream(opts.out) : process.stdout;
        try {
          const chunks = await exportSearch({
            store,
            search,
            actor: OPERATOR,
            query: parsed.data,
            format: opts.format as 'csv' | 'json',
            languages: opts.languages as 'reader' | 'all',
          });
          for await (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
        } finally {
          await search.close();
          if (opts.out) await new Promise((r) => (out as ReturnType<typeof createWriteStream>).end(r));
        }
      });
    });
}
