/**
 * Web app benchmark: gzip sizes of the built chunks (and of the first route's JavaScript, budget 250 KB), and
 * the cold-load times of a profile and of the viewer's first drawn page in Chromium against the real server with the demo collection.
 * `npx tsx bench/web/run.ts` (builds first; CYBERPORTAL_E2E_URL reuses a running portal). Writes bench/.out/web.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../e2e/support/browser.ts';
import { startPortal, WEB_ROOT } from '../../e2e/support/start-portal.ts';
import { LINK, largestPdfDocument, measureFirstPage } from './viewer-first-page.ts';

type ManifestChunk = {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  src?: string;
};

const FIRST_ROUTE_BUDGET = 250 * 1024;
const PROFILE_BUDGET_MS = 1000;
const FIRST_PAGE_BUDGET_MS = 1500;
const RUNS = 7;
// Addresses carry the language (a language-less one costs a redirect first).
const PROFILE_PATH = '/en/states/estonia';

const gz = (file: string) => gzipSync(readFileSync(`${WEB_ROOT}/${file}`), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The chunks a route needs before it renders: the chunk and its static imports, recursively. */
function closure(manifest: Record<string, ManifestChunk>, keys: string[]): Set<string> {
  const out = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || out.has(chunk.file)) return;
    out.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const key of keys) visit(key);
  return out;
}

if (!process.argv.includes('--no-build'))
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
const manifest = JSON.parse(readFileSync(`${WEB_ROOT}/.vite/manifest.json`, 'utf8')) as Record<
  string,
  ManifestChunk
>;
const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry) ?? '';
const homeKey = Object.keys(manifest).find((k) => k.endsWith('scenes/Home/HomePage.tsx')) ?? '';
const profileKey =
  Object.keys(manifest).find((k) => k.endsWith('scenes/Profile/ProfilePage.tsx')) ?? entryKey;
const firstRoute = closure(manifest, [entryKey, homeKey]);
const profileRoute = closure(manifest, [entryKey, profileKey]);
const jsFiles = [...new Set(Object.values(manifest).map((c) => c.file))].filter((f) => f.endsWith('.js'));
const sizes = jsFiles.map((file) => ({ file, gzip: gz(file) })).sort((a, b) => b.gzip - a.gzip);
const sum = (files: Set<string>) =>
  [...files].filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(f), 0);
const firstRouteGzip = sum(firstRoute);
const profileRouteGzip = sum(profileRoute);

const existing = process.env.CYBERPORTAL_E2E_URL;
const portal = existing ? null : await startPortal();
const url = (existing ?? portal?.url ?? '').replace(/\/$/, '');
const browser = await launchChromium();
const times: number[] = [];
let firstPage: number[] = [];
let firstPageLink: number[] = [];
let viewerDoc = { id: '', title: '', bytes: 0 };
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } }); // cold: empty cache
    const page = await context.newPage();
    await page.goto(`${url}${PROFILE_PATH}`);
    await page.locator('[data-profile-ready]').waitFor();
    // The app marks the first render with the profile's data; more exact than timing the poll from outside.
    times.push(
      await page.evaluate(
        () => performance.getEntriesByName('profile-ready')[0]?.startTime ?? performance.now(),
      ),
    );
    await context.close();
  }
  viewerDoc = await largestPdfDocument(url);
  firstPage = await measureFirstPage(browser, `${url}/en/documents/${viewerDoc.id}`, RUNS);
  firstPageLink = await measureFirstPage(browser, `${url}/en/documents/${viewerDoc.id}`, RUNS, LINK);
} finally {
  await browser.close();
  await portal?.stop();
}

const lines = [
  '# Web app',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} by \`bench/web/run.ts\` (Chromium ${'headless'}, ${RUNS} cold loads).`,
  '',
  '| measure | value | budget | ok |',
  '|---|---|---|---|',
  `| first route (map) JavaScript, gzip | ${kb(firstRouteGzip)} | ${kb(FIRST_ROUTE_BUDGET)} | ${firstRouteGzip <= FIRST_ROUTE_BUDGET ? 'yes' : 'no'} |`,
  `| profile route JavaScript, gzip | ${kb(profileRouteGzip)} | — | |`,
  `| profile cold load to rendered (${PROFILE_PATH}), median | ${median(times).toFixed(0)} ms | ${PROFILE_BUDGET_MS} ms | ${median(times) <= PROFILE_BUDGET_MS ? 'yes' : 'no'} |`,
  `| profile cold load, worst of ${RUNS} | ${Math.max(...times).toFixed(0)} ms | | |`,
  `| viewer cold first page drawn (${viewerDoc.title}, ${kb(viewerDoc.bytes)} PDF), median | ${median(firstPage).toFixed(0)} ms | ${FIRST_PAGE_BUDGET_MS} ms | ${median(firstPage) <= FIRST_PAGE_BUDGET_MS ? 'yes' : 'no'} |`,
  `| viewer cold first page drawn, worst of ${RUNS} | ${Math.max(...firstPage).toFixed(0)} ms | | |`,
  `| same over an emulated ${LINK.downloadMbit} Mbit/s, ${LINK.latencyMs} ms link, median | ${median(firstPageLink).toFixed(0)} ms | ${FIRST_PAGE_BUDGET_MS} ms | ${median(firstPageLink) <= FIRST_PAGE_BUDGET_MS ? 'yes' : 'no'} |`,
  `| same over the emulated link, worst of ${RUNS} | ${Math.max(...firstPageLink).toFixed(0)} ms | | |`,
  `| load average (1 min) at the end | ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]} | | |`,
  '',
  'JavaScript chunks (gzip, level 9); the map chunk and the atlas load only on the map route, after first render:',
  '',
  '| chunk | gzip | first route |',
  '|---|---|---|',
  ...sizes.map((s) => `| ${s.file} | ${kb(s.gzip)} | ${firstRoute.has(s.file) ? 'yes' : ''} |`),
  `| ${Object.values(manifest).find((c) => c.file.includes('countries-110m'))?.file ?? 'countries-110m.json'} (atlas, fetched by the map) | ${kb(gz(Object.values(manifest).find((c) => c.file.includes('countries-110m'))?.file ?? ''))} | |`,
  '',
];
const outDir = fileURLToPath(new URL('../.out/', import.meta.url));
mkdirSync(outDir, { recursive: true });
writeFileSync(`${outDir}web.md`, lines.join('\n'));
console.log(lines.join('\n'));
