import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LANGUAGE_INFO, UI_LANGUAGES } from '../src/domain/languages.ts';
import en from '../src/web/i18n/en.json' with { type: 'json' };
import { expectAccessible } from './support/axe.ts';
import { launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';
import { pseudoCatalogue, recordContent, unmarkedText, untranslated } from './support/untranslated.ts';

type Created = { id: string; title: string; version: number; metadata: Record<string, unknown> };

/**
 * The entity editor (issue 10, item 2): journeys of an editor who fixes a title, changes a status, meets a
 * concurrent save, gets the API's field errors and deletes with undo. Every entity a journey needs it makes
 * itself through the API and deletes at the end, so the shared demo collection is as the other files expect.
 */
describe('entity editor', () => {
  let browser: Browser;
  const url = inject('portalUrl');
  const made: string[] = [];

  /** A signed-in browser context (the editor of the test portal) with its CSRF token for API set-up calls. */
  async function signedIn(
    viewport: keyof typeof VIEWPORTS = 'desktop',
    init?: (ctx: BrowserContext) => Promise<void>,
  ) {
    const ctx = await browser.newContext({
      viewport: VIEWPORTS[viewport],
      ...(viewport === 'phone' ? { hasTouch: true, isMobile: true, deviceScaleFactor: 1 } : {}),
    });
    await init?.(ctx);
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
  }

  const createDocument = async (
    api: Awaited<ReturnType<typeof signedIn>>['api'],
    title: string,
    metadata = {},
  ) => {
    const e = (await api('POST', '/entities', {
      template: 'Document',
      title,
      published: true,
      metadata: { documentType: 'national-strategy', ...metadata },
    })) as Created;
    made.push(e.id);
    return e;
  };

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    // The journeys' own entities leave the shared collection (some may be gone already: a delete journey).
    const { ctx, api } = await signedIn();
    for (const id of made) await api('DELETE', `/entities/${id}`).catch(() => undefined);
    await ctx.close();
    await browser?.close();
  });

  const toast = (page: Page) => page.locator('.toast__box');

  it('fixes a title typo, adds a French title, and search finds the new spelling', async () => {
    const { ctx, api } = await signedIn();
    const doc = await createDocument(api, 'Cyber Resilence Roadmap of Testland');
    const page = await ctx.newPage();
    await page.goto(`${url}/en/documents/${doc.id}`);
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    const title = page.getByLabel(/^Title/);
    await expect.poll(() => title.inputValue()).toBe('Cyber Resilence Roadmap of Testland');
    await expectAccessible(page, 'editor');
    await screenshot(page, 'editor-document');

    // Keyboard only: select the title, type the fix, go to the French tab, write it there.
    await title.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Cyber Resilience Roadmap of Testland');
    await expect.poll(() => page.locator('.eform__status').textContent()).toBe('Unsaved changes');
    const english = page.getByRole('tab', { name: /English/ });
    await english.focus();
    await page.keyboard.press('ArrowRight');
    const french = page.getByRole('tab', { name: /Français/ });
    await expect.poll(() => french.getAttribute('aria-selected')).toBe('true');
    expect(await french.textContent()).toContain('0 of 1 written');
    await page.getByLabel(/^Title/).fill('Feuille de route de la résilience de Testland');
    await expect.poll(() => french.textContent()).toContain('1 of 1 written');
    await screenshot(page, 'editor-translation-tab');
    await page.keyboard.press('ControlOrMeta+s');
    await expect.poll(() => toast(page).textContent()).toContain('Saved.');
    await expect.poll(() => page.locator('.eform__status').textContent()).toBe('All changes saved');

    const stored = (await api('GET', `/entities/${doc.id}`)) as Created & {
      translations: Record<string, { title?: string }>;
    };
    expect(stored.title).toBe('Cyber Resilience Roadmap of Testland');
    expect(stored.translations.fr?.title).toBe('Feuille de route de la résilience de Testland');
    // The merge patch left the values nobody touched.
    expect(stored.metadata.documentType).toBe('national-strategy');

    await page.goto(`${url}/en/search?q=${encodeURIComponent('Resilience Roadmap Testland')}`);
    await expect
      .poll(
        () =>
          page
            .locator('.ssearch__list > li')
            .filter({ hasText: 'Cyber Resilience Roadmap of Testland' })
            .count(),
        // The search page loads its chunk and the API answers slowly on the loaded 2-core machine.
        { timeout: 30_000 },
      )
      .toBe(1);
    await ctx.close();
  });

  it('changes a status by type-ahead, undoes it from the toast, and the In progress badge goes', async () => {
    const { ctx, api } = await signedIn();
    const doc = await createDocument(api, 'Draft Cyber Law of Testland', { status: 'in-progress' });
    const page = await ctx.newPage();
    await page.goto(`${url}/en/documents/${doc.id}`);
    await expect.poll(() => page.locator('.docpage__title .badge--progress').count()).toBe(1);
    await page.goto(`${url}/en/entities/${doc.id}/edit#field-status`);
    const status = page.getByRole('combobox', { name: /^Status/ });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-status');
    expect(await page.locator('[data-field="status"] .echip').textContent()).toContain('In progress');
    await status.pressSequentially('in fo');
    await expect.poll(() => page.getByRole('option', { name: 'In force' }).count()).toBe(1);
    await status.press('ArrowDown');
    await status.press('Enter');
    await expect.poll(() => page.locator('[data-field="status"] .echip').textContent()).toContain('In force');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => toast(page).textContent()).toContain('Saved.');

    // Undo patches the previous value back on top of the new version.
    await toast(page).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => toast(page).textContent()).toContain('Undone.');
    await expect
      .poll(async () => ((await api('GET', `/entities/${doc.id}`)) as Created).metadata.status)
      .toBe('in-progress');
    await expect
      .poll(() => page.locator('[data-field="status"] .echip').textContent())
      .toContain('In progress');

    // Again, for good, then the viewer: the badge is gone.
    await status.pressSequentially('in force');
    await status.press('Enter');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => toast(page).textContent()).toContain('Saved.');
    await page.getByRole('link', { name: 'View page' }).click();
    await page.waitForURL(new RegExp(`/documents/${doc.id}`));
    await expect.poll(() => page.locator('.docpage__title').textContent()).toContain('Draft Cyber Law');
    expect(await page.locator('.docpage__title .badge--progress').count()).toBe(0);
    await ctx.close();
  });

  it('shows both versions side by side when someone else saved meanwhile, and keeps mine on request', async () => {
    const { ctx, api } = await signedIn();
    const doc = await createDocument(api, 'Testland Cyber Strategy 2030');
    const page = await ctx.newPage();
    await page.goto(`${url}/en/entities/${doc.id}/edit`);
    const title = page.getByLabel(/^Title/);
    await expect.poll(() => title.inputValue()).toBe('Testland Cyber Strategy 2030');
    await title.fill('Testland National Cyber Strategy 2030');
    // Another editor saves first (version 1 → 2).
    await api('PATCH', `/entities/${doc.id}`, {
      title: 'Testland Cyber Security Strategy 2030',
      version: doc.version,
    });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = page.locator('.econflict');
    await expect.poll(() => conflict.count()).toBe(1);
    const row = conflict.getByRole('row', { name: /Title/ });
    expect(await row.textContent()).toContain('Testland National Cyber Strategy 2030');
    expect(await row.textContent()).toContain('Testland Cyber Security Strategy 2030');
    await expectAccessible(page, 'editor conflict');
    await screenshot(page, 'editor-conflict');
    await conflict.getByRole('button', { name: 'Keep my version' }).click();
    await expect.poll(() => toast(page).textContent()).toContain('Saved.');
    await expect
      .poll(async () => ((await api('GET', `/entities/${doc.id}`)) as Created).title)
      .toBe('Testland National Cyber Strategy 2030');
    await ctx.close();
  });

  it('creates from the template with required checks and the API’s field errors, guards unsaved changes, deletes with undo', async () => {
    const { ctx, api } = await signedIn();
    const page = await ctx.newPage();
    await page.goto(`${url}/en/new/Document`);
    await page.getByRole('button', { name: 'Create' }).click();
    const summary = page.locator('.esummary');
    await expect.poll(() => summary.textContent()).toContain('It was not saved');
    expect(await summary.textContent()).toContain('Document type: Required');
    expect(await page.getByLabel(/^Title/).getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel(/^Title/).fill('Testland Incident Reporting Guideline');
    const type = page.getByRole('combobox', { name: /^Document type/ });
    await type.fill('guid');
    await type.press('ArrowDown');
    await type.press('Enter');
    await page.getByLabel(/^Date/).fill('2024-05');
    await page.getByLabel(/^Summary/).fill('Who reports **what** to the national CERT, and when.');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => page.locator('.emarkdown__preview strong').textContent()).toBe('what');
    await page.getByRole('button', { name: 'Add link' }).click();
    await page.getByLabel('Link text').fill('Official text');
    await page.getByLabel('Address (https://…)').fill('ftp://example.org/guideline');
    await page.getByRole('button', { name: 'Create' }).click();
    // The server's problem details, under the field they concern.
    const sources = page.locator('[data-field="sources"] .efield__errors');
    await expect.poll(() => sources.textContent()).toContain('starts with http:// or https://');
    await expectAccessible(page, 'editor errors');
    await screenshot(page, 'editor-errors');
    await page.getByLabel('Address (https://…)').fill('https://example.org/guideline');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/entities\/[a-z0-9]+\/edit$/);
    await expect.poll(() => toast(page).textContent()).toContain('Created.');
    const id = page.url().match(/entities\/([a-z0-9]+)\/edit/)![1]!;
    made.push(id);
    const created = (await api('GET', `/entities/${id}`)) as Created;
    expect(created.metadata).toMatchObject({
      documentType: 'guidance',
      date: '2024-05',
      sources: [{ label: 'Official text', url: 'https://example.org/guideline' }],
    });

    // Unsaved changes: a link away asks first; Stay keeps the typing.
    await page.getByLabel(/^Title/).fill('Testland Incident Reporting Guidelines');
    await page.getByRole('link', { name: 'View page' }).click();
    const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
    await expect.poll(() => leave.isVisible()).toBe(true);
    await expectAccessible(page, 'editor leave');
    await leave.getByRole('button', { name: 'Stay and save' }).click();
    expect(await page.getByLabel(/^Title/).inputValue()).toBe('Testland Incident Reporting Guidelines');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => toast(page).textContent()).toContain('Saved.');

    // Duplicate opens a new form with the values and a marked title.
    await page.getByRole('link', { name: 'Duplicate' }).click();
    await expect
      .poll(() => page.getByLabel(/^Title/).inputValue())
      .toBe('Copy of Testland Incident Reporting Guidelines');
    await page.goBack();

    // Delete asks, then Undo creates it again.
    await expect.poll(() => page.getByRole('button', { name: 'Delete' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: /Delete “Testland Incident Reporting Guidelines”/ });
    await expect.poll(() => confirm.isVisible()).toBe(true);
    await confirm.getByRole('button', { name: 'Delete for good' }).click();
    await page.waitForURL(/\/browse/);
    await expect.poll(() => toast(page).textContent()).toContain('deleted');
    const gone = await ctx.request.get(`${url}/api/v1/entities/${id}`);
    expect(gone.status()).toBe(404);
    await toast(page).getByRole('button', { name: 'Undo' }).click();
    await page.waitForURL(/\/entities\/[a-z0-9]+\/edit$/);
    const again = page.url().match(/entities\/([a-z0-9]+)\/edit/)![1]!;
    made.push(again);
    await expect
      .poll(() => page.getByLabel(/^Title/).inputValue())
      .toBe('Testland Incident Reporting Guidelines');

    // Not published: marked for the signed-in editor in the form and the viewer; a reader does not get it.
    expect(await page.locator('.editor__meta .unpublished-mark').textContent()).toBe('Not published');
    await page.getByRole('link', { name: 'View page' }).click();
    await page.waitForURL(new RegExp(`/documents/${again}`));
    await expect
      .poll(() => page.locator('.docpage__head .unpublished-mark').textContent())
      .toBe('Not published');
    expect((await fetch(`${url}/api/v1/entities/${again}`)).status).toBe(404);
    await ctx.close();
  });

  it('fills several dates and periods, and the page shows them in order', async () => {
    // The demo's templates have no multiple-date property: the admin adds two to the Document template for
    // this journey and takes them out again at the end (templates cannot be deleted, properties can).
    const admin = await browser.newContext();
    const session = await admin.request.post(`${url}/api/v1/session`, { data: inject('adminLogin') });
    const headers = { 'x-csrf-token': ((await session.json()) as { csrfToken: string }).csrfToken };
    type Stored = { id: string; createdAt: string; updatedAt: string; properties: { name: string }[] };
    const putDocument = async (change: (props: Stored['properties']) => Stored['properties']) => {
      const {
        id: _i,
        createdAt: _c,
        updatedAt: _u,
        ...input
      } = (await (await admin.request.get(`${url}/api/v1/templates/Document`)).json()) as Stored;
      const res = await admin.request.put(`${url}/api/v1/templates/Document?confirm=true`, {
        headers,
        data: { ...input, properties: change(input.properties) },
      });
      expect(res.status(), await res.text()).toBe(200);
    };
    const added = ['sittings', 'sessions'];
    await putDocument(
      (props) =>
        [
          ...props,
          { name: 'sittings', label: 'Sittings', type: 'multidate' },
          { name: 'sessions', label: 'Sessions', type: 'multidaterange' },
        ] as Stored['properties'],
    );
    const { ctx, api } = await signedIn();
    try {
      const doc = await createDocument(api, 'Open-ended working group sittings');
      const page = await ctx.newPage();
      await page.goto(`${url}/en/entities/${doc.id}/edit`);
      const sittings = page.locator('[data-field="sittings"]');
      for (const date of ['2021-03', '2022-07-25']) {
        await sittings.getByRole('button', { name: 'Add date' }).click();
        await sittings.locator('input').last().fill(date);
      }
      // A row added and left blank is dropped, not sent as an invalid date.
      await sittings.getByRole('button', { name: 'Add date' }).click();
      const sessions = page.locator('[data-field="sessions"]');
      await sessions.getByRole('button', { name: 'Add period' }).click();
      await sessions.getByLabel('From').fill('2019-09');
      await sessions.getByLabel('To').fill('2021-03');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => toast(page).textContent()).toContain('Saved.');
      expect(((await api('GET', `/entities/${doc.id}`)) as Created).metadata).toMatchObject({
        sittings: ['2021-03', '2022-07-25'],
        sessions: [{ from: '2019-09', to: '2021-03' }],
      });
      await page.goto(`${url}/en/documents/${doc.id}?panel=details`);
      const facts = page.locator('.facts');
      await expect.poll(() => facts.textContent()).toMatch(/March 2021.*(25 July 2022|July 25, 2022)/);
      expect(await facts.textContent()).toContain('September 2019 – March 2021');
      await expectAccessible(page, 'multiple dates on the page');
      await api('DELETE', `/entities/${doc.id}`);
    } finally {
      await putDocument((props) => props.filter((p) => !added.includes(p.name)));
      await admin.close();
      await ctx.close();
    }
  });

  it('offers Edit on every profile section to a signed-in editor, and none to a reader', {
    timeout: 240_000,
  }, async () => {
    const reader = await browser.newPage({ viewport: VIEWPORTS.desktop });
    await reader.goto(`${url}/en/states/estonia`);
    await reader.locator('[data-profile-ready]').waitFor();
    expect(await reader.getByRole('link', { name: /^Edit/ }).count()).toBe(0);
    expect(await reader.getByRole('button', { name: /^Edit / }).count()).toBe(0);
    await reader.close();

    const { ctx } = await signedIn();
    const page = await ctx.newPage();
    await page.goto(`${url}/en/states/estonia`);
    await page.locator('[data-profile-ready]').waitFor();
    const sections = await page.locator('.psection').count();
    expect(
      await page
        .locator('.psection__tools')
        .getByRole('button', { name: /^Edit / })
        .count(),
    ).toBe(sections);
    // Edit opens the section in place; from there the full editor opens at the section's field.
    await page.getByRole('button', { name: 'Edit Strategy Documents' }).click();
    await page
      .locator('#section-strategyDocuments')
      .getByRole('link', { name: 'Open the full editor' })
      .click();
    await page.waitForURL(/\/entities\/[a-z0-9]+\/edit#field-strategyDocuments$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-strategyDocuments');
    expect(await page.locator('[data-field="strategyDocuments"] .echip').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'editor state');
    await screenshot(page, 'editor-state');
    await ctx.close();
  });

  it('lays the form out on a phone and right to left in Arabic', async () => {
    const { ctx, api } = await signedIn('phone');
    const doc = await createDocument(api, 'Testland Phone Check');
    const page = await ctx.newPage();
    await page.goto(`${url}/en/entities/${doc.id}/edit`);
    await expect.poll(() => page.getByLabel(/^Title/).inputValue()).toBe('Testland Phone Check');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page, 'editor phone');
    await screenshot(page, 'editor-phone', { fullPage: false });
    await page.goto(`${url}/ar/entities/${doc.id}/edit`);
    await expect.poll(() => page.locator('.elangs').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('tab', { name: /العربية/ }).click();
    expect(await page.locator('#field-title').getAttribute('dir')).toBe('rtl');
    await expectAccessible(page, 'editor phone arabic');
    await screenshot(page, 'ar-editor-phone', { fullPage: false });
    await ctx.close();
  });

  it('takes every string of the editor from the catalogue (pseudo-language)', async () => {
    const { ctx, api } = await signedIn('desktop', async (c) => {
      await c.addInitScript((cat) => {
        (window as { __cpPseudoCatalogue?: unknown }).__cpPseudoCatalogue = cat;
      }, pseudoCatalogue(en));
    });
    const doc = await createDocument(api, 'Testland Pseudo Check', { status: 'in-progress' });
    const page = await ctx.newPage();
    const content = recordContent(page);
    const allowed = UI_LANGUAGES.map((l) => LANGUAGE_INFO[l].name);
    await page.goto(`${url}/en/entities/${doc.id}/edit`);
    await page.locator('.elangs').waitFor();
    await page.waitForLoadState('networkidle');
    const findings = untranslated(await unmarkedText(page), content, allowed);
    await page.getByRole('tab', { name: /Français/ }).click();
    await page.locator('#field-title').fill('');
    await page.locator('[data-field="summary"] button').click();
    findings.push(...untranslated(await unmarkedText(page), content, allowed));
    await page.goto(`${url}/en/new/Document`);
    await page.locator('.elangs').waitFor();
    await page.locator('form button[type="submit"]').click();
    await page.locator('.esummary').waitFor();
    findings.push(...untranslated(await unmarkedText(page), content, allowed));
    expect(findings.map((f) => `${f.kind} "${f.text}" at ${f.where}`).join('\n')).toBe('');
    await ctx.close();
  });
});
