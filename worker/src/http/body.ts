/**
 * Reading request bodies with a hard cap (PROTOCOL §3 order 1, §5 "413 body too large").
 * The cap is enforced on the bytes actually read from the stream: a `Content-Length`
 * that is absent or lies cannot make the Worker buffer more than `max` bytes.
 *
 * Over the cap the Worker keeps nothing, reads and drops what still comes (at most 8 MiB or
 * 2 s), then answers; it never cancels the request stream (docs/hostile-traffic.md "The 413
 * stall"): a cancelled body made `wrangler dev`'s proxy hold the next request until the
 * client left (30–60 s). Past the bound, the rest is the runtime's to drop or cut (workerd
 * and Cloudflare's edge both do, as for any route that answers without reading its body).
 */
import { Refusal } from './errors.ts';

/** Past the cap, at most this much more is read and dropped before answering 413. */
const DISCARD_BYTES = 8 * 1024 * 1024;
const DISCARD_MS = 2000;

async function discard(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number, maxMs: number): Promise<void> {
  const deadline = Date.now() + maxMs;
  let left = maxBytes;
  while (left > 0 && Date.now() < deadline) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((r) => (timer = setTimeout(() => r(null), Math.max(0, deadline - Date.now()))));
    const next = await Promise.race([reader.read().catch(() => ({ done: true as const, value: undefined })), late]);
    clearTimeout(timer);
    if (next === null || next.done) return;
    left -= next.value.byteLength;
  }
}

/** Reads the whole body, or throws `413 too_large` as soon as it passes `max` bytes. */
export async function readCappedBody(req: Request, max: number): Promise<Uint8Array> {
  // A declared length over the cap is over the cap: nothing is kept, what comes is dropped.
  const declared = req.headers.get('Content-Length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > max) {
    if (req.body) await discard(req.body.getReader(), DISCARD_BYTES, DISCARD_MS);
    throw new Refusal('too_large');
  }
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    // A client that leaves mid-body (truncated, lying length) is not our error: `400`, which
    // nobody may read, instead of an unexpected error and a 5xx.
    const { done, value } = await reader.read().catch(() => {
      throw new Refusal('bad_request');
    });
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      // Never cancel (see above). What is still coming is read and dropped, bounded in bytes
      // and time, so a client that sends its whole body before reading gets its 413 and
      // `wrangler dev` (which drains only untouched bodies) is left with nothing in flight.
      await discard(reader, DISCARD_BYTES, DISCARD_MS);
      throw new Refusal('too_large');
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
    throw new Refusal('bad_request');
  }
}
