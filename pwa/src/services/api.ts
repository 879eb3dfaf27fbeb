/**
 * The reporter app's calls to the Worker about reports (PROTOCOL §3), on the app's own
 * origin; the conversation's are in services/mailbox.ts. No cookie, no referrer, no cache:
 * a report leaves nothing but its sealed body.
 * Used by the page and the service worker, so the `fetch` is passed in.
 */
import * as v from 'valibot';
import { MetaAnswer } from '../../../schemas/api.ts';
import { ErrorBody } from '../../../schemas/errors.ts';
import { BLOB_MEDIA_TYPE, BLOB_POW_HEADER, blobTarget } from '../../../schemas/blob-api.ts';
import { SubmitReportReceiptAnswer } from '../../../schemas/receipt-api.ts';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export const REPORTS_URL = '/api/v1/reports';
export const META_URL = '/api/v1/meta';

/** What became of one delivery attempt. */
export type PostOutcome =
  | { kind: 'stored'; status: number; receivedAt: string | null; receipt?: string }
  /** `powBits`: with `pow_invalid`, the effort the Worker requires now (PROTOCOL §3). */
  | { kind: 'refused'; status: number; code: string; powBits?: number }
  | { kind: 'rate_limited'; retryAfterMs: number | null }
  | { kind: 'server_error'; status: number }
  | { kind: 'network_error' };

/** `Retry-After` as delay-seconds or an HTTP date, in milliseconds from `now`. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export const request = (extra: RequestInit): RequestInit => ({ credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer', ...extra });

/** `POST /api/v1/reports` with the stored body, byte for byte. */
export async function postReport(fetchFn: Fetch, body: string, now = Date.now(), timeoutMs = 30_000): Promise<PostOutcome> {
  let res: Response;
  try {
    res = await fetchFn(REPORTS_URL, request({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body, signal: AbortSignal.timeout(timeoutMs) }));
  } catch {
    return { kind: 'network_error' };
  }
  // Only 200 (idempotent retry) and 201 (stored) mean the Worker holds the report (§3).
  if (res.status === 200 || res.status === 201) {
    // The proof of submission (issue 3) rides along when the Worker signs receipts.
    const answer = v.safeParse(SubmitReportReceiptAnswer, await res.json().catch(() => null));
    if (!answer.success) return { kind: 'stored', status: res.status, receivedAt: null };
    const { receivedAt, receipt } = answer.output;
    return { kind: 'stored', status: res.status, receivedAt, ...(receipt ? { receipt } : {}) };
  }
  return failureOf(res, now);
}

/**
 * `PUT /api/v1/blobs/{blobId}` with a sealed photo (PROTOCOL §6). 200 (already stored) and
 * 201 (stored) both mean the Worker holds it: the id is the content's hash, so a retry after
 * a lost answer is safe. Failures read like a report's (§3 codes).
 */
export async function putBlob(fetchFn: Fetch, blobId: string, bytes: Uint8Array<ArrayBuffer>, pow: string, now = Date.now(), timeoutMs = 120_000): Promise<PostOutcome> {
  let res: Response;
  try {
    res = await fetchFn(blobTarget(blobId), request({ method: 'PUT', headers: { 'Content-Type': BLOB_MEDIA_TYPE, [BLOB_POW_HEADER]: pow }, body: bytes, signal: AbortSignal.timeout(timeoutMs) }));
  } catch {
    return { kind: 'network_error' };
  }
  if (res.status === 200 || res.status === 201) {
    await res.body?.cancel();
    return { kind: 'stored', status: res.status, receivedAt: null };
  }
  return failureOf(res, now);
}

/** What a non-2xx answer means for the outbox: refused (kept), rate limited, or to retry. */
export async function failureOf(res: Response, now: number): Promise<Exclude<PostOutcome, { kind: 'stored' }>> {
  if (res.status === 429) {
    await res.body?.cancel();
    return { kind: 'rate_limited', retryAfterMs: parseRetryAfter(res.headers.get('Retry-After'), now) };
  }
  if (res.status >= 400 && res.status < 500) {
    const json: unknown = await res.json().catch(() => null);
    const err = v.safeParse(ErrorBody, json);
    if (err.success) {
      const { code, powBits } = err.output.error;
      return { kind: 'refused', status: res.status, code, ...(code === 'pow_invalid' && powBits !== undefined ? { powBits } : {}) };
    }
    // A pow_invalid whose effort we cannot read is still only a proof to redo (§3), never a refusal.
    if (res.status === 400 && (json as { error?: { code?: unknown } } | null)?.error?.code === 'pow_invalid') return { kind: 'refused', status: 400, code: 'pow_invalid' };
    return { kind: 'refused', status: res.status, code: `http_${res.status}` };
  }
  await res.body?.cancel();
  return { kind: 'server_error', status: res.status };
}

/** `GET /api/v1/meta`: the current proof-of-work difficulty and accepted kids. */
export async function fetchMeta(fetchFn: Fetch, timeoutMs = 10_000): Promise<MetaAnswer> {
  const res = await fetchFn(META_URL, request({ method: 'GET', signal: AbortSignal.timeout(timeoutMs) }));
  if (!res.ok) throw new Error(`meta answered ${res.status}`);
  return v.parse(MetaAnswer, await res.json());
}
