import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { focusedName, launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

type Stored = {
  id: string;
  title: string;
  version: number;
  published: boolean;
  metadata: Record<string, unknown>;
};

const STATE = 'iceland';
const SECTION = 'keyPositions';

/**
 * Curation on the profile itself (issue 10, item 3) and publishing (item 5): an editor edits one section where
 * it is read — the editor's own field, Save and Cancel, the API's errors under the field, a concurrent save
 * shown side by side — and a document published from the editor reaches an anonymous reader. The state's
 * section is put back as it was at the end, so the shared demo collection is as the other files expect.
 */
describe('profile sections edited in place', () => {
  let browser: Browser;
  const url = inject('portalUrl');
  const made: string[] = [];
  type Api = (method: string, path: string, data?: unknown) => Promise<Stored | null>;
  let restore: ((api: Api) => Promise<void>) | undefined;

  async function signedIn(viewport: keyof typeof VIEWPORTS = 'desktop') {
    const ctx = await browser.newContext({
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
      return res.status() === 204 ? null : ((await res.json()) as Stored);
    };
    return { ctx, api };
  }

  /** The state's stored entity (found through the list of states, as the profile finds it). */
  async function stateEntity(ctx: BrowserContext): Promise<Stored> {
    const res = await ctx.request.get(`${url}/api/v1/entities?template=State&limit=500`);
    const body = (await res.json()) as { items: (Stored & { metadata: { iso2?: string } })[] };
    const found = body.items.find((e) => e.title === 'Iceland');
    if (!found) throw new Error('Iceland is not in the demo collection');
    return (await (await ctx.request.get(`${url}/api/v1/entities/${found.id}`)).json()) as Stored;
  }

  const toast = (page: Page) => page.locator('.toast__box');
  const section = (page: Page) => page.locator(`#section-${SECTION}`);

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    const { ctx, api } = await signedIn();
    await restore?.(api);
    for (const id of made) await api('DELETE', `/entities/${id}`).catch(() => undefined);
    await ctx.close();
    await browser?.close();
  });

  it('edits a section in place, keeps every other value, shows the API’s error under the field, and undoes', {
    timeout: 240_000,
  }, async () => {
    const { ctx, api } = await signedIn();
    const before = await stateEntity(ctx);
    const original = before.metadata[SECTION];
    // Put back at the end (afterAll, with a session of its own: this one is closed by then).
    restore = async (api) => {
      const now = (await api('GET', `/entities/${before.id}`)) as Stored;
      if (now.metadata[SECTION] !== original)
        await api('PATCH', `/entities/${before.id}`, {
          version: now.version,
          metadata: { [SECTION]: original ?? null },
        });
    };
    const page = await ctx.newPage();
    await page.goto(`${url}/en/states/${STATE}`);
    await page.locator('[data-profile-ready]').waitFor();
    await page.getByRole('button', { name: 'Edit Key Positions' }).click();
    const field = section(page).getByRole('textbox', { name: /^Key Positions/ });
    // The field takes focus, so a keyboard user types at once.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`field-${SECTION}`);
    expect(await field.inputValue()).toBe(typeof original === 'string' ? original : '');
    await expectAccessible(page, 'section edited in place');

    // Too long for the API: its message shows under the field, nothing is saved.
    await field.fill('x'.repeat(200_001));
    await section(page).getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => section(page).locator('.efield__errors').count()).toBe(1);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(((await api('GET', `/entities/${before.id}`)) as Stored).version).toBe(before.version);

    const text = 'Iceland supports the UN framework of responsible state behaviour in cyberspace.';
    await field.fill(text);
    await screenshot(page, 'profile-edit-in-place');
    await field.press('ControlOrMeta+s');
    await expect.poll(() => toast(page).textContent()).toContain('Saved.');
    // The section reads the new value where the field was, and the Edit button has the focus back.
    await expect.poll(() => section(page).locator('.psection__body').textContent()).toContain(text);
    expect(await section(page).locator('textarea').count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Edit Key Positions');
    const after = (await api('GET', `/entities/${before.id}`)) as Stored;
    expect(after.metadata[SECTION]).toBe(text);
    // Only this section was sent: the codes, the region and the documents are as they were.
    for (const key of ['iso2', 'iso3', 'region', 'strategyDocuments'])
      expect(after.metadata[key]).toEqual(before.metadata[key]);

    await toast(page).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => toast(page).textContent()).toContain('Undone.');
    await expect
      .poll(async () => ((await api('GET', `/entities/${before.id}`)) as Stored).metadata[SECTION])
      .toEqual(original);

    // Cancel leaves the stored value alone; Escape closes an untouched editor.
    await page.getByRole('button', { name: 'Edit Key Positions' }).click();
    await field.fill('Not kept');
    await section(page).getByRole('button', { name: 'Cancel', exact: true }).click();
    expect(await section(page).locator('textarea').count()).toBe(0);
    await page.getByRole('button', { name: 'Edit Key Positions' }).click();
    await field.press('Escape');
    await expect.poll(() => section(page).locator('textarea').count()).toBe(0);

    // Opening another section does not drop unsaved text: it asks, Keep editing is the default.
    await page.getByRole('button', { name: 'Edit Key Positions' }).click();
    await field.fill('Draft kept');
    await page.getByRole('button', { name: 'Edit Strategy Documents' }).click();
    const ask = page.getByRole('dialog', { name: 'Leave “Key Positions” without saving?' });
    await ask.waitFor();
    await expect.poll(() => focusedName(page)).toBe('Keep editing “Key Positions”');
    await screenshot(page, 'profile-edit-switch-section');
    await ask.getByRole('button', { name: 'Keep editing “Key Positions”' }).click();
    await expect.poll(() => field.inputValue()).toBe('Draft kept');
    await page.getByRole('button', { name: 'Edit Strategy Documents' }).click();
    await ask.getByRole('button', { name: 'Discard and edit “Strategy Documents”' }).click();
    await expect.poll(() => section(page).locator('textarea').count()).toBe(0);
    await page.getByRole('form', { name: 'Edit Strategy Documents' }).waitFor();
    expect(((await api('GET', `/entities/${before.id}`)) as Stored).metadata[SECTION]).toEqual(original);
    await ctx.close();
  });

  it('shows both versions side by side when someone saved the section meanwhile, and keeps mine', {
    timeout: 240_000,
  }, async () => {
    const { ctx, api } = await signedIn();
    const state = await stateEntity(ctx);
    const page = await ctx.newPage();
    await page.goto(`${url}/en/states/${STATE}`);
    await page.locator('[data-profile-ready]').waitFor();
    await page.getByRole('button', { name: 'Edit Key Positions' }).click();
    const field = section(page).getByRole('textbox', { name: /^Key Positions/ });
    await field.fill('Mine: the position as I wrote it.');
    // Another editor saves the same section first.
    await api('PATCH', `/entities/${state.id}`, {
      version: state.version,
      metadata: { [SECTION]: 'Theirs: saved by someone else.' },
    });
    await section(page).getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Someone else saved' });
    await expect.poll(() => conflict.count()).toBe(1);
    expect(await conflict.textContent()).toContain('Theirs: saved by someone else.');
    expect(await conflict.textContent()).toContain('Mine: the position as I wrote it.');
    await expectAccessible(page, 'section conflict');
    await screenshot(page, 'profile-edit-conflict');
    await conflict.getByRole('button', { name: 'Keep my version' }).click();
    await expect.poll(() => toast(page).textContent()).toContain('Saved.');
    await expect
      .poll(async () => ((await api('GET', `/entities/${state.id}`)) as Stored).metadata[SECTION])
      .toBe('Mine: the position as I wrote it.');
    await ctx.close();
  });

  it('edits a section in place on a phone without a sideways scroll', { timeout: 240_000 }, async () => {
    const { ctx } = await signedIn('phone');
    const page = await ctx.newPage();
    await page.goto(`${url}/en/states/${STATE}`);
    await page.locator('[data-profile-ready]').waitFor();
    await page.getByRole('button', { name: 'Edit Strategy Documents' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-strategyDocuments');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page, 'section edited in place, phone');
    await page.locator('#section-strategyDocuments').scrollIntoViewIfNeeded();
    await screenshot(page, 'profile-edit-in-place-phone', { fullPage: false });
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();

    // Right to left in Arabic: the section's text is written in Arabic, beside the English original.
    await page.goto(`${url}/ar/states/${STATE}`);
    await page.locator('[data-profile-ready]').waitFor();
    await page.locator(`#section-${SECTION} .psection__edit`).click();
    const field = page.locator(`#field-${SECTION}`);
    await expect.poll(() => field.getAttribute('dir')).toBe('rtl');
    expect(await field.getAttribute('lang')).toBe('ar');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page, 'section edited in place, phone, Arabic');
    await section(page).scrollIntoViewIfNeeded();
    await screenshot(page, 'ar-profile-edit-in-place-phone', { fullPage: false });
    await ctx.close();
  });

  it('publishes a draft from the editor, and an anonymous reader then finds and reads it', {
    timeout: 120_000,
  }, async () => {
    const { ctx, api } = await signedIn();
    const draft = (await api('POST', '/entities', {
      template: 'Document',
      title: 'Wombatland Cyber Draft Strategy',
      published: false,
      metadata: { documentType: 'national-strategy' },
    })) as Stored;
    made.push(draft.id);
    const reader = await browser.newPage({ viewport: VIEWPORTS.desktop });
    const anonymous = await fetch(`${url}/api/v1/entities/${draft.id}`);
    expect(anonymous.status).toBe(404);

    const page = await ctx.newPage();
    await page.goto(`${url}/en/entities/${draft.id}/edit`);
    await expect.poll(() => page.locator('.editor__meta .unpublished-mark').count()).toBe(1);
    await page.getByRole('checkbox', { name: /^Published/ }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => toast(page).textContent()).toContain('Saved.');
    expect(await page.locator('.editor__meta .unpublished-mark').count()).toBe(0);

    await reader.goto(`${url}/en/documents/${draft.id}`);
    await expect
      .poll(() => reader.locator('h1').textContent(), { timeout: 20_000 })
      .toContain('Wombatland Cyber Draft Strategy');
    // Readers never see the "Not published" mark, and search finds it for them.
    expect(await reader.locator('.unpublished-mark').count()).toBe(0);
    await reader.goto(`${url}/en/search?q=wombatland`);
    await expect
      .poll(() => reader.locator('.ssearch__list > li').filter({ hasText: 'Wombatland' }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await expectAccessible(reader, 'published draft, reader');
    await reader.close();
    await ctx.close();
  });
});
