import { unzipSync, zipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

async function signInAsAdmin(page: Page, url: string, next: string) {
  const { username, password } = inject('adminLogin');
  await page.goto(`${url}/signin?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === `/en${next}`);
}

/** A short silent WAV (8 kHz, 8-bit mono, 0.5 s), which Chromium's own player opens. */
function silentWav(): Buffer {
  const samples = 4000;
  const b = Buffer.alloc(44 + samples, 128);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + samples, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(8000, 28);
  b.writeUInt16LE(1, 32);
  b.writeUInt16LE(8, 34);
  b.write('data', 36);
  b.writeUInt32LE(samples, 40);
  return b;
}

const zip = (csv: string) =>
  Buffer.from(
    zipSync({
      'import.csv': Buffer.from(csv),
      'decree.txt': Buffer.from('Article 1. The national cyber agency coordinates incident response.'),
    }),
  );

/**
 * An admin loads a ZIP of documents from a spreadsheet: reads the preview and its problems, imports once they
 * are fixed, follows the progress and finds the rows; at desktop width and on a phone.
 */
describe('import from a spreadsheet', () => {
  let browser: Browser;
  const url = inject('portalUrl');
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, viewport] of Object.entries(VIEWPORTS))
    it(`previews, refuses a bad file, then imports the fixed one (${name})`, async () => {
      const page = await browser.newPage({ viewport });
      await signInAsAdmin(page, url, '/browse');
      await page.getByRole('link', { name: 'Settings' }).click();
      await page
        .getByRole('navigation', { name: 'Settings sections' })
        .getByRole('link', { name: 'Import' })
        .click();
      await page.waitForURL(/\/en\/admin\/import$/);
      await expectAccessible(page, `import-${name}`);
      await page.getByLabel('Template of every row').selectOption('Document');
      const title = `Imported decree ${name} ${Date.now()}`;
      const type = `Decree (${name})`;
      await page.getByLabel('CSV or ZIP file').setInputFiles({
        name: 'bad.zip',
        mimeType: 'application/zip',
        buffer: zip(`title,Document type,Date,file\n${title},${type},not a date,decree.txt\n`),
      });
      await page.getByRole('button', { name: 'Check the file' }).click();
      const problems = page.getByRole('table', { name: /2 problems/ });
      await expect.poll(() => problems.count()).toBe(1);
      expect(await problems.textContent()).toContain('“not a date” is not a date');
      expect(await problems.textContent()).toContain(`“${type}” is not a value of Document type`);
      expect(await page.getByRole('button', { name: /^Import \d+ row/ }).isDisabled()).toBe(true);
      await expectAccessible(page, `import-problems-${name}`);
      await screenshot(page, `import-problems-${name}`);

      // Fixed: a real date, and the new type added on purpose.
      await page.getByLabel('CSV or ZIP file').setInputFiles({
        name: 'good.zip',
        mimeType: 'application/zip',
        buffer: zip(`title,Document type,Date,file\n${title},${type},2024-03,decree.txt\n`),
      });
      await page.getByLabel('Add thesaurus values that do not exist yet').check();
      await page.getByRole('button', { name: 'Check the file' }).click();
      await expect.poll(() => page.getByText('No problems found.').count()).toBe(1);
      await page.getByRole('button', { name: 'Import 1 row' }).click();
      await expect
        .poll(() => page.getByText('Done: 1 entity imported.').count(), { timeout: 30_000 })
        .toBe(1);
      await screenshot(page, `import-done-${name}`);

      // Found as a reader finds it: the search page's box, the result's link, the entity's page.
      await page.goto(`${url}/en/search`);
      const box = page.getByRole('searchbox', { name: 'Search profiles and documents' });
      await box.fill(`"${title}"`);
      await box.press('Enter');
      const result = page.getByRole('link', { name: title, exact: true });
      // The first import adds a thesaurus value, whose reindex job may still be walking the demo's documents.
      const deadline = Date.now() + 90_000;
      for (;;) {
        const shown = await result
          .first()
          .waitFor({ timeout: 10_000 })
          .then(() => true)
          .catch(() => false);
        if (shown) break;
        if (Date.now() > deadline) throw new Error(`"${title}" not found on the search page`);
        await page.reload();
      }
      if (name === 'desktop') {
        // And back out with its file: the ZIP export of the Document template, in the import's format.
        await page.getByLabel('Template to export with files').selectOption('Document');
        const href = await page.getByRole('link', { name: 'ZIP with files' }).getAttribute('href');
        expect(href).toMatch(/\/search\/export\/zip\?.*template=Document/);
        const res = await page.request.get(`${url}${href}`);
        expect(res.headers()['content-type']).toBe('application/zip');
        const entries = unzipSync(new Uint8Array(await res.body()));
        expect(new TextDecoder().decode(entries['import.csv'])).toContain(title);
        expect(Object.keys(entries).some((n) => /^files\/[^/]+\/decree\.txt$/.test(n))).toBe(true);
        await screenshot(page, 'search-zip-export-desktop');
      }
      await result.first().click();
      await expect.poll(() => page.getByRole('heading', { name: title }).count()).toBeGreaterThan(0);
      await page.close();
    });

  it("plays a media value naming an imported audio file in the browser's own player", async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    await signInAsAdmin(page, url, '/browse');
    const { csrfToken } = (await (await page.request.get(`${url}/api/v1/session`)).json()) as {
      csrfToken: string;
    };
    const headers = { 'x-csrf-token': csrfToken };
    const name = `Recording${Math.random().toString(36).slice(2, 8).replace(/\d/g, 'x')}`;
    const flags = { required: false, filterable: false, showInCard: false };
    const made = await page.request.post(`${url}/api/v1/templates`, {
      headers,
      data: {
        name,
        label: 'Recording',
        properties: [{ ...flags, name: 'audio', label: 'Audio', type: 'media' }],
      },
    });
    expect(made.status(), await made.text()).toBe(201);
    // Imported as a reader of the issue would: a ZIP whose media cell names the row's attachment.
    await page.goto(`${url}/en/admin/import`);
    await page.getByLabel('Template of every row').selectOption(name);
    const title = `Interview ${Date.now()}`;
    await page.getByLabel('CSV or ZIP file').setInputFiles({
      name: 'recording.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(
        zipSync({
          'import.csv': Buffer.from(`title,Audio,attachments,published\n${title},tone.wav,tone.wav,yes\n`),
          'tone.wav': silentWav(),
        }),
      ),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('button', { name: 'Import 1 row' }).click();
    await expect.poll(() => page.getByText('Done: 1 entity imported.').count(), { timeout: 30_000 }).toBe(1);
    const found = (await (
      await page.request.get(`${url}/api/v1/search?template=${name}&q=${encodeURIComponent(`"${title}"`)}`)
    ).json()) as { items: { entity: { id: string } }[] };
    await page.goto(`${url}/en/documents/${found.items[0]!.entity.id}?panel=details`);
    await expect.poll(() => page.locator('audio[controls]').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('audio[controls]').getAttribute('aria-label')).toBe('Audio');
    // The player loads the file (no error: the link alone would remain), and a link to it stays beside.
    await expect
      .poll(() => page.locator('audio').evaluate((a: HTMLAudioElement) => a.readyState), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: /Open \u2068?tone\.wav/ }).count()).toBeGreaterThan(0);
    await page.locator('audio').focus();
    await expectAccessible(page, 'media-player');
    await screenshot(page, 'media-player-desktop');
    // On a phone, in Arabic: the same player, the link's words in Arabic.
    await page.setViewportSize(VIEWPORTS.phone);
    await page.goto(`${url}/ar/documents/${found.items[0]!.entity.id}?panel=details`);
    await expect.poll(() => page.locator('audio[controls]').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('link', { name: /فتح \u2068?tone\.wav/ }).count()).toBeGreaterThan(0);
    await screenshot(page, 'ar-media-player-phone');
    await page.close();
  });
});
