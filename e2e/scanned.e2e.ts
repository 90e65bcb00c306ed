import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { scannedPdf } from '../test/scanned-pdf.ts';
import { expectAccessible } from './support/axe.ts';
import { launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

/**
 * A scanned document (pictures of text, no text layer) uploaded to the running portal is read by OCR; then
 * a reader finds a word in it, the viewer marks it on the page, and an editor selects a line of the OCR'd
 * text layer and is offered Connect.
 */
const PAGE = `<h1>Ministerial statement on ransomware</h1>
<p>The ministry will share indicators of compromise with hospitals and water utilities within one day of a
confirmed attack. Regional coordinators will run a tabletop exercise with every utility before the winter.</p>
<p>Payments to criminal groups remain discouraged, and victims are asked to report every demand to the police.</p>`;

describe('a scanned document', () => {
  let browser: Browser;
  let editorContext: BrowserContext;
  let api: APIRequestContext;
  let csrf = '';
  let entityId = '';
  const url = inject('portalUrl');

  beforeAll(async () => {
    browser = await launchChromium();
    editorContext = await browser.newContext({ viewport: VIEWPORTS.desktop });
    api = editorContext.request;
    const session = await api.post(`${url}/api/v1/session`, { data: inject('editorLogin') });
    expect(session.status(), await session.text()).toBe(200);
    csrf = (await session.json()).csrfToken;
  });
  afterAll(async () => {
    if (entityId)
      await api.delete(`${url}/api/v1/entities/${entityId}`, { headers: { 'x-csrf-token': csrf } });
    await editorContext?.close();
    await browser?.close();
  });

  it('is read by OCR, found by a word, and its text can be selected to connect', {
    timeout: 240_000,
  }, async () => {
    const created = await api.post(`${url}/api/v1/entities`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        template: 'Document',
        title: 'Ministerial statement on ransomware (scan)',
        published: true,
        metadata: { documentType: 'national-strategy', date: '2025-02' },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    entityId = (await created.json()).id;
    const upload = await api.post(`${url}/api/v1/entities/${entityId}/files`, {
      headers: { 'x-csrf-token': csrf },
      multipart: {
        file: {
          name: 'statement-scan.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from(await scannedPdf([PAGE])),
        },
      },
    });
    expect(upload.status(), await upload.text()).toBe(202);
    const fileId = (await upload.json()).id;
    await expect
      .poll(async () => (await (await api.get(`${url}/api/v1/files/${fileId}`)).json()).status, {
        timeout: 180_000,
        interval: 1000,
      })
      .toBe('ready');

    const page = await editorContext.newPage();
    await page.goto(`${url}/documents/${entityId}?panel=find`);
    await expect.poll(() => page.locator('.viewer__text span').count()).toBeGreaterThan(3);
    await page.getByLabel('Find in this document').fill('tabletop');
    await page.waitForURL(/[?&]find=tabletop/);
    const hits = page.locator('.find__hit');
    await expect.poll(() => hits.count()).toBe(1);
    await hits.first().click();
    await expect.poll(() => page.locator('.viewer__mark--search').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'scanned-find');
    await screenshot(page, 'viewer-scanned-find', { fullPage: false });

    // The text layer over the picture is the OCR'd lines: a real mouse selection on one offers Connect.
    const line = page.locator('.viewer__text span').filter({ hasText: /indicators of compromise/ });
    await line.scrollIntoViewIfNeeded();
    const box = (await line.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => page.getByRole('button', { name: 'Connect…' }).count()).toBe(1);
    await page.close();
  });
});
