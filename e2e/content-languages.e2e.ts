import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

/**
 * Content in the reader's language (issue 11 items 2, 4 and 6): a reader in Cairo goes from the map to a
 * profile, a document and its connections with titles, sections and relations in Arabic, right to left, and
 * sees "not translated" (غير مترجم) wherever the text is still only in English, that text marked as English;
 * a reader in Beijing searches a Chinese phrase and lands on the Chinese file at the page it is on.
 */
describe('content in the reader language', () => {
  let browser: Browser;
  const url = inject('portalUrl');

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = async (locale: string, viewport: keyof typeof VIEWPORTS = 'desktop') => {
    const ctx = await browser.newContext({
      locale,
      viewport: VIEWPORTS[viewport],
      ...(viewport === 'phone' ? { hasTouch: true, isMobile: true, deviceScaleFactor: 1 } : {}),
    });
    return { ctx, page: await ctx.newPage() };
  };
  const text = (page: Page, selector: string) => page.locator(selector).first().textContent();
  /** Dark pixels of the page's canvas under an element of its text layer. */
  const inkUnder = (target: Locator) =>
    target.evaluate((el) => {
      const canvas = el.closest('.viewer__page')?.querySelector('canvas');
      if (!canvas) return 0;
      const c = canvas.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      const sx = canvas.width / c.width;
      const sy = canvas.height / c.height;
      const x = Math.max(0, Math.floor((r.left - c.left) * sx));
      const y = Math.max(0, Math.floor((r.top - c.top) * sy));
      const w = Math.max(1, Math.floor(r.width * sx));
      const h = Math.max(1, Math.floor(r.height * sy));
      const data = canvas.getContext('2d')!.getImageData(x, y, w, h).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) dark++;
      return dark;
    });

  it('in Arabic: map → profile → document → connection, right to left, marked where not translated', async () => {
    const { ctx, page } = await open('ar-EG');
    await page.goto(`${url}/ar`);
    // The map names states in Arabic; China's profile opens from it.
    const china = page.locator('path[aria-label="الصين"]');
    await china.waitFor({ timeout: 30_000 });
    await china.click();
    await page.waitForURL(`${url}/ar/states/china`);
    await page.locator('[data-profile-ready]').waitFor();
    expect(await text(page, 'h1')).toContain('الصين');
    // Section headings and labels in Arabic (the demo vocabulary), the page right to left.
    const headings = await page.locator('.profile__group-title').allTextContents();
    expect(headings, JSON.stringify(headings)).toContain('سياسة الأمن السيبراني');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('button', { name: 'توسيع الكل' }).click();
    // China's English statement has its Chinese version but no Arabic one: shown in English, marked.
    const item = page.locator('.item__title', { hasText: 'Statement by the Chinese Delegation' }).first();
    await item.waitFor();
    expect(await item.locator('.untranslated').textContent()).toBe('غير مترجم');
    expect(await item.locator('[lang="en"]').count()).toBe(1);
    await expectAccessible(page, 'ar profile with untranslated items');
    await screenshot(page, 'content-ar-profile-desktop', { fullPage: false });

    await item.locator('a').click();
    await page.waitForURL(/\/ar\/documents\//);
    await page.locator('.viewer__page[data-page="1"] [data-start]').first().waitFor({ timeout: 30_000 });
    // The header: the kind in Arabic, the English title marked; the document also in Chinese and English.
    expect(await text(page, '.docpage__kind')).toBe('الوثيقة');
    expect(await page.locator('.docpage__title .untranslated').count()).toBe(1);
    const languages = page.getByRole('navigation', { name: 'لغات هذه الوثيقة' });
    expect((await languages.getByRole('button').allTextContents()).sort()).toEqual(
      ['English', '中文'].sort(),
    );
    // The connections of the file shown, their relations read in Arabic.
    await page.getByRole('tab', { name: 'الروابط' }).click();
    const relation = page.locator('.connection__label').first();
    await relation.waitFor();
    expect(await relation.textContent()).toMatch(/\p{Script=Arabic}/u);
    await expectAccessible(page, 'ar document connections');
    await screenshot(page, 'content-ar-connections-desktop', { fullPage: false });

    // Egypt's statement, written in Arabic: its own title, the Arabic file first, English offered.
    await page.goto(`${url}/ar/states/egypt`);
    await page.locator('[data-profile-ready]').waitFor();
    await page.getByRole('button', { name: 'توسيع الكل' }).click();
    await page.locator('a', { hasText: 'بيان وفد جمهورية مصر العربية' }).first().click();
    await page.waitForURL(/\/ar\/documents\//);
    await page.locator('.viewer__page[data-page="1"] [data-start]').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.docpage__title .untranslated').count()).toBe(0);
    await expect
      .poll(() => page.locator('.viewer__page[data-page="1"] [data-start]').allTextContents())
      .toContain('السيد الرئيس،');
    const pressed = page.locator('.docpage__languages [aria-pressed="true"]');
    expect(await pressed.textContent()).toBe('العربية');
    await expectAccessible(page, 'ar Arabic document');
    await screenshot(page, 'content-ar-viewer-desktop', { fullPage: false });
    // The reader switches to the English file; its text replaces the Arabic one.
    await page.locator('.docpage__languages button', { hasText: 'English' }).click();
    await expect
      .poll(() => page.locator('.viewer__page[data-page="1"] [data-start]').allTextContents(), {
        timeout: 30_000,
      })
      .toContain('Mr. Chair,');
    await ctx.close();
  });

  it('in Arabic on a phone: the profile and the document with their marks', async () => {
    const { ctx, page } = await open('ar', 'phone');
    await page.goto(`${url}/ar/states/egypt`);
    await page.locator('[data-profile-ready]').waitFor();
    await page.getByRole('button', { name: 'توسيع الكل' }).click();
    await expectAccessible(page, 'ar phone profile');
    await screenshot(page, 'content-ar-profile-phone');
    await ctx.close();
  });

  it('in Chinese: a Chinese phrase found and opened on the Chinese file at its page', async () => {
    const { ctx, page } = await open('zh-CN');
    await page.goto(`${url}/zh/search?q=${encodeURIComponent('"网络空间命运共同体"')}`);
    const card = page.locator('.sresult').first();
    await card.waitFor({ timeout: 30_000 });
    // The card's title is the Chinese one (the entity's translation), not marked.
    expect(await card.locator('.sresult__title').textContent()).toContain('中国代表团');
    expect(await card.locator('.sresult__title .untranslated').count()).toBe(0);
    expect(await card.locator('mark').first().textContent()).toContain('命运共同体');
    await expectAccessible(page, 'zh search');
    await screenshot(page, 'content-zh-search-desktop', { fullPage: false });
    const link = card.locator('.ssnippet__page').first();
    const page2 = Number(/\d+/.exec((await link.textContent()) ?? '')?.[0]);
    await link.click();
    await page.waitForURL(/\/zh\/documents\/.*page=\d+/);
    expect(Number(new URL(page.url()).searchParams.get('page'))).toBe(page2);
    // The viewer shows that page of the Chinese file, the paragraph marked.
    const target = page.locator(`.viewer__page[data-page="${page2}"] [data-start]`).first();
    await target.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.locator(`.viewer__page[data-page="${page2}"]`).textContent(), { timeout: 30_000 })
      .toContain('命运共同体');
    expect(await page.locator('.docpage__languages [aria-pressed="true"]').textContent()).toBe('中文');
    // pdf.js draws the Chinese glyphs on the canvas, not only the invisible text layer: the canvas under the
    // page's last line of text has ink. It stayed white while the embedded CJK font was broken.
    const last = page.locator(`.viewer__page[data-page="${page2}"] [data-start]`).last();
    await expect.poll(() => inkUnder(last), { timeout: 30_000 }).toBeGreaterThan(200);
    await expectAccessible(page, 'zh document');
    await screenshot(page, 'content-zh-viewer-desktop', { fullPage: false });
    // Connections stay per file: the demo connected passages of the English file only, so the Chinese
    // file's list is empty (it used to show the English file's); the English file lists its own.
    await page.getByRole('tab', { name: '关联' }).click();
    const heading = page.locator('#connections-file');
    await expect.poll(() => heading.textContent()).toMatch(/statement-2024\.zh\.pdf\u2069? 中的关联$/);
    await expect.poll(() => page.locator('.connections').textContent()).toContain('此文件中尚无关联');
    expect(await page.locator('.connection').count()).toBe(0);
    await page.locator('.docpage__languages button', { hasText: 'English' }).click();
    await expect
      .poll(() => heading.textContent(), { timeout: 30_000 })
      .toMatch(/statement-2024\.pdf\u2069? 中的关联$/);
    await page.locator('.connection').first().waitFor();
    expect(await page.locator('.connection').count()).toBeGreaterThan(3);
    await expectAccessible(page, 'zh connections of the English file');
    await screenshot(page, 'content-zh-connections-desktop', { fullPage: false });
    await ctx.close();
  });

  it('in Chinese on a phone: search and the document', async () => {
    const { ctx, page } = await open('zh', 'phone');
    await page.goto(`${url}/zh/search?q=${encodeURIComponent('网络空间')}`);
    await page.locator('.sresult').first().waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'zh phone search');
    await screenshot(page, 'content-zh-search-phone');
    await ctx.close();
  });
});
