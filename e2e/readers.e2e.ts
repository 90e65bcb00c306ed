import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

/**
 * Desktop: the whole page; phone: one screen (390×844), scrolled to `focus` (on a phone the filters come
 * first, above the results).
 */
async function snap(page: Page, name: string, viewport: keyof typeof VIEWPORTS, focus?: string) {
  if (viewport === 'desktop') return screenshot(page, `${name}-desktop`);
  if (focus)
    await page.evaluate((selector) => {
      const top = document.querySelector(selector)?.getBoundingClientRect().top ?? 0;
      window.scrollBy(0, top - 8);
    }, focus);
  await screenshot(page, `${name}-phone`, { fullPage: false });
}

/**
 * What a reader needs to tell things apart: words in Browse find profiles, search cards say where a
 * document is from, what it is and when, and profiles say when a curator last reviewed them.
 */
describe('readers', () => {
  let browser: Browser;
  let editorContext: BrowserContext;
  let api: APIRequestContext;
  let csrf = '';
  let twinId = '';
  const url = inject('portalUrl');
  const editor = inject('editorLogin');

  beforeAll(async () => {
    browser = await launchChromium();
    editorContext = await browser.newContext();
    api = editorContext.request;
    const session = await api.post(`${url}/api/v1/session`, { data: editor });
    expect(session.status()).toBe(200);
    csrf = (await session.json()).csrfToken;
  });
  afterAll(async () => {
    if (twinId) await api.delete(`${url}/api/v1/entities/${twinId}`, { headers: { 'x-csrf-token': csrf } });
    await editorContext?.close();
    await browser?.close();
  });

  const open = async (path: string, viewport: keyof typeof VIEWPORTS): Promise<Page> => {
    const page = await browser.newPage({ viewport: VIEWPORTS[viewport] });
    await page.goto(`${url}${path}`);
    return page;
  };

  it('finds profiles by the words typed in Browse', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await open('/browse', viewport);
      const count = page.locator('.browse__count');
      await expect.poll(() => count.textContent()).toMatch(/^\d+ profiles$/);
      const all = Number.parseInt((await count.textContent()) ?? '', 10);
      // On a phone the filters are behind the "Filters" button (a dialog).
      if (viewport === 'phone') await page.getByRole('button', { name: /^Filters/ }).click();
      await page.getByRole('searchbox', { name: 'Words' }).fill('CERT');
      await page.waitForURL(/[?&]q=CERT/);
      if (viewport === 'phone')
        await page.getByRole('dialog').getByRole('button', { name: 'Show results' }).click();
      // Settled: fewer profiles than all of them, and no "Loading…" (the count reads so while searching).
      const shown = async () => Number.parseInt((await count.textContent()) ?? '', 10);
      await expect.poll(async () => (await shown()) > 0 && (await shown()) < Math.min(all, 50)).toBe(true);
      expect(await page.getByText(/Something went wrong/).count()).toBe(0);
      await expect
        .poll(() => page.getByRole('link', { name: 'Estonia', exact: true }).count())
        .toBeGreaterThan(0);
      await snap(page, 'browse-words', viewport, '.browse__results');
      await page.close();
    }
  });

  it('tells two documents of the same title apart on the search cards', async () => {
    const states = await (await api.get(`${url}/api/v1/entities?template=State&limit=500`)).json();
    const estonia = states.items.find((s: { title: string }) => s.title === 'Estonia');
    const created = await api.post(`${url}/api/v1/entities`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        template: 'Document',
        title: 'National Cybersecurity Strategy',
        published: true,
        metadata: {
          documentType: 'national-strategy',
          status: 'superseded',
          date: '2019-05',
          states: [estonia.id],
          summary: '- The earlier strategy, replaced in 2024.',
        },
      },
    });
    expect(created.status()).toBe(201);
    twinId = (await created.json()).id;

    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await open('/search?q=national+cybersecurity+strategy', viewport);
      const twins = page.locator('.sresult').filter({
        has: page.getByRole('heading', { name: 'National Cybersecurity Strategy', exact: true }),
      });
      await expect.poll(() => twins.count()).toBe(2);
      const metas = await twins.locator('.sresult__meta').allTextContents();
      expect(metas.some((m) => /Republic of Korea/.test(m) && /In force/.test(m) && /2024/.test(m))).toBe(
        true,
      );
      expect(metas.some((m) => /Estonia/.test(m) && /Superseded/.test(m) && /May 2019/.test(m))).toBe(true);
      for (const meta of metas) expect(meta).toMatch(/^Document.*National strategy/);
      for (let i = 0; i < 2; i++) expect(await twins.nth(i).locator('.ssnippet').count()).toBeGreaterThan(0);
      await snap(page, 'search-cards', viewport, '.ssearch__results');
      // Nothing on a card is wider than the phone's screen.
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll('.ssearch__list *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .map((el) => `${el.tagName}.${el.className}`),
      );
      expect(overflowing).toEqual([]);
      await page.close();
    }
  });

  it("shows the document's states in the viewer's details", async () => {
    const page = await open('/search?q=national+cybersecurity+strategy', 'desktop');
    const korea = page
      .locator('.sresult')
      .filter({ has: page.getByRole('heading', { name: 'National Cybersecurity Strategy', exact: true }) })
      .filter({ hasText: 'Republic of Korea' });
    await expect.poll(() => korea.count()).toBe(1);
    const href = await korea.getByRole('heading').getByRole('link').getAttribute('href');
    await page.goto(`${url}${href}?panel=details`);
    const row = page.locator('.facts__row').filter({ has: page.locator('dt', { hasText: /^States$/ }) });
    await expect.poll(() => row.getByRole('link', { name: 'Republic of Korea' }).count()).toBe(1);
    await page.close();
  });

  it('shows when a curator last reviewed the profile and each section, not the write time', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await open('/states/estonia', viewport);
      await page.locator('[data-profile-ready]').waitFor();
      const stamp = page.locator('.profile__reviewed time');
      await expect.poll(() => stamp.textContent()).toMatch(/^Last reviewed: \D*\d{1,2}\D*\d{4}$/);
      expect(await stamp.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await page.getByText(/Last updated/).count()).toBe(0);
      const sections = page.locator('.profile__section-reviewed time');
      expect(await sections.count()).toBeGreaterThan(1);
      // The profile's date is its latest section's.
      const days = await sections.evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''));
      expect([...days].sort().at(-1)).toBe(await stamp.getAttribute('datetime'));
      await snap(page, 'profile-reviewed', viewport);
      await page.close();
    }
  });
});
