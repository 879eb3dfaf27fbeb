/**
 * Officer authentication and roles (PROTOCOL §5). Every officer endpoint checks, in order:
 * `413` body too large, `415` media type (JSON bodies), `401` signature, `403` role; the
 * handler then does `400`, `404`, `422` and the operation. The body is read (capped) before
 * authentication because the signature covers its hash.
 */
import type { MiddlewareHandler } from 'hono';
import type { OfficerItemInput, Role } from '../../../schemas/api.ts';
import { fromB64 } from '../../../schemas/encoding.ts';
import { MAX_JSON_BODY, SIGNATURE_WINDOW_SECONDS } from '../../../schemas/limits.ts';
import { isoSeconds } from '../../../schemas/time.ts';
import type { AppEnv } from '../context.ts';
import { bootstrapKeyOf, type Env } from '../env.ts';
import { isJsonMediaType, readCappedBody } from '../http/body.ts';
import { Refusal } from '../http/errors.ts';
import { addOfficer, getOfficer } from '../store/officers.ts';
import { rememberNonce } from '../store/replay.ts';
import { officerIdOf, parseSignatureHeader, signingInput, verifyEd25519 } from '../verify/signature.ts';

/**
 * A stand-in Ed25519 public key for strangers (its secret half was never kept), so their
 * verification runs and fails like a wrong signature.
 */
export const NOBODY = 'RQM9lUGY_DYL2pMShN7gJ-fR9tEtnb8_bptiYNbsAj0';

/**
 * The officer who signed `req`, or `401 unauthorized` with no hint of which part failed.
 * The bootstrap admin (secret `BOOTSTRAP_ADMIN_PUBLIC_KEY`) is accepted as `admin` and
 * written to the roster on its first valid request, unless a row for it exists: then the
 * row rules (a revoked bootstrap admin stays revoked).
 */
export async function authenticateOfficer(env: Env, req: Request, body: Uint8Array, now: Date): Promise<OfficerItemInput> {
  const unauthorized = () => new Refusal('unauthorized');
  const header = parseSignatureHeader(req.headers.get('Authorization'));
  if (!header) throw unauthorized();
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const ts = Number(header.ts);
  if (Math.abs(nowSeconds - ts) > SIGNATURE_WINDOW_SECONDS) throw unauthorized();

  let officer = await getOfficer(env.DB, header.officer);
  let bootstrap = false;
  if (!officer) {
    const key = bootstrapKeyOf(env);
    if (key && officerIdOf(fromB64(key)) === header.officer) {
      officer = { officerId: header.officer, publicKey: key, role: 'admin', createdAt: isoSeconds(now), revokedAt: null };
      bootstrap = true;
    }
  }
  const url = new URL(req.url);
  const message = signingInput(req.method, url.pathname + url.search, header.ts, header.nonce, body);
  // An unknown or revoked officer costs the same verification, so timing does not tell
  // a stranger who is on the roster.
  const valid = await verifyEd25519(fromB64(officer?.publicKey ?? NOBODY), header.sig, message);
  if (!officer || officer.revokedAt !== null || !valid) throw unauthorized();
  // Only after a valid signature, so strangers cannot fill the cache.
  if (!(await rememberNonce(env.DB, header.officer, header.nonce, ts + SIGNATURE_WINDOW_SECONDS))) throw unauthorized();

  if (bootstrap) {
    const { officer: row } = await addOfficer(env.DB, { ...officer, revokedAt: undefined });
    if (row.revokedAt !== null) throw unauthorized();
    officer = row;
  }
  return officer;
}

export interface OfficerOnlyOptions {
  /** The role the endpoint needs; `admin` includes everything `officer` may do. */
  role: Role;
  /** The endpoint takes a JSON body: `415` unless the media type is JSON. */
  json?: boolean;
  /** Body cap in bytes (`413` beyond it); {@link MAX_JSON_BODY} unless the endpoint says. */
  maxBody?: number;
}

/** Middleware running the officer checks 413, 415, 401, 403 in the protocol's order. */
export function officerOnly(o: OfficerOnlyOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const body = await readCappedBody(c.req.raw, o.maxBody ?? MAX_JSON_BODY);
    if (o.json && !isJsonMediaType(c.req.header('Content-Type') ?? null)) throw new Refusal('unsupported_media_type');
    const officer = await authenticateOfficer(c.env, c.req.raw, body, new Date());
    if (o.role === 'admin' && officer.role !== 'admin') throw new Refusal('forbidden');
    c.set('body', body);
    c.set('officer', officer);
    await next();
  };
}
