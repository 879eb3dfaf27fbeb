/**
 * Signed requests to the API (PROTOCOL §5), from the viewer's own origin to the
 * deployment's API origin. The signature covers the method, the target exactly as sent
 * (path plus `?query`), a timestamp, a fresh nonce and the body's hash.
 */
import * as v from 'valibot';
import { signRequest } from '../../../crypto/index.ts';
import { ErrorBody, type ErrorCode } from '../../../schemas/errors.ts';
import type { OfficerKeyEntry } from '../../../schemas/keyring.ts';
import { OFFICER_LIVE_TARGET } from '../../../schemas/mailbox-api.ts';

/** The API answered with an error (PROTOCOL: `{"error":{"code","message"}}`). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'unexpected',
  ) {
    super(`API answered ${status} ${code}`);
  }
}

/** The API could not be reached, or answered something that is not the protocol. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

export interface SignedRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path plus `?query`, exactly as it will be sent: it is what gets signed. */
  target: string;
  body?: string;
  signal?: AbortSignal;
}

/**
 * Sends one signed request and parses the JSON answer with `schema`.
 *
 * @example
 * const list = await signedJson(origin, officer, { method: 'GET', target: '/api/v1/reports?after=0' }, ReportList)
 */
export async function signedJson<T extends v.GenericSchema>(
  apiOrigin: string,
  officer: Pick<OfficerKeyEntry, 'officerId' | 'secretKey'>,
  req: SignedRequest,
  schema: T,
): Promise<v.InferOutput<T>> {
  const res = await signedFetch(apiOrigin, officer, req);
  const parsed = v.safeParse(schema, await res.json().catch(() => undefined));
  if (!parsed.success) throw new NetworkError('API answer does not match the protocol');
  return parsed.output;
}

/**
 * Sends one signed `GET` and answers the raw body: attachment blobs (PROTOCOL §6 "Officer
 * download"), which are bytes, not JSON. Failures are the same {@link ApiError} /
 * {@link NetworkError} as {@link signedJson}.
 */
export async function signedBytes(
  apiOrigin: string,
  officer: Pick<OfficerKeyEntry, 'officerId' | 'secretKey'>,
  req: { target: string; signal?: AbortSignal },
): Promise<Uint8Array> {
  const res = await signedFetch(apiOrigin, officer, { method: 'GET', target: req.target, signal: req.signal });
  try {
    return new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new NetworkError('download interrupted');
  }
}

/** Signs and sends one request; answers the response when it is a 2xx, else throws. */
async function signedFetch(apiOrigin: string, officer: Pick<OfficerKeyEntry, 'officerId' | 'secretKey'>, req: SignedRequest): Promise<Response> {
  const authorization = await signRequest({ method: req.method, target: req.target, body: req.body, officer });
  const headers: Record<string, string> = { Authorization: authorization };
  if (req.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(apiOrigin + req.target, {
      method: req.method,
      headers,
      body: req.body,
      mode: 'cors',
      credentials: 'omit',
      // Answers are ciphertext or bookkeeping, but the browser's HTTP cache is not ours to fill.
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: req.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new NetworkError('API unreachable');
  }
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    const parsed = v.safeParse(ErrorBody, body);
    throw new ApiError(res.status, parsed.success ? parsed.output.error.code : 'unexpected');
  }
  return res;
}

/** An unsigned `GET` of a public endpoint (`/api/v1/meta`), parsed with `schema`; null on any failure. */
export async function publicJson<T extends v.GenericSchema>(apiOrigin: string, target: string, schema: T): Promise<v.InferOutput<T> | null> {
  try {
    const res = await fetch(apiOrigin + target, { mode: 'cors', credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
    if (!res.ok) return null;
    const parsed = v.safeParse(schema, await res.json());
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

/**
 * The first frame of the officers' live channel: a fresh `Signature …` value over `GET`,
 * the socket's target and an empty body, exactly as an HTTP request would carry it
 * (PROTOCOL §4 "a WebSocket authenticates with its first frame"; secrets never in a URL).
 */
export function liveAuthorization(officer: Pick<OfficerKeyEntry, 'officerId' | 'secretKey'>): Promise<string> {
  return signRequest({ method: 'GET', target: OFFICER_LIVE_TARGET, officer });
}
