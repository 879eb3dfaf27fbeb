import { describe, expect, it } from 'vitest';
import { distanceMetres, groupHotspots, HOTSPOT_RADIUS_M, landmarkKey, pointOf } from './hotspots.ts';
import { entry, unreadable } from '../reports/testEntries.node.ts';

/** A point `north` and `east` metres from (49.43, 2.08). */
const near = (north: number, east: number) => ({ lat: 49.43 + north / 111_195, lon: 2.08 + east / (111_195 * Math.cos((49.43 * Math.PI) / 180)) });

describe('landmarkKey', () => {
  it('equates the same place written differently', () => {
    const k = landmarkKey('12 rue X, cage B');
    for (const variant of ['12, Rue X cage b', '12 RUE X — CAGE B', 'cage B, 12 rue X', '12 r. X cage B', '12 rue X, cage B.']) expect(landmarkKey(variant), variant).toBe(k);
    expect(landmarkKey('Cage d’escalier du 12 rue des Lilas')).toBe(landmarkKey('12 Rue des Lilas, cage d’escalier'));
    expect(landmarkKey('Bât. C, résidence Les Églantiers')).toBe(landmarkKey('batiment c res les eglantiers'));
  });

  it('keeps numbers in order and tells different places apart', () => {
    expect(landmarkKey('3 rue du 8 Mai')).not.toBe(landmarkKey('8 rue du 3 Mai'));
    expect(landmarkKey('12 rue X cage B')).not.toBe(landmarkKey('14 rue X cage B'));
    expect(landmarkKey('12 rue X cage B')).not.toBe(landmarkKey('12 rue X cage C'));
  });

  it('is empty when nothing meaningful is written', () => {
    expect(landmarkKey('  ,;  ')).toBe('');
    expect(landmarkKey('devant la')).toBe('');
  });
});

describe('distances and points', () => {
  it('measures metres', () => {
    expect(distanceMetres(near(0, 0), near(100, 0))).toBeCloseTo(100, 0);
    expect(distanceMetres(near(0, 0), near(0, 100))).toBeCloseTo(100, 0);
  });

  it('reads only valid points', () => {
    expect(pointOf(entry({ point: { lat: 49.4, lon: 2.1 } }))).toEqual({ lat: 49.4, lon: 2.1 });
    expect(pointOf(entry({ point: { lat: '49.4', lon: 2.1 } }))).toBeNull();
    expect(pointOf(entry({ point: { lat: 120, lon: 2.1 } }))).toBeNull();
    expect(pointOf(unreadable())).toBeNull();
  });
});

describe('groupHotspots', () => {
  it('makes five reports of the same stairwell one hotspot of five', () => {
    const five = ['12 rue X, cage B', '12, Rue X cage b', 'Cage B 12 rue X', '12 rue x - cage B', '12 RUE X CAGE B'].map((place) => entry({ district: 'centre-ville', place }));
    const other = entry({ district: 'centre-ville', place: 'Parking du gymnase' });
    const spots = groupHotspots([other, ...five].reverse());
    expect(spots).toHaveLength(1);
    expect(spots[0]!.entries.map((e) => e.id).sort()).toEqual(five.map((e) => e.id).sort());
    expect(spots[0]!.district).toBe('centre-ville');
    // Newest first inside; keyed by the oldest report's id.
    expect(spots[0]!.entries[0]!.seq).toBeGreaterThan(spots[0]!.entries[4]!.seq);
    expect(spots[0]!.key).toBe(five[0]!.id);
    expect(five.map((e) => e.report!.answers.place)).toContain(spots[0]!.label);
  });

  it('groups points of the same district within the radius, and chains them', () => {
    const a = entry({ district: 'argentine', place: 'devant le hall', point: near(0, 0) });
    const b = entry({ district: 'argentine', place: 'au pied de la tour', point: near(HOTSPOT_RADIUS_M * 0.8, 0) });
    const c = entry({ district: 'argentine', place: 'sur le parking', point: near(HOTSPOT_RADIUS_M * 1.6, 0) });
    const far = entry({ district: 'argentine', place: 'ailleurs', point: near(0, HOTSPOT_RADIUS_M * 5) });
    const spots = groupHotspots([far, c, b, a]);
    expect(spots).toHaveLength(1);
    expect(spots[0]!.entries.map((e) => e.id)).toEqual([c.id, b.id, a.id]);
    expect(spots[0]!.point!.lat).toBeCloseTo(near(HOTSPOT_RADIUS_M * 0.8, 0).lat, 5);
  });

  it('never groups across districts, nor unreadable reports', () => {
    const a = entry({ district: 'argentine', place: 'La gare', point: near(0, 0) });
    const b = entry({ district: 'centre-ville', place: 'La gare', point: near(10, 0) });
    expect(groupHotspots([a, b, unreadable(), unreadable()])).toEqual([]);
  });

  it('orders hotspots by size, and can show single reports too', () => {
    const big = [1, 2, 3].map(() => entry({ district: 'argentine', place: 'Tour 4' }));
    const small = [1, 2].map(() => entry({ district: 'argentine', place: 'Tour 5' }));
    const alone = entry({ district: 'argentine', place: 'Tour 6' });
    const spots = groupHotspots([alone, ...small, ...big]);
    expect(spots.map((s) => s.entries.length)).toEqual([3, 2]);
    expect(groupHotspots([alone, ...small, ...big], { minReports: 1 }).map((s) => s.entries.length)).toEqual([3, 2, 1]);
  });

  it('groups a thousand reports quickly', () => {
    const many = Array.from({ length: 1000 }, (_, i) => entry({ district: 'argentine', place: `Tour ${i % 50}`, point: near((i % 37) * 300, (i % 41) * 300) }));
    const t = performance.now();
    const spots = groupHotspots(many);
    expect(performance.now() - t).toBeLessThan(500);
    expect(spots.reduce((n, s) => n + s.entries.length, 0)).toBe(1000);
  });
});
