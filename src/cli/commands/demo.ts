import type { Command } from 'commander';
import { hasCollection } from '../../demo/load-demo.ts';
import { CliError, configFrom, type GlobalOptions, withStore } from '../context.ts';
import { installDemoCollection } from '../demo-collection.ts';

/** `demo` loads the demo collection and processes its PDFs; `jobs` shows the queue. */
export function registerDemo(program: Command) {
  program
    .command('demo')
    .description('load the demo collection (states, organisations, thesauri, glossary, sample documents)')
    .action(async (_o, cmd: Command) => {
      const config = configFrom(cmd.optsWithGlobals<GlobalOptions>());
      await withStore(config, async (store) => {
        if (await hasCollection(store))
          throw new CliError(
            `${config.dataDir} already holds a collection; use a new --data directory for the demo.`,
          );
        const r = await installDemoCollection(store, config);
        console.log(
          `Loaded ${r.states} states, ${r.organisations} organisations, ${r.documents.length} documents and ${r.connections} connections between their passages.`,
        );
      });
    });
  program
    .command('jobs')
    .description('show background jobs by status')
    .action(async (_o, cmd: Command) => {
      const config = configFrom(cmd.optsWithGlobals<GlobalOptions>());
      await withStore(config, async (store) => {
        const counts = await store.jobs.countByStatus();
        console.log(
          Object.keys(counts).length
            ? Object.entries(counts)
                .map(([s, n]) => `${s}: ${n}`)
                .join('\n')
            : 'no jobs',
        );
      });
    });
}
