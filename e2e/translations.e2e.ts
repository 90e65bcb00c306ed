import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

type Created = { id: string; title: string; translations: Record<string, { title?: string }> };

/**
 * The Translations page (issue 11 item 3): an editor sees per language how much is not translated, opens the
 * list for Russian, finds a document whose title is only in English, follows its link to the editor (open
 * at the Russian tab, on the title), writes the Russian title, and the document leaves the Russian list
 * while its count goes down by one. The journey makes its own document through the API and deletes it, so
 * the shared demo collection stays as it was.
 */
describe('translations page', () => {
  let browser: Browser;
  const url = inject('portalUrl');
  const made: string[] = [];
  const stamp = Date.now().toString(36);
  const title = `Testland Translation Roadmap ${stamp}`;

  const signedIn = async (viewport: keyof typeof VIEWPORTS = 'desktop', locale = 'en') => {
    const ctx = await browser.newContext({
      locale,
      viewport: VIEWPORTS[viewport],
      ...(viewport === 'phone' ? { hasTouch: true, isMobile: true, deviceScaleFactor: 1 } : {}),
    });
    const session = await ctx.request.post(`${url}/api/v1/session`, { data: inject('editorLogin') });
    expect(session.status()).toBe(200);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const api = async (method: string, path: string, data?: unknown) => {
      const res = await ctx.request.fetch(`${url}/api/v1${path}`, {
        method,
        data,
        headers: { 'x-csrf-token': csrfToken },
      });
      if (res.status() >= 400) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
      return res.status() === 204 ? null : ((await res.json()) as Created);
    };
    return { ctx, api };
  };

  /** The number in the "Entities" cell of a language's row of the counts table. */
  const missingEntities = async (page: import('playwright-core').Page, language: string) => {
    const cell = page
      .getByRole('row', { name: new RegExp(`^${language}`) })
      .getByRole('button')
      .first();
    return Number(((await cell.textContent()) ?? '').replace(/\D/g, ''));
  };

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    const { ctx, api } = await signedIn();
    for (const id of made) await api('DELETE', `/entities/${id}`).catch(() => undefined);
    await ctx.close();
    await browser?.close();
  });

  it('shows what is missing per language and leads to the editor to fill it', async () => {
    const { ctx, api } = await signedIn();
    const doc = (await api('POST', '/entities', {
      template: 'Document',
      title,
      published: true,
      metadata: { documentType: 'national-strategy' },
    })) as Created;
    made.push(doc.id);

    const page = await ctx.newPage();
    await page.goto(`${url}/en/translations`);
    const counts = page.locator('table.translations__counts');
    await counts.waitFor({ timeout: 30_000 });
    // One row per language: English (entities written in another language) and the five others.
    expect(await counts.locator('tbody tr').count()).toBe(6);
    const before = await missingEntities(page, 'Русский');
    expect(before).toBeGreaterThan(0);

    // The Russian list of entities: the language and the kind go into the address, to hand to a translator.
    await page
      .getByRole('row', { name: /^Русский/ })
      .getByRole('button')
      .first()
      .click();
    await page.waitForURL(/lang=ru/);
    expect(new URL(page.url()).searchParams.get('kind')).toBe('entities');
    await expect
      .poll(() => page.locator('main h2').textContent())
      .toBe('Entities not translated into Русский');
    const item = page.locator('.translations__list li', { hasText: title });
    await item.waitFor();
    expect(await item.textContent()).toContain('untranslated: Title');
    // The demo's Kazakh concept is written in Russian, and Estonia's strategy has its Russian title: neither is listed.
    const listed = await page.locator('.translations__list li').allTextContents();
    expect(listed.join('\n')).not.toContain('Концепция развития кибербезопасности');
    expect(listed.join('\n')).not.toContain('Cybersecurity Strategy 2024–2030');
    await expectAccessible(page, 'translations');
    await screenshot(page, 'translations-desktop');

    // The link opens the editor at the Russian tab (not the entity's own English one), on the missing title.
    await item.getByRole('link', { name: `Translate “${title}”` }).click();
    await page.waitForURL(new RegExp(`/en/entities/${doc.id}/edit\\?lang=ru#field-title$`));
    const russian = page.getByRole('tab', { name: /Русский/ });
    await expect.poll(() => russian.getAttribute('aria-selected')).toBe('true');
    expect(await russian.textContent()).toContain('0 of 1 written');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-title');
    // Another tab goes into the address too, so a copied address opens the tab it was copied from.
    await page.getByRole('tab', { name: /English/ }).click();
    await page.waitForURL(/[?&]lang=en(&|$)/);
    await russian.click();
    await page.waitForURL(/[?&]lang=ru(&|$)/);
    await page.getByLabel(/^Title/).fill(`Дорожная карта переводов Тестландии ${stamp}`);
    await expect.poll(() => russian.textContent()).toContain('1 of 1 written');
    await page.keyboard.press('ControlOrMeta+s');
    await expect.poll(() => page.locator('.eform__status').textContent()).toBe('All changes saved');
    const stored = (await api('GET', `/entities/${doc.id}`)) as Created;
    expect(stored.translations.ru?.title).toBe(`Дорожная карта переводов Тестландии ${stamp}`);

    // Back on the list: the document is translated into Russian and gone from it, the count one less.
    await page.goto(`${url}/en/translations?lang=ru&kind=entities`);
    await counts.waitFor();
    await expect.poll(() => missingEntities(page, 'Русский')).toBe(before - 1);
    await page.locator('.translations__list li').first().waitFor();
    expect(await page.locator('.translations__list li', { hasText: title }).count()).toBe(0);
    await ctx.close();
  });

  it('lays the page out on a phone and right to left in Arabic', async () => {
    const { ctx } = await signedIn('phone', 'ar');
    const page = await ctx.newPage();
    await page.goto(`${url}/ar/translations?lang=zh&kind=entities`);
    await page.locator('.translations__list li').first().waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // Against the screen's width: a phone's layout viewport (innerWidth) grows to fit wide content.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      VIEWPORTS.phone.width,
    );
    await expectAccessible(page, 'translations phone arabic');
    await screenshot(page, 'ar-translations-phone', { fullPage: false });
    await ctx.close();
  });
});
