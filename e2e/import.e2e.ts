import { zipSync } from 'fflate';
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
      expect(await problems.textContent()).toContain('"not a date" is not a date');
      expect(await problems.textContent()).toContain(`"${type}" is not a value of Document type`);
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

      const res = await page.request.get(`${url}/api/v1/search?q=${encodeURIComponent(`"${title}"`)}`);
      const found = (await res.json()) as {
        items: { entity: { title: string; metadata: Record<string, unknown> } }[];
      };
      expect(found.items.map((i) => i.entity.title)).toContain(title);
      await page.close();
    });
});
