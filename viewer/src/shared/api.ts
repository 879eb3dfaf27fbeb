/**
 * The viewer's signed requests to the API (PROTOCOL §5), from its own origin to the
 * deployment's API origin: client/signedRequest.ts signs with the held officer key and sends
 * with the viewer's fetch options (CORS, no cookie, no cache, no referrer). Failures are
 * client/'s {@link ApiError} / {@link NetworkError}, exported here for the viewer's services.
 */
import * as v from 'valibot';
import { answerBytes, answerJson, ApiError, NetworkError, signedFetch, type SignedApi, type SignedRequest } from '../../../client/signedRequest.ts';
import { signRequest } from '../../../crypto/index.ts';
import type { OfficerKeyEntry } from '../../../schemas/keyring.ts';
import { OFFICER_LIVE_TARGET } from '../../../schemas/mailbox-api.ts';

export { ApiError, NetworkError, type SignedRequest };

type Officer = Pick<OfficerKeyEntry, 'officerId' | 'secretKey'>;

/** The browser's HTTP cache is not ours to fill: answers are ciphertext or bookkeeping. */
const VIEWER_FETCH: RequestInit = { mode: 'cors', credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' };

function viewerApi(apiOrigin: string, officer: Officer): SignedApi {
  return { origin: apiOrigin, authorize: ({ method, target, body }) => signRequest({ method, target, body, officer }), init: VIEWER_FETCH };
}

/**
 * Sends one signed request and parses the JSON answer with `schema`.
 *
 * @example
 * const list = await signedJson(origin, officer, { method: 'GET', target: '/api/v1/reports?after=0' }, ReportList)
 */
export async function signedJson<T extends v.GenericSchema>(apiOrigin: string, officer: Officer, req: SignedRequest, schema: T): Promise<v.InferOutput<T>> {
  return answerJson(await signedFetch(viewerApi(apiOrigin, officer), req), schema);
}

/**
 * Sends one signed `GET` and answers the raw body: attachment blobs (PROTOCOL §6 "Officer
 * download"), which are bytes, not JSON.
 */
export async function signedBytes(apiOrigin: string, officer: Officer, req: { target: string; signal?: AbortSignal }): Promise<Uint8Array> {
  return answerBytes(await signedFetch(viewerApi(apiOrigin, officer), { method: 'GET', ...req }));
}

/** An unsigned `GET` of a public endpoint (`/api/v1/meta`), parsed with `schema`; null on any failure. */
export async function publicJson<T extends v.GenericSchema>(apiOrigin: string, target: string, schema: T): Promise<v.InferOutput<T> | null> {
  try {
    const res = await fetch(apiOrigin + target, VIEWER_FETCH);
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
export function liveAuthorization(officer: Officer): Promise<string> {
  return signRequest({ method: 'GET', target: OFFICER_LIVE_TARGET, officer });
}

/** Why a signed request failed, in the words the viewer's notices use (one rule for case jobs and sent questions). */
export type RequestFailure = 'unreachable' | 'unauthorized' | 'forbidden' | 'gone' | 'unknown-key' | 'refused' | 'server';

export function requestFailureOf(e: unknown): RequestFailure {
  if (e instanceof NetworkError) return 'unreachable';
  if (!(e instanceof ApiError)) return 'server';
  if (e.status === 401) return 'unauthorized';
  if (e.status === 403) return 'forbidden';
  if (e.status === 404) return 'gone';
  if (e.status === 422) return 'unknown-key';
  if (e.status >= 400 && e.status < 500) return 'refused';
  return 'server';
}
