import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

describe('compare', () => {
  let browser: Browser;
  let page: Page;
  const url = inject('portalUrl');

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const pickByKeyboard = async (text: string) => {
    const input = page.getByRole('combobox');
    await input.focus();
    await page.keyboard.type(text);
    const active = await input.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    await expect.poll(() => page.locator(`[id="${active}"]`).textContent()).toContain(text);
    await page.keyboard.press('Enter');
  };

  it('puts three profiles side by side with the keyboard only, rows aligned, selection in the URL', async () => {
    page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    await page.goto(`${url}/compare`);
    await page.getByRole('combobox').waitFor();
    await pickByKeyboard('Estonia');
    await pickByKeyboard('France');
    await pickByKeyboard('Kenya');
    await page.waitForURL(/ids=[a-z0-9]+(%2C|,)[a-z0-9]+(%2C|,)[a-z0-9]+/);
    await expect.poll(() => page.getByRole('combobox').isDisabled()).toBe(true);

    const table = page.locator('table.ctable');
    await table.waitFor();
    const heads = await table.locator('thead th').allTextContents();
    expect(heads).toEqual(['Estonia', 'France', 'Kenya']);
    // Every section row has one cell per profile, so rows line up.
    const widths = await table
      .locator('tbody tr:not(.ctable__group)')
      .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td').length));
    expect(widths.length).toBeGreaterThanOrEqual(13);
    expect(new Set(widths)).toEqual(new Set([3]));
    // Empty sections are shown as empty, differences are marked, shared memberships labelled.
    await expect.poll(() => table.getByText('No information').count()).toBeGreaterThan(0);
    await expect.poll(() => table.getByText('Differs').count()).toBeGreaterThan(0);
    await expect.poll(() => table.locator('li[data-shared="true"]').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'compare-desktop');
    await screenshot(page, 'compare-desktop');

    // Remove one with the keyboard: Tab to its remove button and press Enter.
    await page.getByRole('button', { name: 'Remove France from the comparison' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => table.locator('thead th').count()).toBe(2);

    // A shared URL restores the selection.
    const shared = page.url();
    await page.close();
    page = await browser.newPage({ viewport: VIEWPORTS.phone });
    await page.goto(shared);
    await page.locator('table.ctable').waitFor();
    await expect
      .poll(() => page.locator('table.ctable thead th').allTextContents())
      .toEqual(['Estonia', 'Kenya']);
    await pickByKeyboard('France');
    await expect.poll(() => page.locator('table.ctable thead th').count()).toBe(3);
    await expectAccessible(page, 'compare-phone');
    await screenshot(page, 'compare-phone');
    await page.close();
  });

  it('narrows to the sections that differ', async () => {
    page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    await page.goto(`${url}/compare`);
    await pickByKeyboard('Estonia');
    await pickByKeyboard('Chad');
    const rows = page.locator('table.ctable tbody tr:not(.ctable__group)');
    // The table re-renders while each picked profile loads: count once both columns and their rows are there.
    await expect
      .poll(() => page.locator('table.ctable thead th').allTextContents())
      .toEqual(['Estonia', 'Chad']);
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const all = await rows.count();
    expect(all).toBeGreaterThan(0);
    await page.getByLabel('Show only sections that differ').click();
    await page.waitForURL(/diff=1/);
    await expect.poll(() => rows.count()).toBeLessThan(all);
    expect(await rows.count()).toBeGreaterThan(0);
    await page.close();
  });
});
