import type { APIRequestContext, Browser, Page } from 'playwright-core';
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
 * A connection orphaned because its quote became ambiguous: the new version of the file holds the quoted
 * sentence twice (Section A and Section B), so re-anchoring attaches it to neither.
 */
async function ambiguousOrphan(api: APIRequestContext, url: string, csrf: string, stamp: string) {
  const headers = { 'x-csrf-token': csrf };
  const entity = await api.post(`${url}/api/v1/entities`, {
    headers,
    data: {
      template: 'Document',
      title: `Disclosure decree ${stamp}`,
      metadata: { documentType: 'national-strategy', status: 'in-force', date: '2024-05' },
    },
  });
  expect(entity.status(), await entity.text()).toBe(201);
  const entityId = (await entity.json()).id as string;
  const quote = `Operators disclose known vulnerabilities within ten days (${stamp}).`;
  const file = (body: string) => ({
    name: `decree-${stamp}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(body),
  });
  const up = await api.post(`${url}/api/v1/entities/${entityId}/files`, {
    headers,
    multipart: {
      file: file(
        `Article 1. The agency coordinates incident response.\n\nArticle 2. ${quote}\n\nArticle 3. The agency reports yearly.\n`,
      ),
    },
  });
  expect(up.status(), await up.text()).toBe(202);
  const fileId = (await up.json()).id as string;
  const status = async () =>
    ((await (await api.get(`${url}/api/v1/files/${fileId}`)).json()) as { status: string }).status;
  await expect.poll(status, { timeout: 120_000 }).toBe('ready');
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
  const refId = (await ref.json()).id as string;
  const replaced = await api.post(`${url}/api/v1/files/${fileId}/versions`, {
    headers,
    multipart: {
      file: file(
        `Preamble.\n\nArticle 1. The agency coordinates incident response.\n\nSection A. ${quote}\n\nSection B. ${quote}\n\nArticle 3. The agency reports yearly.\n`,
      ),
    },
  });
  expect(replaced.status(), await replaced.text()).toBe(202);
  const orphaned = async () => await (await api.get(`${url}/api/v1/references/${refId}/reattach`)).status();
  await expect.poll(orphaned, { timeout: 120_000 }).toBe(200);
  return { quote, refId, fileId, entityId };
}

/**
 * An editor opens an orphaned connection from the settings' list (phone) or from the document viewer's
 * connections (desktop: the same flow in a dialog), sees the lost quote and the suggested paragraphs of
 * the new version with the best one preselected, chooses the other one that holds the quote, and saves: the
 * connection is re-anchored there and leaves the list. At desktop width and on a phone.
 */
describe('re-attaching an orphaned connection', () => {
  let browser: Browser;
  const url = inject('portalUrl');
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, viewport] of Object.entries(VIEWPORTS))
    it(`re-attaches an orphan to a suggested paragraph (${name})`, async () => {
      const stamp = `${name}-${Date.now()}`;
      const page = await browser.newPage({ viewport });
      await signIn(page, url, inject('editorLogin'), '/browse');
      const csrf = ((await (await page.request.get(`${url}/api/v1/session`)).json()) as { csrfToken: string })
        .csrfToken;
      const { quote, refId, fileId, entityId } = await ambiguousOrphan(page.request, url, csrf, stamp);

      if (name === 'desktop') {
        // From the viewer: the orphan is listed with its old quote; "Re-attach" opens the same flow in a dialog.
        await page.goto(`${url}/en/documents/${entityId}`);
        const listed = page.locator(`[data-connection="${refId}"]`).first();
        await expect.poll(() => listed.textContent(), { timeout: 30_000 }).toContain('needs re-attaching');
        expect(await listed.textContent()).toContain(quote);
        await listed.getByRole('button', { name: 'Re-attach' }).click();
        await page.getByRole('dialog', { name: 'Re-attach a connection' }).waitFor();
      } else {
        await page.goto(`${url}/en/admin/orphaned`);
        let item = page.locator('.settings__entry', { hasText: quote });
        // The list pages by 50; the fresh orphan is on the last page (oldest first).
        for (let i = 0; i < 20 && (await item.count()) === 0; i++) {
          const next = page.getByRole('button', { name: 'Next' });
          if ((await next.count()) === 0 || (await next.isDisabled())) break;
          await next.click();
          await page.waitForTimeout(300);
          item = page.locator('.settings__entry', { hasText: quote });
        }
        await expect.poll(() => item.count()).toBe(1);
        await item.getByRole('link', { name: 'Re-attach' }).click();
        await page.waitForURL(`**/admin/orphaned/${refId}`);
      }
      const choices = page.locator('.settings__choice');
      await expect.poll(() => choices.count()).toBeGreaterThanOrEqual(2);
      const sectionA = choices.filter({ hasText: 'Section A.' });
      const sectionB = choices.filter({ hasText: 'Section B.' });
      // The best suggestion is preselected: one of the two paragraphs holding the quote.
      expect(await choices.first().getByRole('radio').isChecked()).toBe(true);
      expect((await sectionA.count()) + (await sectionB.count())).toBe(2);
      const shot = name === 'desktop' ? `reattach-viewer-${name}` : `reattach-${name}`;
      await expectAccessible(page, shot);
      await screenshot(page, shot);

      await sectionB.getByRole('radio').check();
      expect(await page.locator('.settings__chosen').textContent()).toContain(`Section B. ${quote}`);
      await page.getByRole('button', { name: 'Re-attach here' }).click();
      await expect
        .poll(() => page.locator('.settings__ok').textContent())
        .toBe('Re-attached. The connection has left the list of orphaned connections.');
      await screenshot(page, name === 'desktop' ? `reattach-viewer-saved-${name}` : `reattach-saved-${name}`);
      if (name === 'desktop') {
        // Closing the dialog: the viewer's list no longer calls the connection orphaned.
        await page.getByRole('button', { name: 'Close', exact: true }).click();
        const listed = page.locator(`[data-connection="${refId}"]`).first();
        await expect.poll(() => listed.textContent()).not.toContain('needs re-attaching');
      }

      const text = (
        (await (await page.request.get(`${url}/api/v1/files/${fileId}/paragraphs`)).json()) as {
          start: number;
          end: number;
          text: string;
        }[]
      ).find((p) => p.text.startsWith('Section B.'))!;
      const refs = (await (
        await page.request.get(`${url}/api/v1/references?entityId=${entityId}`)
      ).json()) as {
        items: { id: string; orphaned: boolean; source: { start: number; end: number } }[];
      };
      const ref = refs.items.find((r) => r.id === refId)!;
      expect(ref.orphaned).toBe(false);
      expect(ref.source).toMatchObject({ start: text.start, end: text.end });
      expect((await page.request.get(`${url}/api/v1/references/${refId}/reattach`)).status()).toBe(409);
      await page.request.delete(`${url}/api/v1/entities/${entityId}`, { headers: { 'x-csrf-token': csrf } });
      await page.close();
    }, 300_000);
});
