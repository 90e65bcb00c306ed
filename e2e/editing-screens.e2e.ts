import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

/**
 * Editing screens no other journey shows at one of the two widths (issue 10, "screenshots of every screen,
 * desktop and phone"): the relation types on a phone, and the site settings' templates — the State,
 * Organisation and document templates and the map's ISO property (decision 58) — at both widths. Read
 * only: nothing is saved, so the demo collection stays as the other files expect.
 */
describe('editing screens at both widths', () => {
  let browser: Browser;
  const url = inject('portalUrl');
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the relation types on a phone and the site’s templates at both widths', async () => {
    const ctx = await browser.newContext({ viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true });
    expect((await ctx.request.post(`${url}/api/v1/session`, { data: inject('adminLogin') })).status()).toBe(
      200,
    );
    const page = await ctx.newPage();
    const noSideways = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

    await page.goto(`${url}/en/admin/relation-types`);
    await page.getByRole('heading', { name: 'Relation types' }).waitFor();
    expect(await noSideways()).toBe(true);
    await expectAccessible(page, 'relation types phone');
    await screenshot(page, 'settings-relation-types-phone');

    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      await page.goto(`${url}/en/admin/site`);
      const documents = page.getByLabel('Template of documents');
      await documents.waitFor();
      expect(await documents.inputValue()).toBe('Document');
      expect(await page.getByLabel('State property holding the ISO 3166 numeric code').inputValue()).toBe(
        'isoNumeric',
      );
      expect(await noSideways()).toBe(true);
      await expectAccessible(page, `site templates ${name}`);
      await screenshot(page, `settings-site-templates-${name}`);
    }
    await ctx.close();
  });
});
