import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

async function signIn(page: Page, url: string, login: { username: string; password: string }, next: string) {
  await page.goto(`${url}/signin?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Username').fill(login.username);
  await page.getByLabel('Password').fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === `/en${next}`);
}

/**
 * A connection orphaned the way real ones are: a passage of a text file is connected to its entity, then a new
 * version of the file without that passage replaces it and the re-anchoring finds no place for it.
 */
async function orphanConnection(
  api: APIRequestContext,
  url: string,
  csrf: string,
  entityId: string,
  stamp: string,
) {
  const headers = { 'x-csrf-token': csrf };
  const quote = `Operators disclose known vulnerabilities within ten days (${stamp}).`;
  const text = (body: string) => ({
    name: `decree-${stamp}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(body),
  });
  const first = `Article 1. The agency coordinates incident response.\n\nArticle 2. ${quote}\n`;
  const up = await api.post(`${url}/api/v1/entities/${entityId}/files`, {
    headers,
    multipart: { file: text(first) },
  });
  expect(up.status(), await up.text()).toBe(202);
  const fileId = (await up.json()).id as string;
  const ready = async () =>
    ((await (await api.get(`${url}/api/v1/files/${fileId}`)).json()) as { status: string }).status;
  await expect.poll(ready, { timeout: 30_000 }).toBe('ready');
  const paragraphs = (await (await api.get(`${url}/api/v1/files/${fileId}/paragraphs`)).json()) as {
    start: number;
    text: string;
  }[];
  const p = paragraphs.find((x) => x.text.includes(quote))!;
  const start = p.start + p.text.indexOf(quote);
  const types = (await (await api.get(`${url}/api/v1/relation-types`)).json()) as { name: string }[];
  const ref = await api.post(`${url}/api/v1/references`, {
    headers,
    data: {
      relationType: types[0]!.name,
      source: { fileId, start, end: start + quote.length, exact: quote },
      targetEntityId: entityId,
    },
  });
  expect(ref.status(), await ref.text()).toBe(201);
  const second = `Article 1. The agency coordinates incident response and publishes guidance (${stamp}).\n`;
  const replaced = await api.post(`${url}/api/v1/files/${fileId}/versions`, {
    headers,
    multipart: { file: text(second) },
  });
  expect(replaced.status(), await replaced.text()).toBe(202);
  const orphaned = async () =>
    (
      (await (await api.get(`${url}/api/v1/references/orphaned?limit=500`)).json()) as {
        items: { source: { exact: string } }[];
      }
    ).items.some((r) => r.source.exact === quote);
  await expect.poll(orphaned, { timeout: 30_000 }).toBe(true);
  return quote;
}

/**
 * An admin opens Settings from the session menu, reads a change in the activity log field by field (a
 * translated title included) and reverts it in one click; creates an editor account who then signs in and
 * sees only the settings an editor may use. At desktop width and on a phone.
 */
describe('settings', () => {
  let browser: Browser;
  let editorContext: BrowserContext;
  let api: APIRequestContext;
  let csrf = '';
  const created: string[] = [];
  const url = inject('portalUrl');

  beforeAll(async () => {
    browser = await launchChromium();
    editorContext = await browser.newContext();
    api = editorContext.request;
    const session = await api.post(`${url}/api/v1/session`, { data: inject('editorLogin') });
    expect(session.status()).toBe(200);
    csrf = (await session.json()).csrfToken;
  });
  afterAll(async () => {
    for (const id of created)
      await api.delete(`${url}/api/v1/entities/${id}`, { headers: { 'x-csrf-token': csrf } });
    await editorContext?.close();
    await browser?.close();
  });

  for (const [name, viewport] of Object.entries(VIEWPORTS))
    it(`reads a diff and reverts it, then adds an editor who signs in (${name})`, async () => {
      // An editor's change to revert: the title and the French title of a fresh document.
      const stamp = `${name}-${Date.now()}`;
      const original = `Cyber incident decree ${stamp}`;
      const res = await api.post(`${url}/api/v1/entities`, {
        headers: { 'x-csrf-token': csrf },
        data: {
          template: 'Document',
          title: original,
          metadata: { documentType: 'national-strategy', status: 'in-force', date: '2024-05' },
          translations: { fr: { title: `Décret sur les incidents ${stamp}` } },
        },
      });
      expect(res.status(), await res.text()).toBe(201);
      const id = (await res.json()).id as string;
      created.push(id);
      const typo = `Cyber incidnet decree ${stamp}`;
      const patched = await api.patch(`${url}/api/v1/entities/${id}`, {
        headers: { 'x-csrf-token': csrf },
        data: { title: typo, translations: { fr: { title: `Décret incidnets ${stamp}` } } },
      });
      expect(patched.status()).toBe(200);

      const quote = await orphanConnection(api, url, csrf, id, stamp);

      const page = await browser.newPage({ viewport });
      await signIn(page, url, inject('adminLogin'), '/browse');
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.waitForURL(/\/en\/admin$/);
      const nav = page.getByRole('navigation', { name: 'Settings sections' });
      await nav.waitFor();
      for (const screen of ['Accounts', 'Activity log', 'Orphaned connections', 'Thesauri', 'Import'])
        expect(await nav.getByRole('link', { name: screen }).count()).toBe(1);
      await page.locator('.settings__index').waitFor();
      await expectAccessible(page, `settings-${name}`);
      await screenshot(page, `settings-${name}`);

      await nav.getByRole('link', { name: 'Activity log' }).click();
      await page.getByLabel('Words in the summary').fill(stamp);
      await page.getByLabel('Action').selectOption('update');
      // Both filters are in the address, to be shared; the list is the one for both.
      await page.waitForURL(
        (u) => u.searchParams.get('q') === stamp && u.searchParams.get('action') === 'update',
      );
      const entry = page.locator('.settings__entry', { hasText: typo });
      await expect.poll(() => entry.count()).toBe(1);
      await entry.locator('summary').click();
      const diff = entry.getByRole('table', { name: 'Changes, field by field' });
      const title = diff
        .getByRole('row')
        .filter({ hasNotText: 'Français' })
        .filter({ hasText: /^title/ });
      expect(await title.locator('del').textContent()).toBe(original);
      expect(await title.locator('ins').textContent()).toBe(typo);
      const french = diff.getByRole('row', { name: /Français/ });
      expect(await french.locator('del').textContent()).toBe(`Décret sur les incidents ${stamp}`);
      await expectAccessible(page, `settings-activity-${name}`);
      await screenshot(page, `settings-activity-${name}`);

      await entry.getByRole('button', { name: 'Revert' }).click();
      await expect
        .poll(() => entry.getByRole('status').textContent())
        .toBe(`Reverted: “${original}” has its earlier values again.`);
      const after = (await (await api.get(`${url}/api/v1/entities/${id}`)).json()) as {
        title: string;
        translations: { fr?: { title?: string } };
      };
      expect(after.title).toBe(original);
      expect(after.translations.fr?.title).toBe(`Décret sur les incidents ${stamp}`);
      // The revert is an entry of its own.
      await page.getByLabel('Action').selectOption('revert');
      await expect.poll(() => page.locator('.settings__entry', { hasText: original }).count()).toBe(1);

      // A fresh thesaurus, its value labelled in French and Arabic from the six-column editor.
      const session = (await (await page.request.get(`${url}/api/v1/session`)).json()) as {
        csrfToken: string;
      };
      const thesaurus = `settingsTest${Date.now()}`;
      const made = await page.request.post(`${url}/api/v1/thesauri`, {
        headers: { 'x-csrf-token': session.csrfToken },
        data: { name: thesaurus, label: `Sectors ${stamp}`, values: [{ id: 'energy', label: 'Energy' }] },
      });
      expect(made.status(), await made.text()).toBe(201);
      await nav.getByRole('link', { name: 'Thesauri' }).click();
      await page.getByRole('link', { name: `Sectors ${stamp}` }).click();
      await page.getByLabel('Energy in Français').fill('Énergie');
      await page.getByLabel('Energy in العربية').fill('الطاقة');
      await page.getByRole('button', { name: 'Save the labels' }).click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Labels' }).textContent())
        .toBe(`Labels of Sectors ${stamp} saved.`);
      const stored = (await (await page.request.get(`${url}/api/v1/thesauri/${thesaurus}`)).json()) as {
        values: { labels?: Record<string, string> }[];
      };
      expect(stored.values[0]?.labels).toEqual({ fr: 'Énergie', ar: 'الطاقة' });
      await expectAccessible(page, `settings-thesauri-${name}`);
      await screenshot(page, `settings-thesauri-${name}`);

      // A new editor account, who signs in and finds only the orphaned connections among the settings.
      await page.getByRole('link', { name: 'Accounts' }).click();
      const editor = { username: `editor-${stamp}`, password: `correct horse ${stamp}` };
      const form = page.getByRole('form', { name: 'Add an account' });
      await form.getByLabel('Username').fill(editor.username);
      await form.getByLabel('Role').selectOption('editor');
      await form.getByLabel('Password (at least 10 characters)').fill(editor.password);
      await form.getByRole('button', { name: 'Create the account' }).click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Account' }).textContent())
        .toBe(`Account ${editor.username} created.`);
      const row = page.getByRole('row', { name: new RegExp(editor.username) });
      expect(await row.getByRole('combobox').inputValue()).toBe('editor');
      await expectAccessible(page, `settings-accounts-${name}`);
      await screenshot(page, `settings-accounts-${name}`);

      const other = await browser.newPage({ viewport });
      await signIn(other, url, editor, '/browse');
      expect(await other.locator('.layout__session').textContent()).toContain(`${editor.username} (editor)`);
      await other.getByRole('link', { name: 'Settings' }).click();
      const editorNav = other.getByRole('navigation', { name: 'Settings sections' });
      await editorNav.waitFor();
      await expect
        .poll(() => editorNav.getByRole('link').allTextContents())
        .toEqual(['Orphaned connections']);
      await editorNav.getByRole('link', { name: 'Orphaned connections' }).click();
      await other.getByRole('heading', { name: 'Orphaned connections' }).waitFor();
      const orphan = other.locator('.settings__entry', { hasText: quote });
      await expect.poll(() => orphan.count()).toBe(1);
      expect(await orphan.getByRole('link', { name: original }).count()).toBeGreaterThan(0);
      await expectAccessible(other, `settings-orphaned-${name}`);
      await screenshot(other, `settings-orphaned-${name}`);
      await orphan.getByRole('button', { name: 'Delete' }).click();
      await orphan.getByRole('button', { name: 'Yes, delete' }).click();
      await expect.poll(() => orphan.count()).toBe(0);
      // The API refuses what the screen hides.
      expect((await other.request.get(`${url}/api/v1/activity`)).status()).toBe(403);
      await other.close();

      // Removed again, after its confirmation.
      await row.getByRole('button', { name: `Delete ${editor.username}` }).click();
      await row.getByRole('button', { name: 'Yes, delete' }).click();
      await expect.poll(() => row.count()).toBe(0);
      await page.close();
      // A long journey (seven screens, two people): more than the default minute on a loaded machine.
    }, 180_000);
});
