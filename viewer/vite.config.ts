/**
 * The officer viewer's build (issue 2): a separate app on its own origin, with the strict
 * headers of `deploymentPlugin('viewer')` written as `_headers` next to it. Output goes to
 * `STOPDEAL_VIEWER_OUT` (the e2e harness) or `dist/viewer`.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { deploymentPlugin } from '../scripts/vite-deployment.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  // Nothing from `.env` files: the only build input besides code is the deployment file.
  envDir: false,
  plugins: [preact({ devToolsEnabled: false }), deploymentPlugin('viewer')],
  // The report workers (issue 4) load libsodium with a dynamic import: ES module workers.
  worker: { format: 'es' },
  resolve: {
    // The viewer needs Argon2id (sumo). crypto/ imports either build by name; pointing the
    // standard name at sumo ships one libsodium, not two.
    alias: { 'libsodium-wrappers': 'libsodium-wrappers-sumo' },
  },
  build: {
    outDir: process.env.STOPDEAL_VIEWER_OUT ? resolve(process.env.STOPDEAL_VIEWER_OUT) : resolve(repo, 'dist/viewer'),
    emptyOutDir: true,
    target: 'es2022',
    // No data: URLs and no inline polyfill: everything is a file from 'self' (CSP).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: true,
    // libsodium (sumo, WebAssembly inlined) is one ~530 KB chunk, loaded after the first screen.
    chunkSizeWarningLimit: 600,
  },
  server: { host: '127.0.0.1', strictPort: true },
});
