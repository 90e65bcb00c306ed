#!/usr/bin/env node
// Builds the web app when needed, then runs the browser journeys (e2e/*.e2e.ts) in Debian's Chromium.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['vitest', 'run', '--config', 'e2e/vitest.e2e.config.ts']);
