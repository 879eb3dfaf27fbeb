/**
 * Error codes of the wire protocol (PROTOCOL §3–§6) and their HTTP statuses.
 * Every error body is `{"error":{"code","message"}}`; a message never echoes input.
 */
import * as v from 'valibot';

export const ERROR_STATUS = {
  bad_request: 400,
  pow_invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  id_conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unknown_key: 422,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ErrorBody = v.object({
  error: v.object({
    code: v.picklist(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    message: v.string(),
    /**
     * `pow_invalid` only (PROTOCOL §3, §6): the effort the Worker requires at that moment;
     * the client solves again at this effort and resubmits the same id and sealed bytes.
     */
    powBits: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(32))),
  }),
});
export type ErrorBody = v.InferOutput<typeof ErrorBody>;
