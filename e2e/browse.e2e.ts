import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { downloadText, launchChromium, VIEWPORTS } from './support/browser.ts';

describe('browse', () => {
  let browser: Browser;
  let page: Page;
  const url = inject('portalUrl');

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('filters profiles by type, region, membership and document facets, all kept in the URL', async () => {
    page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    await page.goto(`${url}/browse`);
    const count = page.locator('.browse__count');
    await expect.poll(() => count.textContent()).toMatch(/\d+ profiles/);
    const total = Number.parseInt((await count.textContent()) ?? '0', 10);
    await expectAccessible(page, 'browse');
    await page.getByRole('combobox', { name: /^Type/ }).selectOption('State');
    await expect.poll(() => count.textContent()).toBe('193 profiles');
    await page.getByLabel('Member of').selectOption({ label: 'European Union' });
    await expect.poll(() => count.textContent()).toBe('27 profiles');
    await page.getByRole('combobox', { name: /^Document type/ }).selectOption('national-strategy');
    await page.waitForURL(/d\.documentType=national-strategy/);
    // The count of the two filters before ("27 profiles") matches any count: wait for this filter's.
    await expect.poll(() => count.textContent()).toBe('1 profile');
    await expect.poll(() => page.getByRole('link', { name: 'Estonia' }).count()).toBeGreaterThan(0);
    // The readable CSV of exactly the profiles shown (issue 12): one row each, labels not ids, with a BOM.
    const shown = Number.parseInt((await count.textContent()) ?? '0', 10);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('profiles.csv');
    const csv = await downloadText(download);
    expect(csv.startsWith('\uFEFFTitle,Template,Published,')).toBe(true);
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(shown + 1);
    expect(lines.some((l) => l.startsWith('Estonia,State,yes,'))).toBe(true);
    await page.getByRole('button', { name: 'Table' }).click();
    await page.waitForURL(/view=table/);
    await expect.poll(() => page.locator('table.rtable').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'browse table');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => count.textContent()).toBe(`${total} profiles`);
    await page.close();
  }, 240_000);
});
