import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

type Entity = { id: string; title: string; metadata: Record<string, unknown> };

// More than the profile's first page (20) and the section's page (200): the rest takes two pages.
const DOCS = 231;
const SECTION = 'implementationFrameworks';

/**
 * Issue 16 item 4: a profile whose section lists hundreds of documents shows the first ones and
 * "Show all N"; the reader (keyboard only) loads the rest, a page at a time, and can share the address.
 */
describe('a profile section with many documents', () => {
  let browser: Browser;
  let api: APIRequestContext;
  let headers: Record<string, string>;
  const url = inject('portalUrl');
  let palau: Entity;
  const made: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    const ctx = await browser.newContext();
    api = ctx.request;
    const session = await api.post(`${url}/api/v1/session`, { data: inject('editorLogin') });
    headers = { 'x-csrf-token': ((await session.json()) as { csrfToken: string }).csrfToken };
    const states = (await (await api.get(`${url}/api/v1/entities?template=State&limit=500`)).json()) as {
      items: Entity[];
    };
    palau = states.items.find((s) => s.title === 'Palau')!;
    for (let i = 0; i < DOCS; i++) {
      const res = await api.post(`${url}/api/v1/entities`, {
        headers,
        data: {
          template: 'Document',
          title: `Palau implementation note ${String(i + 1).padStart(3, '0')}`,
          published: true,
          metadata: { documentType: 'national-strategy', date: `${2000 + (i % 25)}-06` },
        },
      });
      expect(res.status(), await res.text()).toBe(201);
      made.push(((await res.json()) as Entity).id);
    }
    const res = await api.patch(`${url}/api/v1/entities/${palau.id}`, {
      headers,
      data: { metadata: { [SECTION]: made } },
    });
    expect(res.status(), await res.text()).toBe(200);
  }, 300_000);

  afterAll(async () => {
    // The shared collection goes back as the other journeys expect it.
    await api?.patch(`${url}/api/v1/entities/${palau.id}`, {
      headers,
      data: { metadata: { [SECTION]: palau.metadata[SECTION] ?? null } },
    });
    for (const id of made) await api?.delete(`${url}/api/v1/entities/${id}`, { headers });
    await browser?.close();
  }, 300_000);

  const items = (page: Page) => page.locator(`#section-${SECTION} .item`);

  for (const viewport of ['desktop', 'phone'] as const)
    it(`shows the first documents and "Show all ${DOCS}", then loads them all from the keyboard (${viewport})`, async () => {
      const page = await browser.newPage({ viewport: VIEWPORTS[viewport] });
      await page.goto(`${url}/states/palau#section-${SECTION}`);
      await page.locator('[data-profile-ready]').waitFor();
      await expect.poll(() => items(page).count()).toBe(20);
      await expect
        .poll(() => page.locator(`#section-${SECTION} .psection__count`).textContent())
        .toBe(`${DOCS} items`);
      const showAll = page.getByRole('button', { name: `Show all ${DOCS}` });
      await expectAccessible(page, `profile with a long section at ${viewport}`);
      await showAll.scrollIntoViewIfNeeded();
      await screenshot(page, `profile-show-all-${viewport}`, { fullPage: false });
      await showAll.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => items(page).count(), { timeout: 20_000 }).toBe(DOCS);
      // Focus went to the first document added, so the reader goes on from where the list grew.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.closest('.item')?.textContent ?? ''))
        .toMatch(/Palau implementation note/);
      const titles = await items(page).locator('.item__title a').allTextContents();
      expect(new Set(titles).size).toBe(DOCS);
      expect(await showAll.count()).toBe(0);
      expect(new URL(page.url()).searchParams.getAll('all')).toEqual([SECTION]);
      await expectAccessible(page, `profile with a long section loaded at ${viewport}`);
      await page.close();
    });

  it('opens a shared address with the section loaded in full, in another language', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    await page.goto(`${url}/fr/states/palau?all=${SECTION}`);
    await page.locator('[data-profile-ready]').waitFor();
    await expect
      .poll(() => page.locator(`#section-${SECTION} .psection__toggle`).getAttribute('aria-expanded'))
      .toBe('true');
    await expect.poll(() => items(page).count(), { timeout: 20_000 }).toBe(DOCS);
    await page.close();
    const ar = await browser.newPage({ viewport: VIEWPORTS.phone });
    await ar.goto(`${url}/ar/states/palau#section-${SECTION}`);
    await ar.locator('[data-profile-ready]').waitFor();
    await expect.poll(() => items(ar).count()).toBe(20);
    await ar.locator(`#section-${SECTION} .psection__more`).scrollIntoViewIfNeeded();
    await screenshot(ar, 'profile-show-all-ar-phone', { fullPage: false });
    await ar.close();
  });
});
