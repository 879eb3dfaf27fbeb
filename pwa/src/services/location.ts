/**
 * The phone's position, only when the resident taps "use my position" (issue 2), rounded
 * before it is ever kept: 3 decimals of a degree, about 110 m north–south and 70 m east–
 * west in northern France. Enough to find a building, not an apartment; and it blurs the
 * resident's own whereabouts, which is what the phone really measures.
 */
import type { Point } from '../../../schemas/form.ts';

export const POINT_DECIMALS = 3;
/** The accuracy we claim never goes below what rounding leaves: ~111 m. */
export const MIN_ACCURACY_M = 111;

export type LocationFailure = 'unsupported' | 'denied' | 'unavailable' | 'timeout';

export class LocationError extends Error {
  override name = 'LocationError';
  constructor(readonly reason: LocationFailure) {
    super(reason);
  }
}

const round = (x: number) => Math.round(x * 10 ** POINT_DECIMALS) / 10 ** POINT_DECIMALS;

/** Rounds a fix; the accuracy is rounded up to 10 m and never below {@link MIN_ACCURACY_M}. */
export function roundPoint(lat: number, lon: number, accuracy?: number): Point {
  const acc = Math.max(MIN_ACCURACY_M, Math.ceil((accuracy ?? 0) / 10) * 10);
  return { lat: round(lat), lon: round(lon), accuracy: acc };
}

/** Asks the phone once (no watch, coarse mode), and rounds the answer. */
export function currentPoint(timeoutMs = 20_000): Promise<Point> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new LocationError('unsupported'));
    navigator.geolocation.getCurrentPosition(
      (pos) => resolve(roundPoint(pos.coords.latitude, pos.coords.longitude, pos.coords.accuracy)),
      (err) => reject(new LocationError(err.code === err.PERMISSION_DENIED ? 'denied' : err.code === err.TIMEOUT ? 'timeout' : 'unavailable')),
      { enableHighAccuracy: false, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
