import type { Browser } from 'playwright-core';

/** The demo document whose PDF is the largest: the worst first visit of the viewer in the collection. */
export async function largestPdfDocument(
  base: string,
): Promise<{ id: string; title: string; bytes: number }> {
  const list = (await (await fetch(`${base}/api/v1/entities?template=Document&limit=100`)).json()) as {
    items: { id: string; title: string }[];
  };
  let best = { id: '', title: '', bytes: -1 };
  for (const e of list.items) {
    const view = (await (await fetch(`${base}/api/v1/entities/${e.id}/view`)).json()) as {
      files: { kind: string; size: number; status: string }[];
    };
    for (const f of view.files)
      if (f.kind === 'pdf' && f.status === 'ready' && f.size > best.bytes)
        best = { id: e.id, title: e.title, bytes: f.size };
  }
  if (!best.id) throw new Error('No ready PDF document in the collection');
  return best;
}

/** A reader's link rather than loopback: where request chains and bytes cost what they cost on the web. */
export const LINK = { latencyMs: 40, downloadMbit: 20, uploadMbit: 5 };

/**
 * Cold opens of `/documents/:id`: a new browser context each (empty cache and profile), timed from navigation
 * start to the `first-page-drawn` mark the viewer sets when pdf.js has painted its first page. With
 * `link`, Chromium emulates that network (DevTools protocol), so compression and request order show.
 */
export async function measureFirstPage(
  browser: Browser,
  url: string,
  runs: number,
  link?: typeof LINK,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    if (link) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: link.latencyMs,
        downloadThroughput: (link.downloadMbit * 1e6) / 8,
        uploadThroughput: (link.uploadMbit * 1e6) / 8,
      });
    }
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('first-page-drawn').length > 0, null, {
      timeout: 30_000,
    });
    times.push(
      await page.evaluate(() => performance.getEntriesByName('first-page-drawn')[0]?.startTime ?? 0),
    );
    await context.close();
  }
  return times;
}
