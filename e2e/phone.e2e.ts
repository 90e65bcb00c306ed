import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

type Viewport = keyof typeof VIEWPORTS;

/** Every page of the portal, and what shows that it has rendered. */
const PAGES: { name: string; path: (ids: Ids) => string; ready: string }[] = [
  { name: 'home', path: () => '/', ready: 'path[aria-label="France"]' },
  { name: 'profile', path: () => '/states/estonia', ready: '[data-profile-ready]' },
  { name: 'browse', path: () => '/browse', ready: '.browse__group' },
  { name: 'compare', path: (i) => `/compare?ids=${i.estonia},${i.kenya}`, ready: 'table.ctable' },
  { name: 'glossary', path: () => '/glossary', ready: 'main h1' },
  { name: 'search', path: () => '/search?q=norms', ready: '.ssearch__list li' },
  {
    name: 'viewer',
    path: (i) => `/documents/${i.document}`,
    ready: '.viewer__page[data-page="1"] [data-start]',
  },
  { name: 'signin', path: () => '/signin', ready: 'form input[type="password"]' },
];

type Ids = { estonia: string; kenya: string; document: string };

async function ids(url: string): Promise<Ids> {
  const list = async (template: string, offset = 0) =>
    (
      (await (
        await fetch(`${url}/api/v1/entities?template=${template}&limit=100&offset=${offset}`)
      ).json()) as {
        items: { id: string; title: string }[];
      }
    ).items;
  const states = [...(await list('State')), ...(await list('State', 100)), ...(await list('State', 200))];
  const idOf = (title: string) => states.find((s) => s.title === title)?.id ?? '';
  const docs = await list('Document');
  const pdf = docs.find((d) => d.title.includes('Implementation Plan')) ?? docs[0];
  return { estonia: idOf('Estonia'), kenya: idOf('Kenya'), document: pdf?.id ?? '' };
}

describe('every page on a phone (390×844) and on a desktop', () => {
  let browser: Browser;
  let known: Ids;
  const url = inject('portalUrl');

  beforeAll(async () => {
    browser = await launchChromium();
    known = await ids(url);
  });
  afterAll(async () => {
    await browser?.close();
  });

  // One tab per width for the whole file: each address is still a full load (goto), without a new renderer
  // and a cold module graph per page (6–11 s against 1–4 s at load 20, docs/PERFORMANCE.md).
  const tabs = new Map<Viewport, Promise<Page>>();
  const tab = (viewport: Viewport): Promise<Page> => {
    let page = tabs.get(viewport);
    if (!page) {
      page = browser
        .newContext({
          viewport: VIEWPORTS[viewport],
          ...(viewport === 'phone' ? { hasTouch: true, isMobile: true, deviceScaleFactor: 1 } : {}),
        })
        .then((context) => context.newPage());
      tabs.set(viewport, page);
    }
    return page;
  };

  const open = async (path: string, viewport: Viewport, ready: string): Promise<Page> => {
    const page = await tab(viewport);
    await page.goto(`${url}${path}`);
    await page.locator(ready).first().waitFor({ timeout: 30_000 });
    return page;
  };

  for (const viewport of ['phone', 'desktop'] as const)
    for (const p of PAGES)
      it(`${p.name} at ${viewport}: no sideways scrolling, no serious axe violation, screenshot`, async () => {
        const page = await open(p.path(known), viewport, p.ready);
        // Against the screen's width, not innerWidth: a phone's layout viewport grows to fit wide content.
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth, `${p.name} is wider than the screen`).toBeLessThanOrEqual(
          VIEWPORTS[viewport].width,
        );
        if (viewport === 'phone') {
          // The header is one line: brand, Menu and session, no navigation until Menu is pressed.
          const bar = await page.locator('.layout__bar').boundingBox();
          expect(bar?.height ?? 999).toBeLessThanOrEqual(64);
        }
        await expectAccessible(page, `${p.name} at ${viewport}`);
        // The first screen: what a reader sees on arrival (full pages of long lists are unreadable pictures).
        await screenshot(page, `page-${p.name}-${viewport}`, { fullPage: false });
      });

  it('opens the navigation from the Menu button on a phone', async () => {
    const page = await open('/glossary', 'phone', 'main h1');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect.poll(() => nav.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Browse' }).click();
    await page.waitForURL(`${url}/en/browse`);
    // A new page closes the menu again.
    await expect.poll(() => nav.isVisible()).toBe(false);
  });

  it('zooms the map with the buttons and by tapping a small state, then opens it with a tap', async () => {
    const page = await open('/', 'phone', 'path[aria-label="Estonia"]');
    const estonia = page.locator('path[aria-label="Estonia"]');
    const size = async () => {
      const box = await estonia.boundingBox();
      return Math.max(box?.width ?? 0, box?.height ?? 0);
    };
    // Too small to tap at the whole-world view.
    expect(await size()).toBeLessThan(24);
    const zoom = () => page.locator('svg.worldmap__svg').getAttribute('data-zoom');
    expect(await zoom()).toBe('1.00');
    await page.getByRole('button', { name: 'Zoom in' }).tap();
    await expect.poll(zoom).toBe('2.00');
    await page.getByRole('button', { name: 'Show the whole world' }).tap();
    await expect.poll(zoom).toBe('1.00');
    await estonia.tap();
    await expect.poll(size).toBeGreaterThanOrEqual(24);
    expect(new URL(page.url()).pathname).toBe('/en');
    await estonia.tap();
    await page.waitForURL(/\/states\/estonia/);
  });

  it('puts map filters, search facets and browse filters behind a Filters button on a phone', async () => {
    for (const [path, ready, control] of [
      ['/', 'path[aria-label="France"]', '.mapfilters'],
      ['/search?q=norms', '.ssearch__list li', '.sfacet'],
      ['/browse', '.browse__group', '.bfilters'],
    ] as const) {
      const page = await open(path, 'phone', ready);
      // The first result is on the first screen, not below the filters.
      const first = await page.locator(ready).first().boundingBox();
      expect(first?.y ?? 9999, path).toBeLessThan(VIEWPORTS.phone.height);
      expect(await page.locator(control).first().isVisible(), path).toBe(false);
      await page.getByRole('button', { name: /^Filters/ }).tap();
      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(await dialog.locator(control).first().isVisible(), path).toBe(true);
      await expectAccessible(page, `${path} filters open`);
      const name = path === '/' ? 'home' : path.slice(1).split('?')[0];
      await screenshot(page, `page-${name}-filters-phone`, {
        fullPage: false,
      });
      await dialog.getByRole('button', { name: 'Show results' }).tap();
      await expect.poll(() => dialog.isVisible()).toBe(false);
    }
  });

  it('keeps every filter control inside its panel, on a desktop and in the phone dialog', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await open('/browse', viewport, '.browse__group');
      if (viewport === 'phone') await page.getByRole('button', { name: /^Filters/ }).tap();
      const outside = await page.locator('.bfilters').evaluate((panel) => {
        const edge = panel.getBoundingClientRect().right;
        return [...panel.querySelectorAll('input, select, button')]
          .filter((el) => el.getBoundingClientRect().right > edge + 0.5)
          .map((el) => el.getAttribute('name') ?? el.textContent ?? el.tagName);
      });
      expect(outside, viewport).toEqual([]);
    }
  });

  it('fits the page to the whole width of a phone', async () => {
    const page = await open(`/documents/${known.document}`, 'phone', '.viewer__page[data-page="1"]');
    const box = await page.locator('.viewer__page[data-page="1"]').boundingBox();
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(VIEWPORTS.phone.width * 0.95);
  });
});
