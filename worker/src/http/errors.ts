/**
 * Protocol errors (PROTOCOL §3, §5): a code, its HTTP status, and a fixed human message.
 * Messages are constants chosen here, never built from the request, so no error can echo
 * input. Handlers throw {@link ApiError}; `createApp()` turns it into the JSON body.
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

/** An expected failure with a protocol code; `headers` adds e.g. `Retry-After` or `Allow`. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly headers: Record<string, string> = {},
  ) {
    super(MESSAGES[code]);
    this.status = ERROR_STATUS[code];
  }
}

/** The protocol's error body for `code`. */
export function errorResponse(code: ErrorCode, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error: { code, message: MESSAGES[code] } }), {
    status: ERROR_STATUS[code],
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}
