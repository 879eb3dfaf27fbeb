/**
 * A QR code as one SVG path (issue 4: the new officer's public key "as a QR code"). uqr
 * computes the modules; the UI draws the path as a DOM element, never through HTML markup
 * (CSP and Trusted Types hold: no `innerHTML`, no inline style). Pure.
 */
import { encode } from 'uqr';

export interface QrPath {
  /** Modules per side, quiet zone included. */
  size: number;
  /** One square per dark module. */
  d: string;
}

export function qrPath(text: string): QrPath {
  const qr = encode(text, { ecc: 'M', border: 2 });
  let d = '';
  qr.data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    });
  });
  return { size: qr.size, d };
}
