import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discreetManifest } from '../scripts/discreet.ts';
import { DISCREET_ICONS } from '../scripts/icons.ts';
import { DISCREET_IDENTITY, STANDARD_IDENTITY } from './identity.ts';

const html = readFileSync('pwa/index.html', 'utf8');
const attr = (re: RegExp) => re.exec(html)?.[1];

describe('the app’s two faces', () => {
  it('the standard face is exactly what index.html shows at first paint (turning "discreet" off restores it)', () => {
    expect(attr(/<title>([^<]*)<\/title>/)).toBe(STANDARD_IDENTITY.title);
    expect(attr(/<meta name="theme-color" content="([^"]*)"/)).toBe(STANDARD_IDENTITY.themeColor);
    expect(attr(/<meta name="description" content="([^"]*)"/)).toBe(STANDARD_IDENTITY.description);
    expect(attr(/<link rel="icon" type="image\/png" href="([^"]*)"/)).toBe(STANDARD_IDENTITY.icon);
    expect(attr(/<link rel="apple-touch-icon" href="([^"]*)"/)).toBe(STANDARD_IDENTITY.icon);
    expect(readFileSync('pwa/vite.config.ts', 'utf8')).toContain(`manifestFilename: '${STANDARD_IDENTITY.manifest.slice(1)}'`);
  });

  it('the discreet face differs in every field and says nothing of the app', () => {
    for (const k of Object.keys(STANDARD_IDENTITY) as Array<keyof typeof STANDARD_IDENTITY>) expect(DISCREET_IDENTITY[k]).not.toBe(STANDARD_IDENTITY[k]);
    expect(JSON.stringify(DISCREET_IDENTITY)).not.toMatch(/stop|deal|drogue|police|signal|rod[ée]o/i);
    expect(DISCREET_ICONS.some((i) => `/${i.file}` === DISCREET_IDENTITY.icon)).toBe(true);
  });

  it('the discreet manifest is the same app (id, scope, start_url) with a neutral name and icons', () => {
    const base = { id: '/', name: 'Stop Deal — signaler', short_name: 'Stop Deal', description: 'trafic de drogue', start_url: '/', scope: '/', display: 'standalone', orientation: 'portrait', lang: 'fr', dir: 'ltr', theme_color: '#12355b' };
    const m = discreetManifest(base);
    expect({ id: m.id, scope: m.scope, start_url: m.start_url, display: m.display }).toEqual({ id: '/', scope: '/', start_url: '/', display: 'standalone' });
    expect({ name: m.name, short_name: m.short_name, theme_color: m.theme_color }).toEqual({ name: 'Mémo', short_name: 'Mémo', theme_color: DISCREET_IDENTITY.themeColor });
    expect(JSON.stringify(m)).not.toMatch(/stop|deal|drogue|police|signal|icon-/i);
    expect(m.icons).toEqual(DISCREET_ICONS.map((i) => ({ src: `/${i.file}`, sizes: `${i.size}x${i.size}`, type: 'image/png', purpose: i.maskable ? 'maskable' : 'any' })));
  });
});
