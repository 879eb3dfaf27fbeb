/**
 * Signed requests to the API (PROTOCOL §5), as the viewer and the CLI send them: the
 * signature covers the method, the target exactly as sent (path plus `?query`), a timestamp,
 * a fresh nonce and the body's bytes. Signing is crypto's (`signRequest` with the officer
 * key), passed in as {@link Authorize}: client/ imports no crypto. Each program adds its own
 * fetch options (the viewer: CORS, no cache, no referrer; the CLI: no redirect, a timeout)
 * and words failures for its reader.
 */
import * as v from 'valibot';
import { ErrorBody, type ErrorCode } from '../schemas/errors.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The `Authorization` value for one request: `Signature officer=…, ts=…, nonce=…, sig=…`. */
export type Authorize = (req: { method: Method; target: string; body: string }) => Promise<string>;

/** Where and how a program sends signed requests. */
export interface SignedApi {
  /** The API's origin, e.g. `https://api.ville.fr`. */
  origin: string;
  authorize: Authorize;
  /** Fetch options the program adds to every request (never `method`, `headers`, `body`, `signal`). */
  init?: RequestInit;
  /** `globalThis.fetch` unless given (the CLI's tests pass their own). */
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
}

export interface SignedRequest {
  method: Method;
  /** Path plus `?query`, exactly as it will be sent: it is what gets signed. */
  target: string;
  /** JSON text, sent as `application/json`; signed byte for byte. */
  body?: string;
  signal?: AbortSignal;
}

/**
 * The API answered with a protocol error (`{"error":{"code","message"}}`, PROTOCOL §3, §5);
 * `code` is `unexpected` when the answer had no such body. `detail` is the API's own message.
 * One class for every client (viewer, CLI); the Worker's refusals are `worker/src/http/errors.ts`.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'unexpected',
    message = `API answered ${status} ${code}`,
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** The API could not be reached (`cause` says why), or answered something that is not the protocol. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/**
 * Signs and sends one request; answers the response when it is a 2xx.
 *
 * @example
 * const res = await signedFetch(api, { method: 'GET', target: '/api/v1/officers' });
 * @throws ApiError (a non-2xx answer), NetworkError (unreachable); an abort is rethrown as it is
 */
export async function signedFetch(api: SignedApi, req: SignedRequest): Promise<Response> {
  const authorization = await api.authorize({ method: req.method, target: req.target, body: req.body ?? '' });
  const headers: Record<string, string> = { Authorization: authorization };
  if (req.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await (api.fetch ?? fetch)(api.origin + req.target, { ...api.init, method: req.method, headers, body: req.body, signal: req.signal ?? null });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new NetworkError('API unreachable', { cause: e });
  }
  if (!res.ok) {
    const parsed = v.safeParse(ErrorBody, await res.json().catch(() => null));
    if (!parsed.success) throw new ApiError(res.status, 'unexpected');
    throw new ApiError(res.status, parsed.output.error.code, undefined, parsed.output.error.message);
  }
  return res;
}

/**
 * A 2xx answer's JSON checked with `schema`.
 * @throws NetworkError when it is not JSON or not the protocol
 */
export async function answerJson<T extends v.GenericSchema>(res: Response, schema: T): Promise<v.InferOutput<T>> {
  const parsed = v.safeParse(schema, await res.json().catch(() => undefined));
  if (!parsed.success) throw new NetworkError('API answer does not match the protocol');
  return parsed.output;
}

/**
 * A 2xx answer's raw bytes: attachment blobs (PROTOCOL §6 "Officer download").
 * @throws NetworkError when the download is cut off; an abort is rethrown as it is
 */
export async function answerBytes(res: Response): Promise<Uint8Array> {
  try {
    return new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new NetworkError('download interrupted', { cause: e });
  }
}
