/**
 * The app's icons (192, 512, maskable 512) drawn in code and encoded as PNG with zlib, so
 * the repository holds no binary and needs no image dependency. Two looks: Stop Deal's
 * shield, and the discreet install's neutral note sheet ("Mémo", issue Q). Used by the Vite
 * build (`iconsPlugin`) and runnable alone: `npx tsx pwa/scripts/icons.ts <folder>` writes them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { DISCREET_IDENTITY } from '../src/identity.ts';

/** Colours of the manifest (`theme_color`, `background_color`) and of the icon. */
export const ICON_BACKGROUND = '#12355b';
const BG = [0x12, 0x35, 0x5b] as const;
const FG = [0xff, 0xff, 0xff] as const;

export const ICONS = [
  { file: 'icons/icon-192.png', size: 192, maskable: false },
  { file: 'icons/icon-512.png', size: 512, maskable: false },
  { file: 'icons/icon-maskable-512.png', size: 512, maskable: true },
] as const;

/** The discreet install's icons (pwa/src/identity.ts `DISCREET_IDENTITY`): same sizes, neutral look. */
export const DISCREET_ICONS = [
  { file: 'icons/memo-192.png', size: 192, maskable: false },
  { file: 'icons/memo-512.png', size: 512, maskable: false },
  { file: 'icons/memo-maskable-512.png', size: 512, maskable: true },
] as const;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes RGBA pixels (row-major, 8 bits per channel) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}

/** Distance from point p to segment ab. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** 0 = background, 1 = shield (white), 2 = check mark (background colour inside the shield). */
function shape(x: number, y: number): 0 | 1 | 2 {
  // A shield: straight sides, then an elliptic bottom ending in a soft point.
  const top = -0.62 + 0.08 * (x / 0.52) ** 2;
  let half = 0.52;
  if (y > 0.02) half = 0.52 * Math.sqrt(Math.max(0, 1 - ((y - 0.02) / 0.7) ** 2));
  if (y < top || Math.abs(x) > half) return 0;
  const tick = Math.min(segmentDistance(x, y, -0.24, 0.0, -0.06, 0.18), segmentDistance(x, y, -0.06, 0.18, 0.27, -0.2));
  return tick < 0.075 ? 2 : 1;
}

/** `#rrggbb` as three bytes. */
export function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** The discreet look: a plain note sheet with four ruled lines, nothing that says "police". */
function noteShape(x: number, y: number): 0 | 1 | 2 {
  const r = 0.1;
  const dx = Math.max(0, Math.abs(x) - (0.44 - r));
  const dy = Math.max(0, Math.abs(y) - (0.56 - r));
  if (Math.hypot(dx, dy) > r) return 0;
  for (const [ly, right] of [[-0.3, 0.26], [-0.1, 0.26], [0.1, 0.26], [0.3, 0.06]] as const) {
    if (Math.abs(y - ly) < 0.035 && x > -0.26 && x < right) return 2;
  }
  return 1;
}

export interface IconLook {
  background: readonly [number, number, number];
  shape: (x: number, y: number) => 0 | 1 | 2;
}
export const STANDARD_LOOK: IconLook = { background: BG, shape };
/** Its background is the discreet face's theme colour, so icon and status bar match. */
export const DISCREET_LOOK: IconLook = { background: rgb(DISCREET_IDENTITY.themeColor), shape: noteShape };

/** Renders one icon: full-bleed background, the figure scaled down for maskable safe zone. */
export function renderIcon(size: number, maskable: boolean, look: IconLook = STANDARD_LOOK): Buffer {
  const scale = maskable ? 0.72 : 0.95;
  const rgba = new Uint8Array(size * size * 4);
  const ss = 4; // 4×4 supersampling for smooth edges
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let fg = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (((px + (sx + 0.5) / ss) / size) * 2 - 1) / scale;
          const y = (((py + (sy + 0.5) / ss) / size) * 2 - 1) / scale;
          if (look.shape(x, y) === 1) fg++;
        }
      }
      const a = fg / (ss * ss);
      const o = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[o + c] = Math.round(look.background[c]! * (1 - a) + FG[c]! * a);
      rgba[o + 3] = 255;
    }
  }
  return encodePng(size, size, rgba);
}

const ALL_ICONS = [...ICONS.map((i) => ({ ...i, look: STANDARD_LOOK })), ...DISCREET_ICONS.map((i) => ({ ...i, look: DISCREET_LOOK }))];

/** Vite plugin: emits the icons into the build (and serves them in `vite dev`). */
export function iconsPlugin(): Plugin {
  const files = new Map<string, Buffer>();
  const get = (file: string) => {
    const spec = ALL_ICONS.find((i) => i.file === file);
    if (!spec) return undefined;
    if (!files.has(file)) files.set(file, renderIcon(spec.size, spec.maskable, spec.look));
    return files.get(file);
  };
  return {
    name: 'stopdeal-icons',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const png = get((req.url ?? '').replace(/^\//, ''));
        if (!png) return next();
        res.setHeader('Content-Type', 'image/png');
        res.end(png);
      });
    },
    generateBundle() {
      for (const i of ALL_ICONS) this.emitFile({ type: 'asset', fileName: i.file, source: get(i.file)! });
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const out = process.argv[2] ?? 'pwa-icons';
  for (const i of ALL_ICONS) {
    mkdirSync(join(out, 'icons'), { recursive: true });
    writeFileSync(join(out, i.file), renderIcon(i.size, i.maskable, i.look));
  }
  console.log(`icons written to ${out}/icons`);
}
