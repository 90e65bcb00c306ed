import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { focusedName, launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

type Doc = { id: string; title: string };
type Entry = { label: string; level: number; page: number; paragraphId: string | null };

/**
 * The viewer's Contents panel: the document's table of contents (its headings here: the demo's PDFs have
 * no bookmarks), reached with the keyboard, and an entry taking the reader to its page with its paragraph
 * marked; at desktop width and on a phone.
 */
describe('table of contents panel', () => {
  let browser: Browser;
  const url = inject('portalUrl');

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, viewport] of Object.entries(VIEWPORTS))
    it(`lists the entries and goes to one (${name})`, async () => {
      const docs = (await (await fetch(`${url}/api/v1/entities?template=Document&limit=100`)).json()) as {
        items: Doc[];
      };
      const doc = docs.items.find((d) => d.title.includes('Implementation Plan'))!;
      const view = (await (await fetch(`${url}/api/v1/entities/${doc.id}/view`)).json()) as {
        files: { id: string }[];
      };
      const toc = (await (await fetch(`${url}/api/v1/files/${view.files[0]!.id}/toc`)).json()) as Entry[];
      const later = toc.find((e) => e.page > 1 && e.paragraphId);
      expect(later, JSON.stringify(toc)).toBeDefined();

      const page = await browser.newPage({ viewport });
      await page.goto(`${url}/documents/${doc.id}`);
      await expect.poll(() => page.locator('.viewer__text span').count()).toBeGreaterThan(5);
      // Keyboard: the tabs are WAI-ARIA tabs (arrows), the entries buttons in a navigation landmark.
      await page.getByRole('tab', { name: 'Find' }).click();
      await page.waitForURL(/[?&]panel=find/);
      await expect.poll(() => focusedName(page)).toBe('Find');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => focusedName(page)).toBe('Contents');
      await page.waitForURL(/[?&]panel=contents/);
      const nav = page.getByRole('navigation', { name: 'Table of contents' });
      await expect.poll(() => nav.getByRole('button').count()).toBe(toc.length);
      expect(await nav.getByRole('button').first().textContent()).toContain(toc[0]!.label);
      await expectAccessible(page, `toc-${name}`);
      await screenshot(page, `viewer-toc-${name}`, { fullPage: false });

      const entry = nav.getByRole('button', { name: new RegExp(`^${escapeRegExp(later!.label)}`) }).first();
      await entry.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`[?&]page=${later!.page}(&|$)`));
      await expect.poll(() => page.locator('.viewer__mark--focus').count()).toBeGreaterThan(0);
      // The mark is on the entry's page, and that entry is now the current one.
      await expect
        .poll(() => page.locator(`.viewer__page[data-page="${later!.page}"] .viewer__mark--focus`).count())
        .toBeGreaterThan(0);
      await expect.poll(() => nav.locator('[aria-current="location"]').textContent()).toContain(later!.label);
      await screenshot(page, `viewer-toc-${name}-entry`, { fullPage: false });
      await page.close();
    });
});

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
