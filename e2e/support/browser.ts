import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium, headless, without the background traffic a fresh profile makes. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The two widths the screenshots and layout checks use. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/**
 * Saves a screenshot (the whole page, or the first screen with `fullPage: false`) to docs/screenshots/<name>.png.
 * CYBERPORTAL_E2E_SCREENSHOTS=0 skips it: the whole suite (`npm run test:e2e`) takes ~180 of them, 0.3–14 s
 * each, and a picture checks nothing; a journey run alone, or the suite with =1, still takes them all.
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  if (process.env.CYBERPORTAL_E2E_SCREENSHOTS === '0') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage });
}

/** The accessible name (aria-label) of the focused element, or its text. */
export const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
  });
