/**
 * The reader's side of opening a document: cold loads of `/documents/:id` in Chromium against a real server,
 * timed from navigation start to the first page's selectable text and to its first connection highlight.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../e2e/support/browser.ts';
import { WEB_ROOT } from '../../e2e/support/start-portal.ts';
import type { Config } from '../../src/config.ts';
import { startPortal } from '../../src/server/start-portal.ts';
import { openStore } from '../../src/store/store.ts';

export type ViewerTiming = {
  label: string;
  /** Cold (empty cache): to page 1's selectable text, and to the first highlight drawn. */
  text: number[];
  highlight: number[];
  /** Reloaded with the app, pdf.js and the PDF in the HTTP cache: to the first highlight drawn. */
  warm: number[];
};

const HIGHLIGHT = '.viewer__mark--reference, .viewer__run--reference';

/** `runs` cold loads (a new browser context each: empty cache) of each document; null without a built web app. */
export async function measureViewerOpen(
  config: Config,
  documents: { label: string; entityId: string }[],
  runs: number,
): Promise<ViewerTiming[] | null> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) return null;
  // Its own connection to the data directory: the server closes it, the benchmark keeps writing on its own.
  const store = await openStore(config.dataDir);
  const server = await startPortal({ ...config, port: 0, host: '127.0.0.1' }, { store, webRoot: WEB_ROOT });
  const base = server.url.replace(/\/$/, '');
  const browser = await launchChromium();
  const out: ViewerTiming[] = [];
  try {
    for (const d of documents) {
      const timing: ViewerTiming = { label: d.label, text: [], highlight: [], warm: [] };
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        await page.goto(`${base}/documents/${d.entityId}`);
        await page.locator('.viewer__page[data-page="1"] [data-start]').first().waitFor({ timeout: 30_000 });
        timing.text.push(await page.evaluate(() => performance.now()));
        await page.locator(HIGHLIGHT).first().waitFor({ state: 'attached', timeout: 30_000 });
        timing.highlight.push(await page.evaluate(() => performance.now()));
        await page.reload();
        await page.locator(HIGHLIGHT).first().waitFor({ state: 'attached', timeout: 30_000 });
        timing.warm.push(await page.evaluate(() => performance.now()));
        await context.close();
      }
      out.push(timing);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}
