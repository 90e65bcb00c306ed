import type { Config } from '../config.ts';
import { createDemoConnections } from '../demo/create-demo-connections.ts';
import { type DemoResult, loadDemo } from '../demo/load-demo.ts';
import type { Store } from '../store/store.ts';
import { drainIngestQueue } from './context.ts';
import { progressBar } from './progress.ts';

/**
 * The demo as `cyberportal demo` and the first `serve` install it, with progress bars: the collection, its
 * PDFs processed, then the connections between their passages (they anchor on the ingested paragraphs, so
 * they come after the queue is drained).
 */
export async function installDemoCollection(
  store: Store,
  config: Config,
): Promise<DemoResult & { connections: number }> {
  const bar = progressBar('Demo collection');
  const demo = await loadDemo({ store, onProgress: (p) => bar.update(p.done, p.total) });
  bar.stop();
  const files = progressBar('Processing sample PDFs');
  let done = 0;
  await drainIngestQueue(store, config, (e) => {
    if (e.type === 'finished') files.update(++done, demo.documents.length);
  });
  files.stop();
  const { created } = await createDemoConnections({ store, documents: demo.documents });
  return { ...demo, connections: created };
}
