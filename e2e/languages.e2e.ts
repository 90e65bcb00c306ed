import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { focusedName, launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';
import { type DemoIds, demoIds, PAGES, SIGNED_IN_PAGES } from './support/pages.ts';

type Viewport = keyof typeof VIEWPORTS;

const html = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
const box = async (page: Page, selector: string) => {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not shown`);
  return b;
};

/**
 * The interface in Arabic (right to left) and Chinese, as a reader in Cairo or Beijing meets it: the
 * language chosen from the browser, kept in every address, switched from the header and kept in a shared link.
 */
describe('the interface in the six UN languages', () => {
  let browser: Browser;
  let ids: DemoIds;
  const url = inject('portalUrl');

  beforeAll(async () => {
    browser = await launchChromium();
    ids = await demoIds(url);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const context = (locale: string, viewport: Viewport = 'desktop'): Promise<BrowserContext> =>
    browser.newContext({
      locale,
      viewport: VIEWPORTS[viewport],
      ...(viewport === 'phone' ? { hasTouch: true, isMobile: true, deviceScaleFactor: 1 } : {}),
    });

  it('in Arabic: right to left from the map to a profile and a document, with the switcher by keyboard', async () => {
    const ctx = await context('ar-EG');
    const page = await ctx.newPage();
    // An Arabic browser at the bare address gets the Arabic interface.
    await page.goto(`${url}/`);
    expect(new URL(page.url()).pathname).toBe('/ar');
    expect(await html(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    // State names are in the reader's language (i18n-iso-countries).
    await page.locator('path[aria-label="البرازيل"]').waitFor();
    await expect.poll(() => page.locator('h1').textContent()).toBe('السياسات السيبرانية في العالم');
    await expectAccessible(page, 'ar home');
    // Right to left: the brand at the right edge of the header, the language switcher at its left.
    const brand = await box(page, '.layout__brand');
    const switcher = await box(page, '.lang-switch__button');
    expect(brand.x + brand.width).toBeGreaterThan(VIEWPORTS.desktop.width - 80);
    expect(switcher.x).toBeLessThan(brand.x);
    // The map legend starts on the right too.
    const legend = await box(page, '.legend');
    const map = await box(page, 'svg.worldmap__svg');
    expect(legend.x + legend.width).toBeGreaterThan(map.x + map.width / 2);

    // The switcher, by keyboard: each language named in itself; Escape closes it and gives focus back.
    await page.locator('.lang-switch__button').focus();
    await page.keyboard.press('Enter');
    const options = page.locator('.lang-switch__list a');
    await expect
      .poll(() => options.allTextContents())
      .toEqual(['العربية', '中文', 'English', 'Français', 'Русский', 'Español']);
    expect(await options.first().getAttribute('aria-current')).toBe('true');
    await expectAccessible(page, 'ar switcher open');
    await page.keyboard.press('Escape');
    await expect.poll(() => options.first().isVisible()).toBe(false);
    expect(await focusedName(page)).toContain('العربية');

    // Map → profile: the address keeps the language.
    await page.locator('path[aria-label="البرازيل"]').click();
    await page.waitForURL(`${url}/ar/states/brazil`);
    await page.locator('[data-profile-ready]').waitFor();
    expect(await html(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await expectAccessible(page, 'ar profile');
    // The contents sidebar is on the right of the sections.
    const toc = await box(page, '.profile__toc');
    const sections = await box(page, '.profile__sections');
    expect(toc.x).toBeGreaterThan(sections.x);
    expect(await page.getByRole('navigation', { name: 'في هذه الصفحة' }).count()).toBe(1);

    // Profile → document: still Arabic, the side panel on the left of the pages.
    await page.getByRole('button', { name: 'توسيع الكل' }).click();
    await page.locator('main a[href^="/ar/documents/"]:visible').first().click();
    await page.waitForURL(/\/ar\/documents\//);
    await page.locator('.viewer__page[data-page="1"] [data-start]').first().waitFor({ timeout: 30_000 });
    const side = await box(page, '.docpage__side');
    const source = await box(page, '.docpage__source');
    expect(side.x).toBeLessThan(source.x);
    await expect.poll(() => page.getByRole('tab', { name: 'التفاصيل' }).count()).toBe(1);
    // Tabs follow what the reader sees: in Arabic the next tab is to the left.
    await page.getByRole('tab', { selected: true }).focus();
    const first = await focusedName(page);
    await page.keyboard.press('ArrowLeft');
    expect(await focusedName(page)).not.toBe(first);
    await page.getByRole('tab', { name: 'التفاصيل' }).click();
    await expectAccessible(page, 'ar document');
    await ctx.close();
  });

  it('in Arabic: the connection steps run right to left', async () => {
    const ctx = await context('ar');
    expect((await ctx.request.post(`${url}/api/v1/session`, { data: inject('editorLogin') })).status()).toBe(
      200,
    );
    const page = await ctx.newPage();
    await page.goto(`${url}/ar/documents/${ids.document}`);
    const line = page.locator('.viewer__page[data-page="1"] .viewer__text span').nth(3);
    await line.waitFor({ timeout: 30_000 });
    // The arrow to a connection's other end starts the reader's line: right of an English quote.
    const other = page.locator('.connection__other').first();
    await other.waitFor();
    const arrow = await box(page, '.connection__other >> nth=0 >> [aria-hidden="true"]');
    const quote = await box(page, '.connection__other >> nth=0 >> .connection__otherquote');
    expect(arrow.x).toBeGreaterThan(quote.x + quote.width - 1);
    const b = await line.boundingBox();
    if (!b) throw new Error('no line');
    await page.mouse.move(b.x + 1, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width * 0.7, b.y + b.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'ربط…' }).click();
    await expect.poll(() => page.locator('#connect-title').textContent()).toContain('الخطوة 2 من 3');
    await page.getByRole('combobox', { name: 'الوثيقة أو الملف التعريفي المستهدف' }).fill('National');
    await page.locator('[role="listbox"] [role="option"]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'اختيار الفقرة المستهدفة' }).click();
    await page.locator('.docpage__target .viewer__text span').nth(5).waitFor();
    // The target opens on the reader's left in Arabic, as the help text says.
    const target = await box(page, '.docpage__target');
    const src = await box(page, '.docpage__source');
    expect(target.x).toBeLessThan(src.x);
    await expectAccessible(page, 'ar connect step 3');
    await screenshot(page, 'ar-connect-desktop', { fullPage: false });
    await ctx.close();
  });

  it('in Chinese: switches from the header, keeps the language in links and in a shared address', async () => {
    const ctx = await context('en-US');
    const page = await ctx.newPage();
    await page.goto(`${url}/search?q=norms`);
    await page.waitForURL(`${url}/en/search?q=norms`);
    await page.locator('.ssearch__list li').first().waitFor();
    await page.locator('.lang-switch__button').click();
    await page.getByRole('link', { name: '中文' }).click();
    await page.waitForURL(`${url}/zh/search?q=norms`);
    await page.locator('.ssearch__list li').first().waitFor();
    expect(await html(page)).toEqual({ lang: 'zh-Hans', dir: 'ltr' });
    await expect.poll(() => page.getByRole('navigation', { name: '主导航' }).textContent()).toContain('地图');
    await expect.poll(() => page.locator('.sbar__count').textContent()).toMatch(/条结果/);
    await expectAccessible(page, 'zh search');
    // A search from the box stays Chinese, and so does a result opened from it.
    await page.getByRole('searchbox', { name: '搜索概况和文件' }).fill('due diligence');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/zh\/search\?q=due(\+|%20)diligence/);
    await page.locator('.ssearch__list li').first().waitFor();
    const shared = page.url();
    await page.locator('.sresult__title a').first().click();
    await page.waitForURL(/\/zh\/(documents|states|organisations)\//);
    expect(await html(page)).toEqual({ lang: 'zh-Hans', dir: 'ltr' });
    await expectAccessible(page, 'zh result');

    // Shared with a reader whose browser asks for English: the link still opens in Chinese.
    const other = await context('en-GB');
    const reader = await other.newPage();
    await reader.goto(shared);
    expect(reader.url()).toBe(shared);
    await reader.locator('.ssearch__list li').first().waitFor();
    expect(await html(reader)).toEqual({ lang: 'zh-Hans', dir: 'ltr' });
    await expect.poll(() => reader.locator('h1').first().textContent()).toMatch(/^搜索/);
    // An old English address opens in the language the reader's browser asks for.
    const chinese = await context('zh-CN');
    const old = await chinese.newPage();
    await old.goto(`${url}/states/estonia`);
    expect(new URL(old.url()).pathname).toBe('/zh/states/estonia');
    await old.locator('[data-profile-ready]').waitFor();
    expect(await html(old)).toEqual({ lang: 'zh-Hans', dir: 'ltr' });
    await Promise.all([ctx.close(), other.close(), chinese.close()]);
  });

  for (const lng of ['ar', 'zh'] as const)
    for (const viewport of ['desktop', 'phone'] as const)
      it(`every page in ${lng} at ${viewport}: no sideways scrolling, axe clean, screenshot`, async () => {
        const ctx = await context(lng, viewport);
        // One tab for the sweep: each address is still a full load (goto), without a new renderer per page.
        const page = await ctx.newPage();
        for (const p of PAGES) {
          await page.goto(`${url}/${lng}${p.path(ids)}`);
          await page.locator(p.ready).first().waitFor({ timeout: 30_000 });
          await page.waitForLoadState('networkidle');
          // Against the screen's width, not innerWidth: a phone's layout viewport grows to fit wide content.
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(scrollWidth, `${p.name} is wider than the screen`).toBeLessThanOrEqual(
            VIEWPORTS[viewport].width,
          );
          // axe judges structure, names and contrast, which Chinese shares with English at a phone's width
          // (e2e/phone.e2e.ts); Arabic's mirrored phone layout and both desktops are checked here.
          if (lng === 'ar' || viewport === 'desktop')
            await expectAccessible(page, `${lng} ${p.name} at ${viewport}`);
          await screenshot(page, `${lng}-${p.name}-${viewport}`, { fullPage: false });
          // On a phone the languages are listed in the menu.
          if (viewport === 'phone' && p.name === 'home') {
            await page.locator('.layout__menu').click();
            await expect.poll(() => page.locator('.lang-switch--inline a').count()).toBe(6);
            await expectAccessible(page, `${lng} menu`);
            await screenshot(page, `${lng}-menu-phone`, { fullPage: false });
            await page.locator('.layout__menu').click();
          }
          // The phone's filter drawer opens from the inline end: the left edge in Arabic.
          if (viewport === 'phone' && ['home', 'browse', 'search'].includes(p.name)) {
            await page.locator('.filterdrawer__open').click();
            const drawer = page.getByRole('dialog');
            await expect.poll(() => drawer.isVisible()).toBe(true);
            const sheet = await box(page, '.filterdrawer');
            if (lng === 'ar') expect(sheet.x).toBeLessThan(1);
            else expect(sheet.x + sheet.width).toBeGreaterThan(VIEWPORTS.phone.width - 1);
            await expectAccessible(page, `${lng} ${p.name} filters`);
            await screenshot(page, `${lng}-${p.name}-filters-phone`, { fullPage: false });
          }
        }
        await ctx.close();
        // Eight or nine pages, each measured, checked and photographed.
      }, 240_000);

  // The signed-in pages in Arabic at both widths (right to left) and in Chinese on a desktop: a Chinese
  // phone lays them out as the English phone journeys do.
  for (const [lng, viewport] of [
    ['ar', 'desktop'],
    ['ar', 'phone'],
    ['zh', 'desktop'],
  ] as const)
    it(`every signed-in page in ${lng} at ${viewport}: no sideways scrolling, axe clean, screenshot`, async () => {
      const ctx = await context(lng, viewport);
      const session = await ctx.request.post(`${url}/api/v1/session`, { data: inject('adminLogin') });
      expect(session.status()).toBe(200);
      const page = await ctx.newPage();
      for (const p of SIGNED_IN_PAGES) {
        await page.goto(`${url}/${lng}${p.path(ids)}`);
        await page.locator(p.ready).first().waitFor({ timeout: 30_000 });
        await page.waitForLoadState('networkidle');
        expect(await html(page)).toEqual(
          lng === 'ar' ? { lang: 'ar', dir: 'rtl' } : { lang: 'zh-Hans', dir: 'ltr' },
        );
        // Against the screen's width, not innerWidth: a phone's layout viewport grows to fit wide content.
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth, `${p.name} is wider than the screen`).toBeLessThanOrEqual(
          VIEWPORTS[viewport].width,
        );
        await expectAccessible(page, `${lng} ${p.name} at ${viewport}`);
        await screenshot(page, `${lng}-${p.name}-${viewport}`, { fullPage: false });
      }
      await ctx.close();
    }, 240_000);
});
