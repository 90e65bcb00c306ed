import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

const count = (page: Page) => page.locator('.sbar__count');
const total = async (page: Page) => Number.parseInt((await count(page).textContent()) ?? '', 10);

describe('search', () => {
  let browser: Browser;
  const url = inject('portalUrl');

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds highlighted passages, filters by a facet and keeps the whole state in the URL', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    await page.goto(`${url}/search`);
    const box = page.getByRole('searchbox', { name: 'Search profiles and documents' });
    await box.fill('due diligence');
    await box.press('Enter');
    await page.waitForURL(/[?&]q=due(\+|%20)diligence/);

    // The demo's PDFs are ingested in the background: reload until a passage of one of them matches.
    const marks = page.locator('.ssnippet__text mark');
    const deadline = Date.now() + 150_000;
    for (;;) {
      await expect.poll(() => count(page).textContent(), { timeout: 15_000 }).toMatch(/^\d+ results?$/);
      if ((await marks.count()) > 0) break;
      if (Date.now() > deadline) throw new Error('No highlighted snippet for "due diligence"');
      await page.waitForTimeout(3_000);
      await page.reload();
    }
    expect((await marks.first().textContent())?.toLowerCase()).toMatch(/due|diligence/);
    const pageLink = page.locator('.ssnippet__page').first();
    // Visible "p. N" first, then a hidden hint: the accessible name contains what is seen.
    expect(await pageLink.textContent()).toMatch(/^p\. \d+: open the document/);
    expect(await pageLink.getAttribute('href')).toMatch(
      /^\/en\/documents\/[^/?]+\?page=\d+(&file=[^#&]+)?#p-.+/,
    );
    const before = await total(page);
    expect(before).toBeGreaterThan(0);

    // Tick the first value that narrows the results; the URL and the announced count follow.
    const items = page.locator('.sfacet__item');
    let ticked = -1;
    let expected = 0;
    for (let i = 0; i < (await items.count()); i++) {
      const n = Number((await items.nth(i).locator('.sfacet__count').textContent()) ?? '0');
      if (n > 0 && n < before) {
        ticked = i;
        expected = n;
        break;
      }
    }
    expect(ticked).toBeGreaterThanOrEqual(0);
    const label = (await items.nth(ticked).locator('.sfacet__label').textContent()) ?? '';
    // click, not check(): the box is controlled by the URL, so its state settles after the navigation.
    await items.nth(ticked).getByRole('checkbox').click();
    await page.waitForURL(/[?&](f|missing)\.[a-zA-Z0-9]+=/);
    await expect
      .poll(() => page.locator('.sfacet__item', { hasText: label }).first().getByRole('checkbox').isChecked())
      .toBe(true);
    await expect.poll(() => total(page)).toBe(expected);
    const shared = page.url();
    await expectAccessible(page, 'search-desktop');
    await screenshot(page, 'search-desktop');

    // A reload (or the shared link) shows the same search.
    await page.reload();
    await expect.poll(() => total(page)).toBe(expected);
    expect(page.url()).toBe(shared);
    await expect.poll(() => box.inputValue()).toBe('due diligence');
    const again = page.locator('.sfacet__item', { hasText: label }).first().getByRole('checkbox');
    await expect.poll(() => again.isChecked()).toBe(true);
    await expect.poll(() => page.locator('.ssnippet__text mark').count()).toBeGreaterThan(0);

    const csv = await page.getByRole('link', { name: 'Download all results as CSV' }).getAttribute('href');
    expect(csv).toContain('/api/v1/search/export?');
    expect(csv).toContain('q=due+diligence');
    expect(csv).toContain('format=csv');
    // What the link downloads: the readable CSV, one row per result (issue 12), and every language's columns.
    const body = await (await page.request.get(`${url}${csv!.replace(/^https?:\/\/[^/]+/, '')}`)).text();
    expect(body.startsWith('\uFEFFTitle,Template,Published,Best passage,Page,')).toBe(true);
    expect(body.split('\r\n').filter(Boolean)).toHaveLength(expected + 1);
    const all = await page.getByRole('link', { name: 'CSV, all languages' }).getAttribute('href');
    expect(all).toContain('languages=all');
    const allBody = await (await page.request.get(`${url}${all!.replace(/^https?:\/\/[^/]+/, '')}`)).text();
    expect(allBody.split('\r\n')[0]).toContain(',Language,Title__ar,');
    expect(allBody.split('\r\n').filter(Boolean)).toHaveLength(expected + 1);
    await page.close();
  }, 240_000);

  it("narrows a search to the reader's language with one switch, kept in the URL", async () => {
    for (const [lang, viewport, name] of [
      ['fr', VIEWPORTS.desktop, 'search-only-language-desktop'],
      ['ar', VIEWPORTS.phone, 'search-only-language-phone-ar'],
    ] as const) {
      const page = await browser.newPage({ viewport });
      await page.goto(`${url}/${lang}/search?q=${encodeURIComponent('stratégie')}`);
      await expect.poll(() => count(page).textContent(), { timeout: 60_000 }).toMatch(/\d/);
      const only = page.getByRole('checkbox', {
        name: lang === 'fr' ? 'Uniquement en français' : 'باللغة العربية فقط',
      });
      expect(await only.isChecked()).toBe(false);
      await only.click();
      await page.waitForURL(new RegExp(`[?&]f\\.language=${lang}`));
      await expect.poll(() => only.isChecked()).toBe(true);
      await screenshot(page, name);
      // Unticked, the search is in every language again.
      await only.click();
      await expect.poll(() => page.url()).not.toMatch(/f\.language=/);
      await page.close();
    }
  }, 180_000);
});
