/**
 * The officer API client (PROTOCOL §5): every request signed with the officer key over
 * the exact method, target and body bytes (client/signedRequest.ts); every answer validated
 * with `schemas/api.ts`; every failure turned into one clear line (unreachable API, error
 * code, odd answer).
 */
import * as v from 'valibot';
import { ApiError, NetworkError, signedFetch, type Method, type SignedApi } from '../../client/signedRequest.ts';
import { signRequest } from '../../crypto/index.ts';
import type { OfficerKeyEntry } from '../../schemas/keyring.ts';
import { CliError, UsageError } from './errors.ts';
import type { Io } from './io.ts';

/** Why an officer request may be refused, in the administrator's words. */
const HINTS: Partial<Record<string, string>> = {
  unauthorized: 'the signature was not accepted: this officer is unknown to this Worker or revoked, or this computer’s clock is off by more than 5 minutes',
  forbidden: 'this officer does not have the admin role',
  not_found: 'not found',
  rate_limited: 'too many requests; try again later',
};

const TIMEOUT_MS = 30_000;

/** Checks `--api`: an http(s) origin such as `https://api.example.fr`. */
export function parseApiOrigin(api: string | undefined): string {
  if (!api) throw new UsageError('missing --api <url> (the Worker’s origin, e.g. http://127.0.0.1:8787)');
  let url: URL;
  try {
    url = new URL(api);
  } catch {
    throw new UsageError(`--api is not a URL: use the Worker’s origin, e.g. http://127.0.0.1:8787`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError('--api must be an http:// or https:// URL');
  return url.origin;
}

export interface ApiRequest<T> {
  method: Method;
  /** Path and query, e.g. `/api/v1/reports?after=0&limit=500`. */
  target: string;
  body?: unknown;
  /** Schema of a 2xx answer; omit for `204` answers or bodies the CLI does not read. */
  answer?: v.GenericSchema<unknown, T>;
}

export class ApiClient {
  constructor(
    private readonly io: Io,
    readonly origin: string,
    private readonly officer: Pick<OfficerKeyEntry, 'officerId' | 'secretKey'>,
  ) {}

  async request<T = undefined>(req: ApiRequest<T>): Promise<{ status: number; body: T }> {
    const { res, url } = await this.send(req);
    const text = await res.text();
    if (!req.answer) return { status: res.status, body: undefined as T };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new CliError(`unexpected answer from ${this.origin}${url.pathname} (not JSON): is --api the right address?`);
    }
    const r = v.safeParse(req.answer, json);
    if (!r.success) throw new CliError(`unexpected answer from ${this.origin}${url.pathname} (does not match the protocol)`);
    return { status: res.status, body: r.output };
  }

  /** A signed `GET` whose answer is raw bytes: an attachment blob (PROTOCOL §6 "Officer download"). */
  async download(target: string): Promise<Uint8Array> {
    const { res, url } = await this.send({ method: 'GET', target });
    try {
      return new Uint8Array(await res.arrayBuffer());
    } catch {
      throw new CliError(`the download of ${url.pathname} from ${this.origin} was cut off`);
    }
  }

  /**
   * Signs and sends (client/signedRequest.ts) with a timeout and no redirect (D14: a signed
   * request never goes elsewhere); failures become one line for the administrator: a refusal
   * stays an {@link ApiError} with the protocol's code and a hint, an unreachable API a CliError.
   */
  private async send(req: { method: Method; target: string; body?: unknown }): Promise<{ res: Response; url: URL }> {
    const url = new URL(req.target, this.origin);
    // PROTOCOL §5: the signature covers the target exactly as sent and the exact body bytes.
    const target = url.pathname + url.search;
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    const api: SignedApi = {
      origin: this.origin,
      authorize: (r) => signRequest({ ...r, officer: this.officer, ts: Math.floor(this.io.now().getTime() / 1000) }),
      init: { redirect: 'error' },
      fetch: this.io.fetch,
    };
    try {
      return { res: await signedFetch(api, { method: req.method, target, body, signal: AbortSignal.timeout(TIMEOUT_MS) }), url };
    } catch (e) {
      if (e instanceof NetworkError) {
        const cause = e.cause as { name?: string; cause?: { code?: string; message?: string }; message?: string } | undefined;
        const why = cause?.name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : cause?.cause?.code ?? cause?.cause?.message ?? cause?.message;
        throw new CliError(`cannot reach the API at ${this.origin} (${why})`);
      }
      if (!(e instanceof ApiError)) throw e;
      if (e.code === 'unexpected') throw new ApiError(e.status, e.code, `the API at ${this.origin} answered ${e.status} without a Stop Deal error body: is --api the right address?`);
      throw new ApiError(e.status, e.code, `the API refused ${req.method} ${url.pathname}: ${e.status} ${e.code} (${HINTS[e.code] ?? e.detail})`, e.detail);
    }
  }
}
