import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

/**
 * Bulk work in search results (issue 10, item 5, the web side): an editor ticks results (one, a shift-click
 * range, then "select all N"), publishes 50 at once with a progress bar, an anonymous reader then finds them,
 * and Undo takes them back. The 50 documents are the journey's own and are deleted at the end.
 */
describe('bulk publish from search', () => {
  let browser: Browser;
  const url = inject('portalUrl');
  const ids: string[] = [];
  let cleanup: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await cleanup?.();
    await browser?.close();
  });

  it('selects 50 results, publishes them with a progress bar, readers see them, Undo unpublishes them', async () => {
    const ctx = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const session = await ctx.request.post(`${url}/api/v1/session`, { data: inject('editorLogin') });
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': csrfToken };
    for (let i = 1; i <= 50; i++) {
      const res = await ctx.request.post(`${url}/api/v1/entities`, {
        headers,
        data: {
          template: 'Document',
          title: `Quokkabulk circular ${String(i).padStart(2, '0')}`,
          published: false,
          metadata: { documentType: 'guidance' },
        },
      });
      expect(res.status()).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    cleanup = async () => {
      await ctx.request.post(`${url}/api/v1/entities/bulk`, { headers, data: { ids, action: 'delete' } });
      await ctx.close();
    };
    const publishedCount = async () => {
      let n = 0;
      for (const id of ids)
        n += (
          (await (await ctx.request.get(`${url}/api/v1/entities/${id}`)).json()) as { published: boolean }
        ).published
          ? 1
          : 0;
      return n;
    };
    const anonymousTotal = async () => {
      const res = await fetch(`${url}/api/v1/search?q=quokkabulk`);
      return ((await res.json()) as { total: number }).total;
    };
    expect(await anonymousTotal()).toBe(0);

    const page = await ctx.newPage();
    await page.goto(`${url}/en/search?q=quokkabulk`);
    const bar = page.getByRole('region', { name: 'Selected results' });
    await expect.poll(() => bar.textContent()).toContain('0 of 50 selected');
    // One tick, then shift-click five further down: six ticked.
    const boxes = page.locator('.sresult__select');
    await boxes.nth(0).click();
    await boxes.nth(5).click({ modifiers: ['Shift'] });
    await expect.poll(() => bar.textContent()).toContain('6 of 50 selected');
    expect(await boxes.nth(3).isChecked()).toBe(true);
    expect(await boxes.nth(6).isChecked()).toBe(false);
    // Beyond the 20 shown: every result of the search.
    await bar.getByRole('button', { name: 'Select all 50 results' }).click();
    await expect.poll(() => bar.textContent()).toContain('50 of 50 selected');
    await expectAccessible(page, 'bulk selection');
    await screenshot(page, 'bulk-selected', { fullPage: false });

    await bar.getByRole('button', { name: 'Publish', exact: true }).click();
    const toast = page.locator('.toast__box');
    await expect.poll(() => toast.textContent()).toContain('Changed: 50; already so: 0; failed: 0.');
    expect(await publishedCount()).toBe(50);
    await expect.poll(anonymousTotal).toBe(50);

    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => toast.textContent()).toContain('Undone: 50 changes.');
    expect(await publishedCount()).toBe(0);
    await expect.poll(anonymousTotal).toBe(0);
    await page.close();

    // On a phone the bar wraps and every result keeps its tick box.
    const phone = await ctx.newPage();
    await phone.setViewportSize(VIEWPORTS.phone);
    await phone.goto(`${url}/en/search?q=quokkabulk`);
    await expect.poll(() => phone.locator('.sresult__select').count()).toBe(20);
    await phone.locator('.sresult__select').nth(0).click();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(phone, 'bulk phone');
    await screenshot(phone, 'bulk-phone', { fullPage: false });
    await phone.close();
  });
});
