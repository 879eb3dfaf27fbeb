/**
 * Headers on every API answer (issue 2 "security headers"): nothing is cached, sniffed,
 * framed or allowed to load anything, and no Referer leaves.
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

/** Sets the security headers on a response whose headers are mutable. */
export function applySecurityHeaders(headers: Headers): void {
  for (const [k, v] of Object.entries(API_SECURITY_HEADERS)) headers.set(k, v);
}
