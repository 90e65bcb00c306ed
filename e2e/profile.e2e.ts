import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

describe('profile', () => {
  let browser: Browser;
  let page: Page;
  const url = inject('portalUrl');

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = async (path: string, viewport: keyof typeof VIEWPORTS = 'desktop') => {
    page = await browser.newPage({ viewport: VIEWPORTS[viewport] });
    await page.goto(`${url}${path}`);
    await page.locator('[data-profile-ready]').waitFor();
    await expectAccessible(page, `${path} at ${viewport}`);
  };

  it('shows sections in template order, grouped by heading, and expands them all', async () => {
    await open('/states/estonia');
    const groups = await page.locator('.profile__group-title').allTextContents();
    expect(groups).toEqual(['Cybersecurity Policy', 'Structure', 'Legal Framework', 'Cooperation']);
    await expect.poll(() => page.getByText(/Last reviewed:/).count()).toBe(1);
    const toggles = page.locator('.psection__toggle');
    await expect.poll(() => toggles.first().getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('button', { name: 'Expand all' }).click();
    const states = await toggles.evaluateAll((els) => els.map((el) => el.getAttribute('aria-expanded')));
    expect(states.every((s) => s === 'true')).toBe(true);
    await expect.poll(() => page.locator('#section-nationalCert').textContent()).toContain('CERT-EE');
    await expectAccessible(page, 'profile-desktop');
    await screenshot(page, 'profile-desktop');
    await page.close();
  });

  it('shows the glossary definition of a section on hover and on keyboard focus', async () => {
    await open('/states/estonia');
    const toggle = page.locator('#section-nationalCert .psection__toggle');
    const tipId = await toggle.getAttribute('aria-describedby');
    expect(tipId).toBeTruthy();
    const tip = page.locator(`[role="tooltip"]#${tipId}`);
    await expect.poll(() => tip.isVisible()).toBe(false);
    await toggle.hover();
    await expect.poll(() => tip.isVisible()).toBe(true);
    await expect.poll(() => tip.textContent()).toMatch(/incidents/);
    await page.mouse.move(0, 0);
    await expect.poll(() => tip.isVisible()).toBe(false);
    await toggle.focus();
    await expect.poll(() => tip.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    // The section links to its glossary entry.
    await page.locator('#section-nationalCert a[href="/en/glossary#nationalCert"]').click();
    await page.waitForURL(/\/glossary#nationalCert$/);
    await expect.poll(() => page.locator('#nationalCert dd').first().textContent()).toMatch(/incidents/);
    await page.close();
  });

  it('links memberships both ways and opens a shared section URL', async () => {
    await open('/states/estonia#section-membership');
    const membership = page.locator('#section-membership');
    await expect
      .poll(() => membership.locator('.psection__toggle').getAttribute('aria-expanded'))
      .toBe('true');
    await membership.getByRole('link', { name: 'European Union' }).click();
    await page.waitForURL(/\/organisations\/europeanunion/);
    await page.locator('[data-profile-ready]').waitFor();
    await page.getByRole('button', { name: 'Expand all' }).click();
    await page.locator('#section-memberStates').getByRole('link', { name: 'Estonia' }).click();
    await page.waitForURL(/\/states\/estonia$/);
    await page.close();
  });

  it('lists documents with their link, date and sources, and prints every section', async () => {
    await open('/states/estonia#section-strategyDocuments', 'phone');
    const section = page.locator('#section-strategyDocuments');
    const firstDoc = section.locator('.item').first();
    await expect.poll(() => firstDoc.locator('a[href^="/en/documents/"]').count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('#section-legislation-body').isVisible()).toBe(true);
    await expect.poll(() => page.locator('header.layout__header').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Expand all' }).click();
    await expectAccessible(page, 'profile-phone');
    await screenshot(page, 'profile-phone');
    await page.close();
  });
});
