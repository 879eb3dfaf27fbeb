/**
 * The town drawn from its own GeoJSON (issue 4 "Map and charts"): district outlines as SVG
 * paths projected with d3-geo, report points, and a density per district. No tile server and
 * no request: everything comes from the deployment built into the viewer.
 *
 * d3-geo works on the sphere and reads a ring's winding to know which side is inside:
 * exterior rings clockwise. RFC 7946 says the opposite (exterior counter-clockwise), so rings
 * are rewound first (STACK.md), or d3 would draw each district as "the whole Earth but it".
 */
import { geoArea, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { District } from '../../../schemas/deployment.ts';
import type { GeoPoint } from './hotspots.ts';

type Ring = number[][];

/** Twice the signed planar area of a ring in lon/lat (positive: counter-clockwise). */
export function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return sum;
}

function wound(ring: Ring, clockwise: boolean): Ring {
  const ccw = ringArea(ring) > 0;
  return ccw === clockwise ? [...ring].reverse() : ring;
}

/** A polygon's rings in d3's order: exterior clockwise, holes counter-clockwise. */
function rewindPolygon(rings: Ring[]): Ring[] {
  return rings.map((ring, i) => wound(ring, i === 0));
}

/** The districts with rings wound for d3-geo (a copy; the deployment is left as it is). */
export function rewindForD3(districts: readonly District[]): District[] {
  return districts.map((d) => ({
    ...d,
    geometry:
      d.geometry.type === 'Polygon'
        ? { type: 'Polygon', coordinates: rewindPolygon(d.geometry.coordinates) }
        : { type: 'MultiPolygon', coordinates: d.geometry.coordinates.map(rewindPolygon) },
  }));
}

const EARTH_RADIUS_KM = 6371.0088;

/** A district's area in km² (on the sphere). Expects rewound rings. */
export function areaKm2(district: District): number {
  return geoArea(district) * EARTH_RADIUS_KM * EARTH_RADIUS_KM;
}

export interface DistrictShape {
  id: string;
  name: string;
  /** SVG path data. */
  d: string;
  areaKm2: number;
  /** Where its label goes. */
  centre: [number, number];
}

export interface MapLayout {
  width: number;
  height: number;
  shapes: DistrictShape[];
  /** Screen position of a point, or null when it falls outside the drawing. */
  project: (p: GeoPoint) => [number, number] | null;
}

/**
 * Districts fitted into a `width` × `height` drawing (Mercator: at a town's scale it keeps
 * shapes and angles as a street map does).
 */
export function mapLayout(districts: readonly District[], width: number, height: number, margin = 8): MapLayout {
  const rewound = rewindForD3(districts);
  const collection = { type: 'FeatureCollection' as const, features: rewound };
  const projection: GeoProjection = geoMercator().fitExtent(
    [
      [margin, margin],
      [width - margin, height - margin],
    ],
    collection,
  );
  const path = geoPath(projection);
  const shapes = rewound.map((d) => {
    const [cx, cy] = path.centroid(d);
    return { id: d.properties.id, name: d.properties.name, d: path(d) ?? '', areaKm2: areaKm2(d), centre: [round(cx), round(cy)] as [number, number] };
  });
  return {
    width,
    height,
    shapes,
    project(p) {
      const xy = projection([p.lon, p.lat]);
      if (!xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) return null;
      const [x, y] = xy;
      return x < 0 || y < 0 || x > width || y > height ? null : [round(x), round(y)];
    },
  };
}

const round = (x: number) => Math.round(x * 10) / 10;

export interface DensityClasses {
  /** Upper bound of each class, ascending; the last is the maximum. */
  bounds: number[];
  /** Class 0 … n-1 of a value, or -1 for no report at all. */
  classOf: (value: number) => number;
}

/**
 * Equal-interval classes from 0 to the largest value: easy to read on a legend ("de 0 à 12
 * par km²"), and stable while reports arrive. A district with no report has a class of its own.
 */
export function densityClasses(values: readonly number[], count = 5): DensityClasses {
  const max = Math.max(0, ...values);
  if (max === 0) return { bounds: [], classOf: () => -1 };
  const bounds = Array.from({ length: count }, (_, i) => (max * (i + 1)) / count);
  return {
    bounds,
    classOf: (value) => (value <= 0 ? -1 : Math.min(count - 1, Math.max(0, Math.ceil((value / max) * count) - 1))),
  };
}
