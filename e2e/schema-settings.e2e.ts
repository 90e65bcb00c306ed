import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

type Template = { name: string; label: string; properties: { name: string; label: string }[] };
type Thesaurus = { name: string; label: string; values: { id: string; label: string }[] };

/**
 * The schema screens of the settings (issue 10, item 6), as an admin of a fresh portal: a property added to
 * the Document template and filled in the entity editor shows on the document; a thesaurus value added in
 * the thesaurus editor, set on a document, filters the search down to it. At desktop width and on a phone.
 * What a journey adds it removes again, through the API, so the demo collection stays as the others expect.
 */
describe('schema settings', () => {
  let browser: Browser;
  const url = inject('portalUrl');
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const undo of cleanups.reverse()) await undo().catch(() => {});
    await browser?.close();
  });

  async function signedIn(viewport: keyof typeof VIEWPORTS) {
    const ctx: BrowserContext = await browser.newContext({
      viewport: VIEWPORTS[viewport],
      ...(viewport === 'phone' ? { hasTouch: true, isMobile: true, deviceScaleFactor: 1 } : {}),
    });
    const session = await ctx.request.post(`${url}/api/v1/session`, { data: inject('adminLogin') });
    expect(session.status()).toBe(200);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const api = async <T>(method: string, path: string, data?: unknown): Promise<T> => {
      const res = await ctx.request.fetch(`${url}/api/v1${path}`, {
        method,
        data,
        headers: { 'x-csrf-token': csrfToken },
      });
      if (res.status() >= 400) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
      return (res.status() === 204 ? null : await res.json()) as T;
    };
    return { ctx, api };
  }

  const toast = (page: Page) => page.locator('.toast__box');

  for (const viewport of ['desktop', 'phone'] as const) {
    it(`adds a template property and fills it (${viewport})`, async () => {
      const { ctx, api } = await signedIn(viewport);
      const stamp = `${viewport}${Date.now().toString(36)}`;
      const label = `Budget ${stamp}`;
      const doc = await api<{ id: string }>('POST', '/entities', {
        template: 'Document',
        title: `Cyber budget law ${stamp}`,
        published: true,
        metadata: { documentType: 'legislation' },
      });
      cleanups.push(() => api('DELETE', `/entities/${doc.id}`));
      const before = await api<Template & { id: string; createdAt: string; updatedAt: string }>(
        'GET',
        '/templates/Document',
      );
      cleanups.push(async () => {
        const {
          id: _i,
          createdAt: _c,
          updatedAt: _u,
          ...input
        } = await api<typeof before>('GET', '/templates/Document');
        const properties = input.properties.filter((p) => p.label !== label);
        await api('PUT', '/templates/Document?confirm=true', { ...input, properties });
      });

      const page = await ctx.newPage();
      await page.goto(`${url}/en/admin/templates`);
      await page.getByRole('link', { name: 'Document', exact: true }).click();
      await page.getByRole('button', { name: 'Add a property' }).click();
      const added = page.locator('.settings__property').last();
      await added.getByLabel('Label', { exact: true }).fill(label);
      await added.getByLabel('Type').selectOption('text');
      await added.getByText('Show in card').click();
      await added.getByText('Label in the six languages').click();
      await added.getByLabel('Français').fill(`Budget ${stamp} (FR)`);
      // The new property is reachable by keyboard: move it up one place, then save.
      await added.getByRole('button', { name: `Move ${label} up` }).press('Enter');
      await expectAccessible(page, `settings-templates-${viewport}`);
      await screenshot(page, `settings-templates-${viewport}`);
      await page.getByRole('button', { name: 'Save the template' }).click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Template' }).first().textContent())
        .toBe('Template Document saved.');
      // The entities and the search index follow in the background, with progress, to the end.
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'search index updated' }).count(), {
          timeout: 30_000,
        })
        .toBe(1);
      const stored = await api<Template>('GET', '/templates/Document');
      const prop = stored.properties.find((p) => p.label === label)!;
      expect(prop).toMatchObject({ type: 'text', showInCard: true, labels: { fr: `Budget ${stamp} (FR)` } });
      expect(stored.properties.indexOf(prop)).toBe(before.properties.length - 1);

      // Deleting a stored property first says how many entities hold a value (none yet).
      const row = page.locator('.settings__property', { hasText: label });
      await row.getByRole('button', { name: 'Delete' }).click();
      await expect
        .poll(() => page.getByRole('alertdialog').textContent())
        .toContain(`Entities holding a value for ${label}: 0.`);
      await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();

      // The editor shows the new field; filled and saved, the document shows it.
      await page.goto(`${url}/en/entities/${doc.id}/edit`);
      await page.getByLabel(new RegExp(`^${label}`)).fill('EUR 12 million');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => toast(page).first().textContent()).toContain('Saved.');
      await page.goto(`${url}/en/documents/${doc.id}`);
      await page.getByRole('tab', { name: 'Details' }).click();
      const details = page.locator('dl', { hasText: label });
      await expect.poll(() => details.textContent()).toContain('EUR 12 million');
      await ctx.close();
    }, 240_000);

    it(`adds a thesaurus value and filters by it (${viewport})`, async () => {
      const { ctx, api } = await signedIn(viewport);
      const stamp = `${viewport}${Date.now().toString(36)}`;
      const value = `Cloud policy ${stamp}`;
      const title = `Sovereign cloud guidance ${stamp}`;
      const doc = await api<{ id: string }>('POST', '/entities', {
        template: 'Document',
        title,
        published: true,
        metadata: { documentType: 'legislation' },
      });
      cleanups.push(async () => {
        await api('DELETE', `/entities/${doc.id}`);
        const {
          id: _i,
          createdAt: _c,
          updatedAt: _u,
          ...input
        } = await api<Thesaurus & { id: string; createdAt: string; updatedAt: string }>(
          'GET',
          '/thesauri/documentTypes',
        );
        await api('PUT', '/thesauri/documentTypes', {
          ...input,
          values: input.values.filter((v) => v.label !== value),
        });
      });

      const page = await ctx.newPage();
      await page.goto(`${url}/en/admin/thesauri/documentTypes`);
      await page.getByLabel('New value').fill(value);
      await page.getByRole('button', { name: 'Add the value' }).click();
      await page.getByLabel(`${value} in Français`).fill(`Politique du nuage ${stamp}`);
      await page.getByRole('button', { name: 'Save the labels' }).click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Labels' }).first().textContent())
        .toBe('Labels of Document types saved.');
      await expectAccessible(page, `settings-thesauri-values-${viewport}`);
      await screenshot(page, `settings-thesauri-values-${viewport}`);
      const stored = await api<Thesaurus>('GET', '/thesauri/documentTypes');
      const id = stored.values.find((v) => v.label === value)!.id;

      // Set on a document in the editor, by type-ahead.
      await page.goto(`${url}/en/entities/${doc.id}/edit`);
      const type = page.getByRole('combobox', { name: /^Document type/ });
      await type.pressSequentially(value.slice(0, 12));
      await expect.poll(() => page.getByRole('option', { name: value }).count()).toBe(1);
      await page.getByRole('option', { name: value }).click();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => toast(page).first().textContent()).toContain('Saved.');
      expect(
        (await api<{ metadata: Record<string, unknown> }>('GET', `/entities/${doc.id}`)).metadata
          .documentType,
      ).toBe(id);

      // Search, filtered by the new value, finds the document and nothing else.
      await page.goto(`${url}/en/search?q=${encodeURIComponent(stamp)}`);
      const item = page.locator('.sfacet__item', { hasText: value }).first();
      await expect.poll(() => item.count()).toBe(1);
      // On a phone the filters are in a drawer, opened from the results' bar.
      if (viewport === 'phone') await page.locator('.filterdrawer__open').click();
      await item.getByRole('checkbox').click();
      await page.waitForURL(new RegExp(`f\\.documentType=${id}`));
      await expect.poll(() => page.getByRole('link', { name: title }).first().count()).toBe(1);
      await expect
        .poll(() =>
          page.locator('.sfacet__item', { hasText: value }).first().getByRole('checkbox').isChecked(),
        )
        .toBe(true);
      await expectAccessible(page, `search-by-new-value-${viewport}`);
      await ctx.close();
    }, 240_000);
  }

  it('shows the relation types with their inverse labels (desktop, Arabic)', async () => {
    const { ctx } = await signedIn('desktop');
    const page = await ctx.newPage();
    await page.goto(`${url}/en/admin/relation-types`);
    await page.locator('.settings__entries summary').first().click();
    await expectAccessible(page, 'settings-relation-types-desktop');
    await screenshot(page, 'settings-relation-types-desktop');
    await page.goto(`${url}/ar/admin/templates/Document`);
    await page.locator('.settings__property').first().waitFor();
    await expectAccessible(page, 'settings-templates-ar');
    await screenshot(page, 'settings-templates-ar', { fullPage: false });
    await ctx.close();
  }, 240_000);
});
