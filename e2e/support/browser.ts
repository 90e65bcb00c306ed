import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Download, type Page } from 'playwright-core';

/** Debian's Chromium, headless, without the background traffic a fresh profile makes. */
const LAUNCH = {
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
};

/**
 * The journeys' browser: the run's one Chromium when the e2e global set-up started it (a launch costs ~3.5 s
 * of CPU and 10 s at load 17; each file still gets its own contexts, closed with `browser.close()`), else
 * a Chromium of its own (a journey file outside the suite's set-up, the benches).
 */
export function launchChromium(): Promise<Browser> {
  const shared = process.env.CYBERPORTAL_E2E_BROWSER_WS;
  return shared ? chromium.connect(shared) : chromium.launch(LAUNCH);
}

/** One Chromium for a whole run, which launchChromium() connects to through CYBERPORTAL_E2E_BROWSER_WS. */
export const launchChromiumServer = () => chromium.launchServer(LAUNCH);

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

/** A download's text, through a temp copy: a browser connected to remotely (the run's shared one) has no local path. */
export async function downloadText(download: Download): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cyberportal-download-'));
  try {
    const file = join(dir, 'download');
    await download.saveAs(file);
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
