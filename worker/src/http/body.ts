/**
 * Reading request bodies with a hard cap (PROTOCOL §3 order 1, §5 "413 body too large").
 * The cap is enforced on the bytes actually read from the stream: a `Content-Length`
 * that is absent or lies cannot make the Worker buffer more than `max` bytes.
 *
 * Over the cap the Worker stops reading and answers, but never cancels the request stream
 * (docs/hostile-traffic.md "The 413 stall"): a cancelled body made `wrangler dev`'s proxy
 * hold the next request until the client left (30–60 s). Left unread, what the client still
 * sends is the runtime's to discard or cut (workerd and Cloudflare's edge both do), as for
 * any route that answers without reading its body.
 */
import { ApiError } from './errors.ts';

/** Reads the whole body, or throws `413 too_large` as soon as it passes `max` bytes. */
export async function readCappedBody(req: Request, max: number): Promise<Uint8Array> {
  // A declared length over the cap is over the cap: no need to read it (nor to cancel it).
  const declared = req.headers.get('Content-Length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > max) {
    throw new ApiError('too_large');
  }
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      // Stop reading; cancelling here is what stalled the next request (see above).
      reader.releaseLock();
      throw new ApiError('too_large');
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.byteLength;
  }
  return out;
}

/**
 * True when `Content-Type` names `mediaType` (lowercase), compared case-insensitively with
 * parameters such as `charset=utf-8` ignored (PROTOCOL §3); a missing header names nothing.
 */
export function hasMediaType(contentType: string | null, mediaType: string): boolean {
  if (contentType === null) return false;
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return type === mediaType;
}

/** True when `Content-Type` names `application/json` (PROTOCOL §3: every JSON POST). */
export function isJsonMediaType(contentType: string | null): boolean {
  return hasMediaType(contentType, 'application/json');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses a JSON body; invalid UTF-8 or JSON is `400 bad_request`. */
export function parseJsonBody(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(strictUtf8.decode(bytes));
  } catch {
    throw new ApiError('bad_request');
  }
}
