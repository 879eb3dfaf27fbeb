/**
 * The first two checks of a JSON POST (PROTOCOL §3 orders 1–2): `413` while reading the
 * body under its cap, then `415` unless the media type is `application/json`.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { isJsonMediaType, readCappedBody } from './body.ts';
import { Refusal } from './errors.ts';

export function jsonBody(max: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const body = await readCappedBody(c.req.raw, max);
    if (!isJsonMediaType(c.req.header('Content-Type') ?? null)) throw new Refusal('unsupported_media_type');
    c.set('body', body);
    await next();
  };
}
