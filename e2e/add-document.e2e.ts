import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { simplePdf } from '../test/fixtures/pdf/raw-pdf.ts';
import { expectAccessible } from './support/axe.ts';
import { launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

type Entity = { id: string; title: string; version: number; metadata: Record<string, unknown> };

/** Drops a file on an element the way a browser does: a drop event whose DataTransfer holds the file. */
async function dropFile(page: Page, selector: string, name: string, bytes: Uint8Array) {
  await page.evaluate(
    ({ selector, name, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type: 'application/pdf' }));
      const target = document.querySelector(selector);
      if (!target) throw new Error(`nothing at ${selector}`);
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
    },
    { selector, name, data: [...bytes] },
  );
}

/**
 * "Add document" on a profile section (issue 10, item 3, with item 4's upload and processing states): an
 * editor adds a national strategy PDF to a state's Strategy Documents in one dialog, then finds it on the
 * profile, in search (by a word of its text) and in the viewer with its state.
 */
describe('add a document to a profile section', () => {
  let browser: Browser;
  const url = inject('portalUrl');
  let restore: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await restore?.();
    await browser?.close();
  });

  it('creates a strategy with its PDF from Nauru’s profile, and the profile, search and viewer show it', async () => {
    const ctx = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const session = await ctx.request.post(`${url}/api/v1/session`, { data: inject('editorLogin') });
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': csrfToken };
    const states = (await (
      await ctx.request.get(`${url}/api/v1/entities?template=State&limit=500`)
    ).json()) as {
      items: Entity[];
    };
    const nauru = states.items.find((s) => s.title === 'Nauru')!;
    const before = nauru.metadata.strategyDocuments ?? null;
    // Put Nauru back as it was and remove the document, so the shared collection is as the other files expect.
    restore = async () => {
      const now = (await (await ctx.request.get(`${url}/api/v1/entities/${nauru.id}`)).json()) as Entity;
      const added = ((now.metadata.strategyDocuments as string[]) ?? []).filter(
        (id) => !((before as string[] | null) ?? []).includes(id),
      );
      await ctx.request.patch(`${url}/api/v1/entities/${nauru.id}`, {
        headers,
        data: { metadata: { strategyDocuments: before } },
      });
      for (const id of added) await ctx.request.delete(`${url}/api/v1/entities/${id}`, { headers });
      await ctx.close();
    };

    const page = await ctx.newPage();
    await page.goto(`${url}/en/states/nauru#section-strategyDocuments`);
    await page.locator('[data-profile-ready]').waitFor();
    const section = page.locator('#section-strategyDocuments');
    await section.getByRole('button', { name: 'Add document' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a document to Strategy Documents' });
    await expect.poll(() => dialog.isVisible()).toBe(true);

    await dialog.getByLabel(/^Title/).fill('Nauru National Cybersecurity Strategy 2026–2030');
    const type = dialog.getByRole('combobox', { name: /^Document type/ });
    await type.fill('national str');
    await type.press('Enter');
    await dialog.getByLabel(/^Date/).fill('2026-03');
    const status = dialog.getByRole('combobox', { name: /^Status/ });
    await status.fill('in force');
    await status.press('Enter');
    await dialog.getByRole('button', { name: 'Add link' }).click();
    await dialog.getByLabel('Link text').fill('Government gazette');
    await dialog.getByLabel('Address (https://…)').fill('https://example.org/nauru/strategy-2026');
    await dialog
      .getByLabel(/^Summary/)
      .fill('Five pillars: **resilience**, skills, cooperation, law, incident response.');
    const pdf = simplePdf('Nauru commits to a zeppelinfield resilience programme for every ministry.');
    await dropFile(page, '.dropzone', 'nauru-strategy-2026.pdf', pdf);
    await expect.poll(() => dialog.locator('.uploads__item').textContent()).toContain('Waiting to upload');
    await expectAccessible(page, 'add document');
    await screenshot(page, 'add-document-dialog', { fullPage: false });
    // The same dialog on a phone (the page is not reloaded: the form keeps what was typed).
    await page.setViewportSize(VIEWPORTS.phone);
    expect(await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
    await expectAccessible(page, 'add document phone');
    await screenshot(page, 'add-document-dialog-phone', { fullPage: false });
    await page.setViewportSize(VIEWPORTS.desktop);

    await dialog.getByRole('button', { name: 'Add document' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('was added');
    // Uploaded, then processed by the portal's ingest runner until ready.
    await expect
      .poll(() => dialog.locator('.uploads__item').getAttribute('data-state'), { timeout: 90_000 })
      .toBe('ready');
    await screenshot(page, 'add-document-ready', { fullPage: false });
    await dialog.getByRole('button', { name: 'Done' }).click();

    // On the profile, in the section.
    await expect
      .poll(() => section.getByRole('link', { name: /Nauru National Cybersecurity Strategy 2026/ }).count())
      .toBe(1);
    await screenshot(page, 'add-document-profile');

    // In search, by a word that is only in the PDF's text.
    await page.goto(`${url}/en/search?q=zeppelinfield`);
    const card = page
      .locator('.ssearch__list li')
      .filter({ hasText: 'Nauru National Cybersecurity Strategy' });
    // The file's text reaches the index just after "ready"; on a loaded machine that takes seconds.
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1);

    // In the viewer, with its state.
    await card
      .getByRole('link', { name: /Nauru National Cybersecurity Strategy/ })
      .first()
      .click();
    await page.waitForURL(/\/documents\//);
    await expect.poll(() => page.locator('.viewer__text span').count()).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Details' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Nauru');
    await expectAccessible(page, 'added document viewer');
    await screenshot(page, 'add-document-viewer', { fullPage: false });

    // Files in the editor (item 4): the file with its download, a new version, and one more by drag and drop.
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    const files = page.locator('.efiles');
    await expect
      .poll(() => files.locator('.uploads__item').first().textContent())
      .toContain('nauru-strategy-2026.pdf');
    const download = await files.getByRole('link', { name: 'Download' }).getAttribute('href');
    expect((await ctx.request.get(`${url}${download}`)).status()).toBe(200);
    const chooser = page.waitForEvent('filechooser');
    await files
      .locator('.uploads__item', { hasText: 'nauru-strategy-2026.pdf' })
      .getByRole('button', { name: 'Replace with a new version' })
      .click();
    await (await chooser).setFiles({
      name: 'nauru-strategy-2026-rev1.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(simplePdf('Nauru commits to a zeppelinfield resilience programme, revised.')),
    });
    await expect
      .poll(() => files.locator('.replace-report').textContent(), { timeout: 90_000 })
      .toContain('Every connection was re-attached');
    await dropFile(
      page,
      '.efiles .dropzone',
      'nauru-annex.pdf',
      simplePdf('Annex: zeppelinfield milestones.'),
    );
    await expect
      .poll(
        () =>
          files.locator('.uploads__item[data-state="ready"]').filter({ hasText: 'nauru-annex.pdf' }).count(),
        {
          timeout: 90_000,
        },
      )
      .toBeGreaterThan(0);
    await expectAccessible(page, 'editor files');
    await screenshot(page, 'editor-files');
    await page.setViewportSize(VIEWPORTS.phone);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page, 'editor files phone');
    // One screen at the files (a whole-page picture would draw the sticky save bar half-way down).
    await page.locator('.efiles').scrollIntoViewIfNeeded();
    await screenshot(page, 'editor-files-phone', { fullPage: false });
  });
});
