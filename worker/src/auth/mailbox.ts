/**
 * The reporter's credential (PROTOCOL §4): `Authorization: Mailbox <b64 mailboxSecret>`.
 * The Worker compares `H(32, secret)` with the report's stored mailbox hash in constant
 * time. A missing, malformed or wrong header, an unknown or malformed id and a report
 * without a mailbox all answer the same `404 not_found`, after the same work (one lookup,
 * one hash, one comparison), so neither the body nor the timing tells whether a report exists.
 */
import type { MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { ReportId } from '../../../schemas/api.ts';
import { fromB64 } from '../../../schemas/encoding.ts';
import type { AppEnv } from '../context.ts';
import { Refusal } from '../http/errors.ts';
import { mailboxOf } from '../store/reports.ts';
import { constantTimeEqual } from '../verify/equal.ts';
import { H } from '../verify/hash.ts';

const HEADER = /^Mailbox[ \t]+([A-Za-z0-9_-]{43})$/i;
/** Compared against when there is no stored hash, so that path costs the same. */
const STAND_IN = new Uint8Array(32).fill(0x5a);

/** The 32-byte mailbox secret of an `Authorization` value, or `undefined` on any deviation. */
export function parseMailboxAuthorization(value: string | null | undefined): Uint8Array | undefined {
  const m = HEADER.exec(value ?? '');
  if (!m) return undefined;
  try {
    const secret = fromB64(m[1]!);
    return secret.length === 32 ? secret : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when `authorization` holds the secret of report `id`'s mailbox. `id` may be any
 * string (a malformed one names no report); never throws for bad input.
 */
export async function mailboxAuthorized(db: D1Database, id: string, authorization: string | null | undefined): Promise<boolean> {
  const secret = parseMailboxAuthorization(authorization);
  const stored = v.is(ReportId, id) ? await mailboxOf(db, id) : undefined;
  const expected = typeof stored === 'string' ? fromB64(stored) : STAND_IN;
  const given = H(32, secret ?? new Uint8Array(32));
  const same = constantTimeEqual(given, expected);
  return secret !== undefined && typeof stored === 'string' && same;
}

/** Middleware: `404 not_found` unless the request carries the mailbox secret of `:id`. */
export function mailboxOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!(await mailboxAuthorized(c.env.DB, c.req.param('id') ?? '', c.req.header('Authorization')))) throw new Refusal('not_found');
    await next();
  };
}
