import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LANGUAGE_INFO, UI_LANGUAGES } from '../src/domain/languages.ts';
import en from '../src/web/i18n/en.json' with { type: 'json' };
import { launchChromium, VIEWPORTS } from './support/browser.ts';
import { type DemoIds, demoIds, PAGES } from './support/pages.ts';
import {
  type Finding,
  OPEN,
  pseudoCatalogue,
  recordContent,
  unmarkedText,
  untranslated,
} from './support/untranslated.ts';

type Viewport = keyof typeof VIEWPORTS;

/**
 * Meant to stay as they are in every language: the switcher names each language in itself, and the export
 * links name file formats.
 */
const ALLOWED = [...UI_LANGUAGES.map((l) => LANGUAGE_INFO[l].name), 'CSV', 'JSON'];

/**
 * The pseudo-language: the English catalogue with every string wrapped in ⟦…⟧, handed to the app by an
 * init script (the only way it exists). Any text a reader sees without the markers is a string the
 * components do not take from the catalogue — unless it is content data the API sent.
 */
describe('every string of the interface comes from the catalogue (pseudo-language)', () => {
  let browser: Browser;
  let ids: DemoIds;
  const url = inject('portalUrl');
  const catalogue = pseudoCatalogue(en);

  beforeAll(async () => {
    browser = await launchChromium();
    ids = await demoIds(url);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const context = async (viewport: Viewport): Promise<BrowserContext> => {
    const ctx = await browser.newContext({
      viewport: VIEWPORTS[viewport],
      ...(viewport === 'phone' ? { hasTouch: true, isMobile: true, deviceScaleFactor: 1 } : {}),
    });
    await ctx.addInitScript((c) => {
      (window as { __cpPseudoCatalogue?: unknown }).__cpPseudoCatalogue = c;
    }, catalogue);
    return ctx;
  };

  // One tab per context: each address is still a full load (goto), without a new renderer per address.
  const tabs = new WeakMap<BrowserContext, Page>();

  /** Opens a page, waits for it, then runs the steps, checking the page after each of them. */
  const visit = async (
    ctx: BrowserContext,
    path: string,
    ready: string,
    steps: [string, (page: Page) => Promise<unknown>][] = [],
  ): Promise<Finding[]> => {
    const page = tabs.get(ctx) ?? (await ctx.newPage());
    tabs.set(ctx, page);
    // The content data of this address only: the previous address's answers excuse nothing here.
    page.removeAllListeners('response');
    const content = recordContent(page);
    await page.goto(`${url}/en${path}`);
    await page.locator(ready).first().waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-XA');
    const findings: Finding[] = [];
    const check = async (state: string) => {
      // Let lazy parts (the map, counts) settle before reading the page.
      await page.waitForLoadState('networkidle');
      // A lazily loaded page sets the tab's title when it mounts, which can come after the layout's heading
      // (the ready mark) and the network going quiet; one that never sets it is reported below.
      await page
        .waitForFunction((open) => document.title.includes(open), OPEN, { timeout: 5_000 })
        .catch(() => undefined);
      for (const f of untranslated(await unmarkedText(page), content, ALLOWED))
        findings.push({ ...f, where: `${path} ${state}: ${f.where}` });
    };
    await check('loaded');
    for (const [state, step] of [...steps]) {
      await step(page);
      await check(state);
    }
    return findings;
  };

  const tab = (name: string) => async (page: Page) =>
    page.getByRole('tab', { name: new RegExp(name) }).click();

  const report = (findings: Finding[]) =>
    [...new Map(findings.map((f) => [`${f.kind}|${f.text}`, f])).values()]
      .map((f) => `${f.kind} "${f.text}" at ${f.where}`)
      .join('\n');

  for (const viewport of ['desktop', 'phone'] as const)
    it(`finds no untranslated text on any page at ${viewport}`, async () => {
      const ctx = await context(viewport);
      const findings: Finding[] = [];
      const filters = async (page: Page) => page.getByRole('button', { name: /⟦Filters/ }).click();
      for (const p of PAGES) {
        const steps: [string, (page: Page) => Promise<unknown>][] = [];
        if (viewport === 'phone') steps.push(['menu', (page) => page.locator('.layout__menu').click()]);
        else
          steps.push(
            ['languages', (page) => page.locator('.lang-switch__button').click()],
            ['languages closed', (page) => page.keyboard.press('Escape')],
          );
        if (viewport === 'phone' && ['home', 'browse', 'search'].includes(p.name))
          steps.push(['filters', filters]);
        if (p.name === 'viewer')
          steps.push(
            ['find', tab('⟦Find⟧')],
            [
              'find typed',
              (page) => page.locator('.sidepanel input, [role="tabpanel"] input').first().fill('plan'),
            ],
            ['related', tab('⟦Related⟧')],
            ['details', tab('⟦Details⟧')],
          );
        if (p.name === 'signin')
          steps.push([
            'wrong password',
            async (page) => {
              await page.locator('input[autocomplete="username"]').fill('nobody');
              await page.locator('input[type="password"]').fill('wrong-password');
              await page.locator('form button[type="submit"]').click();
              await page.getByRole('alert').waitFor();
            },
          ]);
        if (p.name === 'browse') steps.push(['table', (page) => page.goto(`${url}/en/browse?view=table`)]);
        findings.push(...(await visit(ctx, p.path(ids), p.ready, steps)));
      }
      // Empty states and errors.
      for (const [path, ready] of [
        ['/search', 'main h1'],
        ['/search?q=zzqxjv', '.ssearch__empty, [role="status"], main p'],
        ['/compare', 'main h1'],
        ['/states/nowhere-at-all', '[role="alert"], main h1'],
        ['/no/such/page', 'main h1'],
        ['/browse?q=zzqxjv', 'main h1'],
      ] as const)
        findings.push(...(await visit(ctx, path, ready)));
      await ctx.close();
      expect(report(findings)).toBe('');
      // Fourteen pages, each read after every step: minutes on a busy 2-core machine.
    }, 300_000);

  it('finds no untranslated text in the connection steps (signed in)', async () => {
    const ctx = await context('desktop');
    const session = await ctx.request.post(`${url}/api/v1/session`, { data: inject('editorLogin') });
    expect(session.status()).toBe(200);
    const findings = await visit(
      ctx,
      `/documents/${ids.document}`,
      '.viewer__page[data-page="1"] [data-start]',
      [
        ['connections', (page) => page.getByRole('tab', { name: /⟦Connections⟧/ }).click()],
        [
          'connect step 1',
          async (page) => {
            const line = page.locator('.viewer__page[data-page="1"] .viewer__text span').nth(3);
            const box = await line.boundingBox();
            if (!box) throw new Error('no line to select');
            await page.mouse.move(box.x + 1, box.y + box.height / 2);
            await page.mouse.down();
            await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 8 });
            await page.mouse.up();
            await page.locator('.bubble button').click();
          },
        ],
        [
          'connect step 2',
          async (page) => {
            const combo = page.locator('input[role="combobox"]');
            await combo.fill('National');
            await page.locator('[role="listbox"] [role="option"]').first().waitFor();
            await combo.press('ArrowDown');
            await combo.press('Enter');
          },
        ],
        [
          'connect step 3',
          async (page) => {
            await page.getByRole('button', { name: /⟦Select target paragraph⟧/ }).click();
            await page.locator('.docpage__target .viewer__text span').nth(5).waitFor();
            await page.locator('.suggestion, .suggestions p').first().waitFor();
          },
        ],
      ],
    );
    await ctx.close();
    expect(report(findings)).toBe('');
  });

  // The pages behind sign-in: the editors' Translations page (its lists and links), the editor of a document
  // (e2e/editor.e2e.ts checks its tabs, fields and errors in depth) and the admins' settings and import.
  for (const viewport of ['desktop', 'phone'] as const)
    it(`finds no untranslated text on the editors' and admins' pages at ${viewport}`, async () => {
      const ctx = await context(viewport);
      const session = await ctx.request.post(`${url}/api/v1/session`, { data: inject('adminLogin') });
      expect(session.status()).toBe(200);
      const findings: Finding[] = [];
      const pages: [string, string, [string, (page: Page) => Promise<unknown>][]?][] = [
        [
          '/translations',
          '.translations__list li',
          [
            [
              'labels',
              (page) => page.locator('tbody tr').nth(1).locator('.translations__pick').nth(1).click(),
            ],
            [
              'values',
              (page) => page.locator('tbody tr').nth(1).locator('.translations__pick').nth(2).click(),
            ],
          ],
        ],
        ['/translations?lang=ar&kind=entities', '.translations__list li'],
        [`/entities/${ids.document}/edit`, '.elangs', [['french tab', tab('Français')]]],
        ['/new/Document', '.elangs'],
        ['/admin', '.settings__index'],
        ['/admin/accounts', 'main h1'],
        ['/admin/activity', '.settings__entry'],
        ['/admin/orphaned', 'main h1'],
        ['/admin/thesauri', '#thesauri-title'],
        ['/admin/thesauri/regions', '#thesauri-title'],
        ['/admin/import', 'main h1'],
      ];
      for (const [path, ready, steps] of pages) findings.push(...(await visit(ctx, path, ready, steps)));
      await ctx.close();
      expect(report(findings)).toBe('');
      // Fourteen pages, each read after every step: minutes on a busy 2-core machine.
    }, 300_000);
});
