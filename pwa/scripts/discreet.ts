/**
 * The discreet install's web app manifest (issue Q): the app's own manifest with a neutral
 * name, description, colours and icons. Same `id`, `scope` and `start_url`, so it is the
 * same app, only named "Mémo" by a phone that installs it while the page links this file.
 * Emitted next to `manifest.webmanifest`, before the service worker's precache list is made
 * (that list globs `*.webmanifest` and `*.png`), so it and its icons work offline.
 */
import type { Plugin } from 'vite';
import { DISCREET_IDENTITY } from '../src/identity.ts';
import { DISCREET_ICONS } from './icons.ts';

/** The parts of the app's manifest the discreet one copies or replaces. */
export interface ManifestBase {
  id?: string;
  start_url?: string;
  scope?: string;
  display?: string;
  orientation?: string;
  lang?: string;
  dir?: string;
}

/** The discreet manifest: the base's identity and behaviour, none of its words or pictures. */
export function discreetManifest(base: ManifestBase): Record<string, unknown> {
  const { id, start_url, scope, display, orientation, lang, dir } = base;
  return {
    id,
    name: DISCREET_IDENTITY.title,
    short_name: DISCREET_IDENTITY.title,
    description: DISCREET_IDENTITY.description,
    lang,
    dir,
    start_url,
    scope,
    display,
    orientation,
    theme_color: DISCREET_IDENTITY.themeColor,
    background_color: '#ffffff',
    icons: DISCREET_ICONS.map((i) => ({ src: `/${i.file}`, sizes: `${i.size}x${i.size}`, type: 'image/png', purpose: i.maskable ? 'maskable' : 'any' })),
  };
}

/** Vite plugin: emits the discreet manifest at `DISCREET_IDENTITY.manifest` (and serves it in `vite dev`). */
export function discreetManifestPlugin(base: ManifestBase): Plugin {
  const fileName = DISCREET_IDENTITY.manifest.replace(/^\//, '');
  const body = () => JSON.stringify(discreetManifest(base));
  return {
    name: 'stopdeal-discreet-manifest',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url !== DISCREET_IDENTITY.manifest) return next();
        res.setHeader('Content-Type', 'application/manifest+json');
        res.end(body());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: body() });
    },
  };
}
