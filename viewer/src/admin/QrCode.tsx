/**
 * A QR code drawn as SVG elements (admin/qrPath.ts): dark squares on a white ground,
 * sized by the stylesheet. Named for screen readers by `label`.
 */
import { qrPath } from './qrPath.ts';

export function QrCode(props: { text: string; label: string }) {
  const { size, d } = qrPath(props.text);
  return (
    <svg class="qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={props.label} shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}
