import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress-plugin.ts';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/** The reader-facing app: root src/web, built to dist/web, which the server serves. */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // The manifest lets bench/web/run.ts tell the first route's chunks from the lazy ones.
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npx vite` during development: the API comes from a running `cyberportal serve`.
    proxy: { '/api': process.env.CYBERPORTAL_API ?? 'http://localhost:3000' },
  },
});
