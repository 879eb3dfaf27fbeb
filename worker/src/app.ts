/**
 * `createApp()`: the API as one Hono app that owns error handling and middleware
 * (STYLE: hono app templates). Routes are mounted per resource, handlers inline.
 *
 * Privacy (non-negotiable): nothing here logs request data: no body, no header, no URL.
 * An unexpected error logs its class name only.
 */
import { Hono } from 'hono';
import type { AppEnv } from './context.ts';
import { deploymentOf } from './env.ts';
import { cors } from './http/cors.ts';
import { errorResponse, Refusal } from './http/errors.ts';
import { applySecurityHeaders } from './http/security.ts';
import { blobs } from './routes/blobs.ts';
import { events, reportEvents } from './routes/events.ts';
import { live } from './routes/live.ts';
import { mailbox } from './routes/mailbox.ts';
import { inbox, reportMessages } from './routes/messages.ts';
import { meta } from './routes/meta.ts';
import { officers } from './routes/officers.ts';
import { receiptKey } from './routes/receiptKey.ts';
import { expiries, reports } from './routes/reports.ts';

/**
 * @example
 * const app = createApp()
 * const res = await app.request('/api/v1/meta', {}, env)
 */
export function createApp(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.onError((err) => {
    if (err instanceof Refusal) return errorResponse(err.code, err.headers, err.extra);
    console.error(`unexpected ${err instanceof Error ? err.constructor.name : typeof err}`);
    return errorResponse('internal');
  });
  app.notFound(() => errorResponse('not_found'));

  const api = new Hono<AppEnv>();
  // Outermost: every API answer, errors and preflights included, gets the security headers.
  api.use('*', async (c, next) => {
    await next();
    applySecurityHeaders(c.res.headers);
  });
  // Settings are parsed once per isolate; a missing or invalid DEPLOYMENT is `500 internal`.
  api.use('*', async (c, next) => {
    c.set('deployment', deploymentOf(c.env));
    await next();
  });
  api.use('*', cors);
  api.route('/v1/meta', meta);
  api.route('/v1/receipt-key', receiptKey);
  api.route('/v1/reports/:id/messages', reportMessages);
  api.route('/v1/reports/:id/events', reportEvents);
  api.route('/v1/reports', reports);
  api.route('/v1/expiries', expiries);
  api.route('/v1/officers', officers);
  api.route('/v1/messages', inbox);
  api.route('/v1/events', events);
  api.route('/v1/blobs', blobs);
  api.route('/v1/mailbox', mailbox);
  api.route('/v1/live', live);
  api.all('*', () => errorResponse('not_found'));

  app.route('/api', api);
  // Only `/api/*` runs the Worker first (wrangler.toml `run_worker_first`); anything else
  // that still arrives here is the reporter app's.
  app.all('*', (c) => c.env.ASSETS.fetch(c.req.raw));
  return app;
}
