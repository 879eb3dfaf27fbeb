/**
 * Reports of the same spot, grouped into hotspots (issue 4 "Find"): "the stairwell at 12 rue
 * X" reported by five people is one hotspot with five reports. Two reports belong together
 * when they name the same district AND either
 * - their points lie within {@link HOTSPOT_RADIUS_M} of each other, or
 * - their landmark texts are the same once folded ({@link landmarkKey}: "12 rue X, cage B"
 *   and "12, Rue X cage b" are one place).
 * Grouping is transitive (single linkage): A near B and B near C make one hotspot, which is
 * what an officer expects of a stairwell reported from both ends of a building. Requiring the
 * same district keeps a generic landmark ("la gare", "le parking") from joining two ends of
 * the town. Pure, so it is tested in Node (docs/decisions.md).
 */
import type { ReportEntry } from '../reports/reportEntry.ts';
import { normalizeText } from '../reports/search.ts';

/** "Nearby" for two points of the same district. */
export const HOTSPOT_RADIUS_M = 100;

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface Hotspot {
  /** The outer id of its oldest report: stable while reports arrive, and names no content. */
  key: string;
  district: string;
  /** The place text written most often among its reports (plain text, hostile until shown as text). */
  label: string | null;
  /** Newest first, like the list. */
  entries: ReportEntry[];
  /** Mean of its reports' points, if any gave one. */
  point: GeoPoint | null;
}

const ABBREVIATIONS: Record<string, string> = {
  r: 'rue',
  av: 'avenue',
  ave: 'avenue',
  bd: 'boulevard',
  bld: 'boulevard',
  boul: 'boulevard',
  pl: 'place',
  imp: 'impasse',
  all: 'allee',
  ch: 'chemin',
  che: 'chemin',
  rte: 'route',
  sq: 'square',
  bat: 'batiment',
  bt: 'batiment',
  imm: 'immeuble',
  res: 'residence',
  resid: 'residence',
  esc: 'escalier',
  st: 'saint',
  ste: 'sainte',
  fg: 'faubourg',
  fbg: 'faubourg',
};

const STOP_WORDS = new Set(['le', 'la', 'les', 'l', 'de', 'du', 'des', 'd', 'a', 'au', 'aux', 'en', 'et', 'sur', 'pres', 'devant', 'derriere', 'vers', 'cote', 'entre']);

/**
 * A place text folded for comparison: accents, case and punctuation gone, common street
 * abbreviations spelled out, small words dropped, words in alphabetical order (so "cage B,
 * 12 rue X" equals "12 rue X cage B") but numbers kept in their order (so "3 rue du 8 Mai" is
 * not "8 rue du 3 Mai"). Empty when nothing meaningful is left.
 *
 * @example
 * landmarkKey('12 rue X, cage B') === landmarkKey('12, Rue X cage b') // true
 */
export function landmarkKey(place: string): string {
  const tokens = normalizeText(place)
    .split(' ')
    .filter(Boolean)
    .map((t) => ABBREVIATIONS[t] ?? t)
    .filter((t) => !STOP_WORDS.has(t));
  const numbers = tokens.filter((t) => /^\d+$/.test(t));
  const words = tokens.filter((t) => !/^\d+$/.test(t)).sort();
  return words.length || numbers.length ? `${words.join(' ')}|${numbers.join(' ')}` : '';
}

/** A report's point, when it gave a valid one. */
export function pointOf(entry: ReportEntry): GeoPoint | null {
  const p = entry.report?.answers.point as { lat?: unknown; lon?: unknown } | undefined;
  if (!p || typeof p !== 'object' || typeof p.lat !== 'number' || typeof p.lon !== 'number') return null;
  if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon) || Math.abs(p.lat) > 90 || Math.abs(p.lon) > 180) return null;
  return { lat: p.lat, lon: p.lon };
}

/** Great-circle distance in metres (haversine; plenty for 100 m). */
export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function unionFind(n: number) {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  return {
    find,
    union(a: number, b: number) {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    },
  };
}

export interface HotspotOptions {
  radiusMetres?: number;
  /** Smallest group shown as a hotspot (default 2: one report is not a hotspot). */
  minReports?: number;
}

/**
 * Groups entries into hotspots, largest first (then most recent). Entries with no district
 * (unreadable, or none given) are never grouped.
 */
export function groupHotspots(entries: readonly ReportEntry[], options: HotspotOptions = {}): Hotspot[] {
  const radius = options.radiusMetres ?? HOTSPOT_RADIUS_M;
  const minReports = options.minReports ?? 2;
  const items = entries.flatMap((entry) => {
    const district = entry.report?.answers.district;
    if (typeof district !== 'string' || !district) return [];
    const place = entry.report?.answers.place;
    return [{ entry, district, place: typeof place === 'string' ? place : null, key: typeof place === 'string' ? landmarkKey(place) : '', point: pointOf(entry) }];
  });
  const uf = unionFind(items.length);

  // Same district and same landmark text.
  const byLandmark = new Map<string, number>();
  items.forEach((it, i) => {
    if (!it.key) return;
    const k = `${it.district}\n${it.key}`;
    const first = byLandmark.get(k);
    if (first === undefined) byLandmark.set(k, i);
    else uf.union(first, i);
  });

  // Same district and points within `radius`: a grid of cells at least `radius` wide, so
  // each point is compared with its own cell and the eight around it only.
  // One cell width for all, wide enough at the latitude farthest from the equator.
  const cellLat = radius / 110_500; // fewest metres per degree of latitude anywhere
  const maxLat = items.reduce((m, it) => (it.point ? Math.max(m, Math.abs(it.point.lat)) : m), 0);
  const cellLon = cellLat / Math.max(0.01, Math.cos((Math.min(maxLat, 89) * Math.PI) / 180));
  const grid = new Map<string, number[]>();
  const cellOf = (p: GeoPoint) => [Math.floor(p.lat / cellLat), Math.floor(p.lon / cellLon)] as const;
  items.forEach((it, i) => {
    if (!it.point) return;
    const [y, x] = cellOf(it.point);
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        for (const j of grid.get(`${it.district}|${y + dy}|${x + dx}`) ?? []) {
          if (distanceMetres(it.point, items[j]!.point!) <= radius) uf.union(i, j);
        }
      }
    }
    const k = `${it.district}|${y}|${x}`;
    const cell = grid.get(k);
    if (cell) cell.push(i);
    else grid.set(k, [i]);
  });

  const groups = new Map<number, typeof items>();
  items.forEach((it, i) => {
    const root = uf.find(i);
    const g = groups.get(root);
    if (g) g.push(it);
    else groups.set(root, [it]);
  });

  const hotspots: Hotspot[] = [];
  for (const g of groups.values()) {
    if (g.length < minReports) continue;
    const sorted = [...g].sort((a, b) => b.entry.seq - a.entry.seq);
    const counts = new Map<string, number>();
    for (const it of sorted) if (it.place?.trim()) counts.set(it.place.trim(), (counts.get(it.place.trim()) ?? 0) + 1);
    let label: string | null = null;
    let best = 0;
    for (const [text, n] of counts) {
      if (n > best) {
        best = n;
        label = text;
      }
    }
    const points = sorted.flatMap((it) => (it.point ? [it.point] : []));
    hotspots.push({
      key: sorted[sorted.length - 1]!.entry.id,
      district: sorted[0]!.district,
      label,
      entries: sorted.map((it) => it.entry),
      point: points.length ? { lat: points.reduce((s, p) => s + p.lat, 0) / points.length, lon: points.reduce((s, p) => s + p.lon, 0) / points.length } : null,
    });
  }
  return hotspots.sort((a, b) => b.entries.length - a.entries.length || b.entries[0]!.seq - a.entries[0]!.seq);
}
