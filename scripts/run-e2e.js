#!/usr/bin/env node
// Runs the browser journeys (e2e/*.e2e.ts) in Debian's Chromium, building the web app when needed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

/** The newest modification time among the build's inputs (the whole of src, not only src/web: the app imports domain code). */
const newestInput = () => {
  let newest = 0;
  const walk = (path) => {
    const s = statSync(path);
    if (s.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    else if (s.mtimeMs > newest) newest = s.mtimeMs;
  };
  for (const p of [
    'src',
    'vite.config.ts',
    'scripts/precompress-plugin.ts',
    'package.json',
    'package-lock.json',
  ])
    if (existsSync(p)) walk(p);
  return newest;
};

// A build takes a minute on a busy 2-core machine; one newer than every input is the same build
// (a fresh clone has none, so it always builds). CYBERPORTAL_E2E_BUILD=1 builds anyway. The journeys'
// global set-up runs the build while it loads the demo collection (ARCHITECTURE decision 80).
const built = 'dist/web/.vite/manifest.json';
const fresh =
  process.env.CYBERPORTAL_E2E_BUILD !== '1' && existsSync(built) && statSync(built).mtimeMs > newestInput();
if (fresh) console.log('The web app in dist/web is newer than its sources: not built again.');
else process.env.CYBERPORTAL_E2E_BUILD_IN_SETUP = '1';
// The whole suite checks; it does not photograph (the screenshots in docs/ are refreshed with
// CYBERPORTAL_E2E_SCREENSHOTS=1, or by running a journey on its own). ARCHITECTURE decision 65.
process.env.CYBERPORTAL_E2E_SCREENSHOTS ??= '0';
run('npx', ['vitest', 'run', '--config', 'e2e/vitest.e2e.config.ts']);
