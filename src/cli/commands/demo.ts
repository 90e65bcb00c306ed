import type { Command } from 'commander';
import { createDemoConnections } from '../../demo/create-demo-connections.ts';
import { hasCollection, loadDemo } from '../../demo/load-demo.ts';
import { countJobs } from '../../store/sqlite/jobs-queue.ts';
import { CliError, configFrom, drainIngestQueue, type GlobalOptions, withStore } from '../context.ts';
import { progressBar } from '../progress.ts';

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
        const bar = progressBar('Demo collection');
        const r = await loadDemo({ store, onProgress: (p) => bar.update(p.done, p.total) });
        bar.stop();
        const files = progressBar('Processing sample PDFs');
        let done = 0;
        await drainIngestQueue(store, config, (e) => {
          if (e.type === 'finished') files.update(++done, r.documents.length);
        });
        files.stop();
        // Connections anchor on the ingested paragraphs, so they come after the queue is drained.
        const connections = await createDemoConnections({ store, documents: r.documents });
        console.log(
          `Loaded ${r.states} states, ${r.organisations} organisations, ${r.documents.length} documents and ${connections.created} connections between their passages.`,
        );
      });
    });
  program
    .command('jobs')
    .description('show background jobs by status')
    .action(async (_o, cmd: Command) => {
      const config = configFrom(cmd.optsWithGlobals<GlobalOptions>());
      await withStore(config, async (store) => {
        const counts = countJobs(store.sqlite.sqlite);
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
