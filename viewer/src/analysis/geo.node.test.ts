import { readFileSync } from 'node:fs';
import { geoArea } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import type { District } from '../../../schemas/deployment.ts';
import { areaKm2, densityClasses, mapLayout, rewindForD3, ringArea } from './geo.ts';

const demo = JSON.parse(readFileSync(new URL('../../../deploy/demo.template.json', import.meta.url), 'utf8')) as { districts: { features: District[] } };
const districts = demo.districts.features;
const square = (ccw: boolean): District => {
  const ring = [[2.07, 49.425], [2.09, 49.425], [2.09, 49.438], [2.07, 49.438], [2.07, 49.425]];
  return { type: 'Feature', properties: { id: 'sq', name: 'Carré' }, geometry: { type: 'Polygon', coordinates: [ccw ? ring : [...ring].reverse()] } };
};

describe('rewinding for d3-geo', () => {
  it('tells counter-clockwise rings (RFC 7946 exteriors) from clockwise ones', () => {
    expect(ringArea(square(true).geometry.coordinates[0] as number[][])).toBeGreaterThan(0);
    expect(ringArea(square(false).geometry.coordinates[0] as number[][])).toBeLessThan(0);
  });

  it('turns a district that d3 would read as the whole Earth but it into the district', () => {
    const raw = square(true);
    expect(geoArea(raw)).toBeGreaterThan(2 * Math.PI); // as given: nearly the whole sphere
    const [fixed] = rewindForD3([raw]);
    expect(geoArea(fixed!)).toBeLessThan(1e-6);
    // A ring already clockwise is left as it is; holes go the other way.
    expect(rewindForD3([square(false)])[0]!.geometry.coordinates).toEqual(square(false).geometry.coordinates);
    const withHole: District = { ...raw, geometry: { type: 'MultiPolygon', coordinates: [[raw.geometry.coordinates[0] as number[][], [[2.08, 49.43], [2.085, 49.43], [2.085, 49.435], [2.08, 49.43]]]] } };
    const rings = (rewindForD3([withHole])[0]!.geometry.coordinates as number[][][][])[0]!;
    expect(ringArea(rings[0]!)).toBeLessThan(0);
    expect(ringArea(rings[1]!)).toBeGreaterThan(0);
  });

  it('measures districts in km²', () => {
    // 0.02° of longitude by 0.013° of latitude at 49.4° N: about 1.45 km × 1.45 km.
    expect(areaKm2(rewindForD3([square(true)])[0]!)).toBeCloseTo(2.1, 1);
  });
});

describe('mapLayout', () => {
  const layout = mapLayout(districts, 800, 560);

  it('draws every district of the deployment inside the drawing', () => {
    expect(layout.shapes.map((s) => s.id)).toEqual(districts.map((d) => d.properties.id));
    for (const s of layout.shapes) {
      expect(s.d).toMatch(/^M[\d.]+,[\d.]+L/);
      const numbers = s.d.match(/-?[\d.]+/g)!.map(Number);
      expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...numbers)).toBeLessThanOrEqual(800);
      expect(s.areaKm2).toBeGreaterThan(0.5);
      expect(s.areaKm2).toBeLessThan(20);
    }
  });

  it('places points of the town inside and others outside', () => {
    const inside = layout.project({ lat: 49.43, lon: 2.08 });
    expect(inside).not.toBeNull();
    expect(inside![0]).toBeGreaterThan(0);
    expect(inside![1]).toBeLessThan(560);
    // North is up: a point further north is higher on the drawing.
    expect(layout.project({ lat: 49.45, lon: 2.08 })![1]).toBeLessThan(inside![1]);
    expect(layout.project({ lat: 48.85, lon: 2.35 })).toBeNull(); // Paris
  });
});

describe('densityClasses', () => {
  it('splits 0…max in equal classes, with no report apart', () => {
    const c = densityClasses([0, 1, 5, 10]);
    expect(c.bounds).toEqual([2, 4, 6, 8, 10]);
    expect([0, 1, 2, 2.1, 5, 9.9, 10].map(c.classOf)).toEqual([-1, 0, 0, 1, 2, 4, 4]);
    expect(densityClasses([0, 0]).bounds).toEqual([]);
    expect(densityClasses([0, 0]).classOf(0)).toBe(-1);
  });
});
