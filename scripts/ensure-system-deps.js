#!/usr/bin/env node
// Installs what npm cannot: Debian's Chromium (browser tests) and poppler-utils (pdftotext, the
// benchmark's yardstick). Runs before `npm test`; does nothing when both are present.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = [
  { bin: '/usr/bin/chromium', pkg: 'chromium' },
  { bin: '/usr/bin/pdftotext', pkg: 'poppler-utils' },
];
const missing = wanted.filter((w) => !existsSync(w.bin)).map((w) => w.pkg);
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = isRoot ? [] : ['sudo'];
console.log(`Installing Debian packages the tests need: ${missing.join(', ')}`);
try {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => execFileSync(args[0], args.slice(1), { stdio: 'inherit', env });
  run([...sudo, 'apt-get', 'update', '-qq']);
  run([...sudo, 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing]);
} catch (err) {
  console.error(`Could not install ${missing.join(', ')} with apt-get: ${err.message}`);
  console.error('Install them by hand (apt-get install chromium poppler-utils) and run the tests again.');
  process.exit(1);
}
