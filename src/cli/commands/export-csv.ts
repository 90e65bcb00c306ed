import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { SearchQuery } from '../../domain/schemas/search.ts';
import { exportSearch } from '../../operations/export-search.ts';
import { exportSearchZip } from '../../operations/export-zip.ts';
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
  withFiles?: boolean;
  publicUrl?: string;
};

/**
 * `cyberportal export-csv [--q WORDS] [--template NAME] [--query QS] [--languages all] [--out FILE]
 * [--with-files] [--public-url URL]`: every result of a search,
 * all of them (no cap), as the CSV people read (one row per entity, one column per property under its
 * label, thesaurus labels and related titles, the best passage and its page for words, UTF-8 with BOM).
 * `--query` takes the query string of the Search page's address, filters included. `--with-files` writes
 * a ZIP the CSV import reads back (one template: import.csv and the entities' files); `--public-url` (else
 * CYBERPORTAL_PUBLIC_URL) makes this site's file addresses in media and image cells full web addresses.
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
    .option(
      '--with-files',
      "a ZIP in the import's format (needs --template and --out): import.csv plus each entity's documents and attachments",
    )
    .option(
      '--public-url <url>',
      "the portal's address (https://portal.example) for full file addresses; default CYBERPORTAL_PUBLIC_URL",
    )
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
      if (opts.withFiles && (!opts.out || !parsed.data.template || opts.format !== 'csv'))
        throw new UsageError(
          '--with-files writes a ZIP of one template: give --template NAME and --out FILE.zip',
        );
      let origin = config.publicUrl ?? undefined;
      if (opts.publicUrl) {
        if (!URL.canParse(opts.publicUrl) || !/^https?:$/.test(new URL(opts.publicUrl).protocol))
          throw new UsageError('--public-url must be an http(s) address, e.g. https://portal.example');
        origin = new URL(opts.publicUrl).origin;
      }
      if (!origin && opts.format === 'csv')
        process.stderr.write(
          "Note: no --public-url (or CYBERPORTAL_PUBLIC_URL): addresses of this site's files stay relative (/api/v1/files/…)\n",
        );
      await withStore(config, async (store) => {
        const search = openSearch(store, { workers: 0, timeoutMs: config.searchTimeoutMs, cache: false });
        if (opts.withFiles) {
          try {
            const zip = await exportSearchZip({
              store,
              search,
              actor: OPERATOR,
              query: parsed.data,
              languages: opts.languages as 'reader' | 'all',
              origin,
            });
            await pipeline(zip, createWriteStream(opts.out!));
          } finally {
            await search.close();
          }
          return;
        }
        const out = opts.out ? createWriteStream(opts.out) : process.stdout;
        try {
          const chunks = await exportSearch({
            store,
            search,
            actor: OPERATOR,
            query: parsed.data,
            format: opts.format as 'csv' | 'json',
            languages: opts.languages as 'reader' | 'all',
            origin,
          });
          for await (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
        } finally {
          await search.close();
          if (opts.out) await new Promise((r) => (out as ReturnType<typeof createWriteStream>).end(r));
        }
      });
    });
}
