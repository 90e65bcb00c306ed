import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { focusedName, launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

type Doc = { id: string; title: string };
type Entry = { label: string; level: number; page: number; paragraphId: string | null };

/**
 * The viewer's Contents panel: the document's table of contents (its headings here: the demo's PDFs have
 * no bookmarks), reached with the keyboard, and an entry taking the reader to its page with its paragraph
 * marked; at desktop width and on a phone.
 */
describe('table of contents panel', () => {
  let browser: Browser;
  const url = inject('portalUrl');

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, viewport] of Object.entries(VIEWPORTS))
    it(`lists the entries and goes to one (${name})`, async () => {
      const docs = (await (await fetch(`${url}/api/v1/entities?template=Document&limit=100`)).json()) as {
        items: Doc[];
      };
      const doc = docs.items.find((d) => d.title.includes('Implementation Plan'))!;
      const view = (await (await fetch(`${url}/api/v1/entities/${doc.id}/view`)).json()) as {
        files: { id: string }[];
      };
      const toc = (await (await fetch(`${url}/api/v1/files/${view.files[0]!.id}/toc`)).json()) as Entry[];
      const later = toc.find((e) => e.page > 1 && e.paragraphId);
      expect(later, JSON.stringify(toc)).toBeDefined();

      const page = await browser.newPage({ viewport });
      await page.goto(`${url}/documents/${doc.id}`);
      await expect.poll(() => page.locator('.viewer__text span').count()).toBeGreaterThan(5);
      // Keyboard: the tabs are WAI-ARIA tabs (arrows), the entries buttons in a navigation landmark.
      await page.getByRole('tab', { name: 'Find' }).click();
      await page.waitForURL(/[?&]panel=find/);
      await expect.poll(() => focusedName(page)).toBe('Find');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => focusedName(page)).toBe('Contents');
      await page.waitForURL(/[?&]panel=contents/);
      const nav = page.getByRole('navigation', { name: 'Table of contents' });
      await expect.poll(() => nav.getByRole('button').count()).toBe(toc.length);
      expect(await nav.getByRole('button').first().textContent()).toContain(toc[0]!.label);
      await expectAccessible(page, `toc-${name}`);
      await screenshot(page, `viewer-toc-${name}`, { fullPage: false });

      const entry = nav.getByRole('button', { name: new RegExp(`^${escapeRegExp(later!.label)}`) }).first();
      await entry.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`[?&]page=${later!.page}(&|$)`));
      await expect.poll(() => page.locator('.viewer__mark--focus').count()).toBeGreaterThan(0);
      // The mark is on the entry's page, and that entry is now the current one.
      await expect
        .poll(() => page.locator(`.viewer__page[data-page="${later!.page}"] .viewer__mark--focus`).count())
        .toBeGreaterThan(0);
      await expect.poll(() => nav.locator('[aria-current="location"]').textContent()).toContain(later!.label);
      await screenshot(page, `viewer-toc-${name}-entry`, { fullPage: false });
      await page.close();
    });
});

/**
 * An editor edits a document's contents: an entry added from words selected with the mouse and renamed, one
 * indented, one renamed and one deleted, all with the keyboard; the list is kept after a reload and an entry
 * still leads to its paragraph.
 */
describe('editing the table of contents', () => {
  let browser: Browser;
  const url = inject('portalUrl');

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, viewport] of Object.entries(VIEWPORTS))
    it(`adds, renames, indents and deletes entries (${name})`, async () => {
      const docs = (await (await fetch(`${url}/api/v1/entities?template=Document&limit=100`)).json()) as {
        items: Doc[];
      };
      // A document of its own per viewport: the journeys do not see each other's edits.
      const doc = docs.items.filter((d) => !d.title.includes('Implementation Plan'))[
        name === 'desktop' ? 0 : 1
      ]!;
      const page = await browser.newPage({ viewport });
      await signIn(page, url, `/documents/${doc.id}?panel=contents`);
      await expect.poll(() => page.locator('.viewer__text span').count()).toBeGreaterThan(5);
      const before = await tocOf(page, doc.id);
      await page.getByRole('button', { name: 'Edit contents' }).click();
      const list = page.getByRole('list', { name: 'Table of contents' });

      // Add: words selected with the mouse on page 1 become an entry, renamed before it is saved again.
      const line = page.locator('.viewer__page[data-page="1"] .viewer__text span').nth(3);
      await selectLine(page, line, 0.5);
      await page.getByRole('button', { name: 'Add entry here' }).click();
      const title = page.getByLabel('Entry title');
      await expect.poll(() => title.count()).toBe(1);
      await title.fill('Key passage');
      await page.keyboard.press('Enter');
      await expect.poll(() => list.getByText('Key passage').count()).toBe(1);
      await expect.poll(async () => (await tocOf(page, doc.id)).length).toBe(before.length + 1);

      // Indent the new entry (keyboard), rename the first one, delete the last one.
      const added = (await tocOf(page, doc.id)).findIndex((e) => e.label === 'Key passage');
      const levelBefore = (await tocOf(page, doc.id))[added]!.level;
      const indentButton = page.getByRole('button', { name: 'Indent “Key passage”' });
      if ((await indentButton.getAttribute('aria-disabled')) === 'false') {
        await indentButton.focus();
        await page.keyboard.press('Enter');
        await expect.poll(async () => (await tocOf(page, doc.id))[added]!.level).toBe(levelBefore + 1);
        // Back again: the focus stayed on the row, so Outdent is one Shift+Tab away.
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Enter');
        await expect.poll(async () => (await tocOf(page, doc.id))[added]!.level).toBe(levelBefore);
      }
      const first = (await tocOf(page, doc.id))[0]!;
      await page.getByRole('button', { name: `Rename “${first.label}”` }).click();
      await page.getByLabel('Entry title').fill('Overview');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(async () => (await tocOf(page, doc.id))[0]!.label).toBe('Overview');
      const last = (await tocOf(page, doc.id)).at(-1)!;
      if (last.label !== 'Key passage' && last.label !== 'Overview') {
        await page.getByRole('button', { name: `Delete “${last.label}”` }).click();
        await expect.poll(async () => (await tocOf(page, doc.id)).length).toBe(before.length);
      }
      await expectAccessible(page, `toc-edit-${name}`);
      await screenshot(page, `viewer-toc-edit-${name}`, { fullPage: false });
      await page.getByRole('button', { name: 'Done' }).click();

      // Kept after a reload, and the new entry leads to its paragraph on page 1.
      await page.reload();
      const nav = page.getByRole('navigation', { name: 'Table of contents' });
      await expect.poll(() => nav.getByRole('button', { name: /^Overview/ }).count()).toBe(1);
      await nav.getByRole('button', { name: /^Key passage/ }).click();
      await expect
        .poll(() => page.locator('.viewer__page[data-page="1"] .viewer__mark--focus').count())
        .toBeGreaterThan(0);
      await page.close();
    });
});

const tocOf = (page: Page, fileOf: string) =>
  page.evaluate(async (entityId) => {
    const view = await (await fetch(`/api/v1/entities/${entityId}/view`)).json();
    return (await (await fetch(`/api/v1/files/${view.files[0].id}/toc`)).json()) as Entry[];
  }, fileOf);

async function signIn(page: Page, url: string, next: string) {
  const { username, password } = inject('editorLogin');
  await page.goto(`${url}/signin?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
}

/** Drags the mouse over the first `share` of a text-layer line, as a reader selects words. */
async function selectLine(page: Page, line: ReturnType<Page['locator']>, share: number) {
  await line.scrollIntoViewIfNeeded();
  const box = await line.boundingBox();
  if (!box) throw new Error('line not visible');
  await page.mouse.move(box.x + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * share, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
