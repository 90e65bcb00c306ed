import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { downloadText, launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

/**
 * Bulk work in Browse (issue 10, item 5) and a file's versions (item 4): an editor ticks profiles in Browse as
 * in Search (one, a shift-click range, "select all N"), publishes them, a reader then sees them, Undo takes
 * them back; and the editor's files list every version of a file, each downloadable with its own bytes. The
 * journeys' entities are their own and are deleted at the end.
 */
describe('browse bulk selection and file versions', () => {
  let browser: Browser;
  const url = inject('portalUrl');
  const made: string[] = [];
  let session: { ctx: BrowserContext; headers: Record<string, string> } | undefined;

  async function signedIn(viewport: keyof typeof VIEWPORTS = 'desktop') {
    const ctx = await browser.newContext({
      viewport: VIEWPORTS[viewport],
      acceptDownloads: true,
      ...(viewport === 'phone' ? { hasTouch: true, isMobile: true, deviceScaleFactor: 1 } : {}),
    });
    const res = await ctx.request.post(`${url}/api/v1/session`, { data: inject('editorLogin') });
    expect(res.status()).toBe(200);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { ctx, headers: { 'x-csrf-token': csrfToken } };
  }

  beforeAll(async () => {
    browser = await launchChromium();
    session = await signedIn();
  });
  afterAll(async () => {
    if (session && made.length)
      await session.ctx.request.post(`${url}/api/v1/entities/bulk`, {
        headers: session.headers,
        data: { ids: made, action: 'delete' },
      });
    await session?.ctx.close();
    await browser?.close();
  });

  it('ticks profiles in Browse with a shift-click range and "select all", publishes them, and Undo unpublishes', {
    timeout: 240_000,
  }, async () => {
    const { ctx, headers } = await signedIn();
    for (const n of ['One', 'Two', 'Three', 'Four']) {
      const res = await ctx.request.post(`${url}/api/v1/entities`, {
        headers,
        data: { template: 'Organisation', title: `Numbatbrowse Forum ${n}`, published: false },
      });
      expect(res.status(), await res.text()).toBe(201);
      made.push(((await res.json()) as { id: string }).id);
    }
    const published = async () => {
      let n = 0;
      for (const id of made)
        n += ((await (await fetch(`${url}/api/v1/entities/${id}`)).status) === 200 ? 1 : 0) as number;
      return n;
    };
    expect(await published()).toBe(0);

    const page = await ctx.newPage();
    await page.goto(`${url}/en/browse?q=numbatbrowse&by=type`);
    const bar = page.getByRole('region', { name: 'Selected results' });
    await expect.poll(() => bar.textContent(), { timeout: 30_000 }).toContain('0 of 4 selected');
    const boxes = page.locator('.sresult__select');
    await boxes.nth(0).click();
    await boxes.nth(2).click({ modifiers: ['Shift'] });
    await expect.poll(() => bar.textContent()).toContain('3 of 4 selected');
    expect(await boxes.nth(1).isChecked()).toBe(true);
    expect(await boxes.nth(3).isChecked()).toBe(false);
    await bar.getByRole('button', { name: 'Select all 4 results' }).click();
    await expect.poll(() => bar.textContent()).toContain('4 of 4 selected');
    await expectAccessible(page, 'browse bulk selection');
    await screenshot(page, 'browse-bulk-selected', { fullPage: false });

    await bar.getByRole('button', { name: 'Publish', exact: true }).click();
    const toast = page.locator('.toast__box');
    await expect.poll(() => toast.textContent()).toContain('Changed: 4;');
    expect(await published()).toBe(4);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => published()).toBe(0);

    // The table view ticks the same way.
    await page.goto(`${url}/en/browse?q=numbatbrowse&by=type&view=table`);
    await expect.poll(() => page.locator('.rtable .sresult__select').count(), { timeout: 30_000 }).toBe(4);
    await page.locator('.rtable .sresult__select').nth(3).click();
    await expect.poll(() => bar.textContent()).toContain('1 of 4 selected');
    await expectAccessible(page, 'browse bulk table');
    await page.close();

    // A phone: the boxes and the bar fit without a sideways scroll.
    const phone = await signedIn('phone');
    const small = await phone.ctx.newPage();
    await small.goto(`${url}/en/browse?q=numbatbrowse&by=type`);
    const phoneBar = small.getByRole('region', { name: 'Selected results' });
    await expect.poll(() => phoneBar.textContent(), { timeout: 30_000 }).toContain('0 of 4 selected');
    await small.locator('.sresult__select').nth(0).click();
    await expect.poll(() => phoneBar.textContent()).toContain('1 of 4 selected');
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(small, 'browse bulk phone');
    await screenshot(small, 'browse-bulk-phone', { fullPage: false });
    await phone.ctx.close();
    await ctx.close();
  });

  it('lists every version of a file in the editor and downloads each with its own bytes', {
    timeout: 240_000,
  }, async () => {
    const { ctx, headers } = await signedIn();
    const res = await ctx.request.post(`${url}/api/v1/entities`, {
      headers,
      data: {
        template: 'Document',
        title: 'Numbatland Cyber Strategy (versions)',
        published: true,
        metadata: { documentType: 'national-strategy' },
      },
    });
    const doc = (await res.json()) as { id: string };
    made.push(doc.id);
    const file = (name: string, text: string) => ({
      file: { name, mimeType: 'text/plain', buffer: Buffer.from(text) },
    });
    const first = await ctx.request.post(`${url}/api/v1/entities/${doc.id}/files`, {
      headers,
      multipart: file('numbatland-2019.txt', 'Numbatland strategy, first edition 2019.'),
    });
    expect(first.status(), await first.text()).toBe(202);
    const fileId = ((await first.json()) as { id: string }).id;
    const second = await ctx.request.post(`${url}/api/v1/files/${fileId}/versions`, {
      headers,
      multipart: file('numbatland-2024.txt', 'Numbatland strategy, second edition 2024.'),
    });
    expect(second.status(), await second.text()).toBe(202);

    const page = await ctx.newPage();
    await page.goto(`${url}/en/entities/${doc.id}/edit`);
    const history = page.locator('.fversions');
    await expect.poll(() => history.count(), { timeout: 20_000 }).toBe(1);
    await history.locator('summary').click();
    const items = history.locator('.fversions__item');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toContain('Version 2 (current)');
    expect(await items.nth(0).textContent()).toContain('numbatland-2024.txt');
    expect(await items.nth(1).textContent()).toContain('numbatland-2019.txt');
    await expectAccessible(page, 'file versions');
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'editor-file-versions', { fullPage: false });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download version 1 (numbatland-2019.txt)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('numbatland-2019.txt');
    expect(await downloadText(download)).toBe('Numbatland strategy, first edition 2019.');
    await ctx.close();
  });
});
