/**
 * CORS for the officer viewer, which lives on its own origin (PROTOCOL §5): preflights are
 * answered for the deployment's `viewerOrigins` only, echoing the exact configured origin;
 * any other origin gets no CORS header at all, so the browser refuses it.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { applySecurityHeaders } from './security.ts';

export const CORS_ALLOW_METHODS = 'GET, POST, PUT, DELETE';
export const CORS_ALLOW_HEADERS = 'Authorization, Content-Type';
/** Seconds a browser may cache a preflight (Chromium caps this at 7200). */
export const CORS_MAX_AGE = '7200';

export const cors: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = c.req.header('Origin');
  const allowed = origin !== undefined && c.var.deployment.viewerOrigins.includes(origin) ? origin : undefined;
  if (allowed && c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method') !== undefined) {
    const res = new Response(null, {
      status: 204,
      headers: {
        'Access-Control-Allow-Origin': allowed,
        'Access-Control-Allow-Methods': CORS_ALLOW_METHODS,
        'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
        'Access-Control-Max-Age': CORS_MAX_AGE,
        Vary: 'Origin',
      },
    });
    applySecurityHeaders(res.headers);
    return res;
  }
  await next();
  // Answers differ by Origin, so caches (none should keep them: no-store) must key on it.
  c.res.headers.append('Vary', 'Origin');
  if (allowed) c.res.headers.set('Access-Control-Allow-Origin', allowed);
};
