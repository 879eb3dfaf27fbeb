/**
 * The reporter app's build (issue 2): Preact, the town's deployment as
 * `virtual:deployment`, its `_headers`, generated icons, and a Workbox service worker
 * (injectManifest) precaching every built file. Output: `STOPDEAL_PWA_OUT` or `dist/pwa`.
 * Run from the repository root: `npx vite build pwa`.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { type ManifestOptions, VitePWA } from 'vite-plugin-pwa';
import { deploymentPlugin } from '../scripts/vite-deployment.ts';
import { discreetManifestPlugin } from './scripts/discreet.ts';
import { ICON_BACKGROUND, ICONS, iconsPlugin } from './scripts/icons.ts';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(process.env.STOPDEAL_PWA_OUT ?? resolve(here, '..', 'dist/pwa'));

/**
 * `vite build` always makes a production build, even when called from a process whose
 * NODE_ENV is `test` (the e2e global setup runs inside vitest): Vite reads NODE_ENV after
 * loading this file. The previous value is restored once the service worker is built too.
 */
function productionBuild(command: string): Plugin[] {
  if (command !== 'build') return [];
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  return [
    {
      name: 'stopdeal-restore-node-env',
      closeBundle: {
        order: 'post',
        sequential: true,
        handler() {
          if (previous === undefined) delete process.env.NODE_ENV;
          else process.env.NODE_ENV = previous;
        },
      },
    },
  ];
}

/** The app's web app manifest; the discreet install's (pwa/scripts/discreet.ts) is derived from it. */
const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Stop Deal — signaler anonymement',
  short_name: 'Stop Deal',
  description: 'Signaler anonymement un trafic de drogue à la police. Le signalement est chiffré sur votre téléphone avant de partir.',
  lang: 'fr',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'portrait',
  theme_color: ICON_BACKGROUND,
  background_color: '#ffffff',
  icons: ICONS.map((i) => ({ src: `/${i.file}`, sizes: `${i.size}x${i.size}`, type: 'image/png', purpose: i.maskable ? 'maskable' : 'any' })),
};

export default defineConfig(({ command }) => ({
  root: here,
  publicDir: false,
  resolve: {
    // crypto/sodium.ts can load the sumo build (viewer, CLI); the reporter never does.
    alias: { 'libsodium-wrappers-sumo': resolve(here, 'src/noSumo.ts') },
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // No `data:` inlining: every asset is a file the precache lists.
    assetsInlineLimit: 0,
    // libsodium's chunk is large by nature and loaded lazily.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // Dexie's entry module is called import-wrapper; name its chunk after the library.
      output: { chunkFileNames: (chunk) => `assets/${chunk.name === 'import-wrapper' ? 'dexie' : '[name]'}-[hash].js` },
    },
  },
  worker: { format: 'es' },
  plugins: [
    preact(),
    deploymentPlugin('pwa'),
    iconsPlugin(),
    discreetManifestPlugin(manifest),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      injectManifest: {
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,png,webmanifest}'],
        globIgnores: ['_headers'],
        // libsodium (~0.5 MB before compression) must be precached for offline sealing.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
      manifest,
    }),
    ...productionBuild(command),
  ],
}));
