/**
 * Protocol errors (PROTOCOL §3, §5): a code, its HTTP status, and a fixed human message.
 * Messages are constants chosen here, never built from the request, so no error can echo
 * input. Handlers throw {@link Refusal}; `createApp()` turns it into the JSON body.
 */
import { ERROR_STATUS, type ErrorCode } from '../../../schemas/errors.ts';

const MESSAGES: Record<ErrorCode, string> = {
  bad_request: 'The request is malformed.',
  pow_invalid: 'The proof of work is too weak.',
  unauthorized: 'Authentication failed.',
  forbidden: 'This officer may not do this.',
  not_found: 'Not found.',
  method_not_allowed: 'Method not allowed on this path.',
  id_conflict: 'This id is already used.',
  too_large: 'The request body is too large.',
  unsupported_media_type: 'The body does not have the media type this endpoint takes.',
  unknown_key: 'The police key is not accepted.',
  rate_limited: 'Too many requests right now; retry later.',
  internal: 'Internal error.',
};

/**
 * Fields an error body may carry besides `code` and `message`: only `powBits` on
 * `pow_invalid` (PROTOCOL §3), a number the Worker computes, never request input.
 */
export interface ErrorExtra {
  powBits?: number;
}

/**
 * The Worker refusing a request: an expected failure with a protocol code, answered as the
 * error body; `headers` adds e.g. `Retry-After` or `Allow`. (Clients read such an answer as
 * client/signedRequest.ts's `ApiError`.)
 */
export class Refusal extends Error {
  override name = 'Refusal';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly headers: Record<string, string> = {},
    readonly extra: ErrorExtra = {},
  ) {
    super(MESSAGES[code]);
    this.status = ERROR_STATUS[code];
  }
}

/** `400 pow_invalid` carrying the effort required now (PROTOCOL §3, §6). */
export function powInvalid(effort: number): Refusal {
  return new Refusal('pow_invalid', {}, { powBits: effort });
}

/** The protocol's error body for `code`. */
export function errorResponse(code: ErrorCode, headers: Record<string, string> = {}, extra: ErrorExtra = {}): Response {
  const powBits = typeof extra.powBits === 'number' ? { powBits: extra.powBits } : {};
  return new Response(JSON.stringify({ error: { code, message: MESSAGES[code], ...powBits } }), {
    status: ERROR_STATUS[code],
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}
