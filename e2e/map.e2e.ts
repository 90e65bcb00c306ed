import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { focusedName, launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

const MATCH = 'rgb(15, 122, 108)';

describe('home map', () => {
  let browser: Browser;
  let page: Page;
  const url = inject('portalUrl');

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const openHome = async (query = '', viewport: keyof typeof VIEWPORTS = 'desktop') => {
    page = await browser.newPage({ viewport: VIEWPORTS[viewport] });
    await page.goto(`${url}/${query}`);
    await page.locator('path[aria-label="France"]').waitFor();
    await expectAccessible(page, `home ${query} at ${viewport}`);
    return page;
  };

  it('opens a profile when a country on the map is clicked', async () => {
    await openHome();
    await expectAccessible(page, 'home-desktop');
    await screenshot(page, 'home-desktop');
    // Germany: one compact shape, so the centre of its box is on the country (France's includes Guiana).
    const germany = page.locator('path[aria-label="Germany"]');
    await germany.hover();
    await expect.poll(() => page.locator('.worldmap__tip').textContent()).toBe('Germany');
    await germany.click();
    await page.waitForURL(`${url}/en/states/germany`);
    await page.locator('[data-profile-ready]').waitFor();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Germany');
    await page.close();
  });

  it('recolours the map and narrows the list when a filter is chosen, and keeps it in the URL', async () => {
    await openHome();
    const listCount = () => page.locator('#state-list li').count();
    const before = await listCount();
    expect(before).toBe(193);
    await page.getByRole('button', { name: 'Has a national CERT' }).click();
    await page.waitForURL(/has=nationalCert/);
    await expect.poll(listCount).toBeLessThan(before);
    const after = await listCount();
    expect(after).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'match' }).textContent())
      .toContain(`${after} of 193`);
    const fill = (name: string) =>
      page.locator(`path[aria-label="${name}"]`).evaluate((el) => getComputedStyle(el).fill);
    await expect.poll(() => fill('Estonia')).toBe(MATCH);
    await expect.poll(() => fill('Chad')).not.toBe(MATCH);
    await expect.poll(() => page.locator('#state-list').getByRole('link', { name: 'Chad' }).count()).toBe(0);

    // A document filter on top: states with a national strategy among those with a CERT.
    await page.getByLabel('Has a document of Document type').selectOption('national-strategy');
    await page.waitForURL(/d\.documentType=national-strategy/);
    await expect.poll(listCount).toBeLessThanOrEqual(after);
    await expect.poll(() => fill('Estonia')).toBe(MATCH);

    // The URL alone restores the filter.
    const shared = page.url();
    await page.close();
    page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    await page.goto(shared);
    await page.locator('path[aria-label="Estonia"]').waitFor();
    await expect.poll(() => fill('Estonia')).toBe(MATCH);
    await page.close();
  });

  it('can be used with the keyboard alone: Tab to a country, arrows to move, Enter to open', async () => {
    await openHome();
    let name = '';
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const isPath = await page.evaluate(() => document.activeElement?.tagName === 'path');
      if (isPath) {
        name = await focusedName(page);
        break;
      }
    }
    expect(name).not.toBe('');
    await expect.poll(() => page.locator('.worldmap__tip').textContent()).toBe(name);
    await page.keyboard.press('ArrowRight');
    const next = await focusedName(page);
    expect(next).not.toBe(name);
    const outline = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? getComputedStyle(el).strokeWidth : '';
    });
    expect(Number.parseFloat(outline)).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/states\//);
    await page.locator('[data-profile-ready]').waitFor();
    await expect.poll(() => page.locator('h1').textContent()).toBe(next);
    await page.close();
  });

  it('marks states too small for the atlas with a focusable dot that opens the profile', async () => {
    await openHome();
    const tuvalu = page.locator('circle[aria-label="Tuvalu"]');
    await expect.poll(() => tuvalu.count()).toBe(1);
    await tuvalu.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/states\//);
    await page.locator('[data-profile-ready]').waitFor();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tuvalu');
    await page.close();
  });

  it('lists organisations beside the map and every state by region, also on a phone', async () => {
    await openHome('', 'phone');
    await expect
      .poll(() => page.locator('aside').getByRole('link', { name: 'United Nations' }).count())
      .toBe(1);
    await expect.poll(() => page.locator('#state-list h3').count()).toBeGreaterThanOrEqual(5);
    await expectAccessible(page, 'home-phone');
    await screenshot(page, 'home-phone');
    await page.close();
  });
});
