/**
 * Proof of work (PROTOCOL §3): find 8 bytes `pow` such that
 * `H(32, "stopdeal/pow/v1" ‖ idBytes ‖ H(32, sealedBytes) ‖ pow)` starts with `bits`
 * zero bits. Blobs (§6) use the same rule with the blob id as `id` and the blob as `sealed`.
 * In the app this runs in a Web Worker (`pwa/src/workers/crypto.ts`), off the main thread.
 */
import { b64, concat, H, unb64, utf8 } from './bytes.ts';
import { sodium } from './sodium.ts';

const LABEL = utf8('stopdeal/pow/v1');

/** Number of leading zero bits of a hash, most significant bit of byte 0 first. */
export function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** How far a search has got: attempts so far and the hash rate measured since it began. */
export interface PowProgress {
  attempts: number;
  hashesPerSecond: number;
}

/** At most this often `onProgress` is called (a few times a second, issue 7). */
const PROGRESS_EVERY_MS = 250;

/**
 * Solves the proof of work for a report (b64 id, sealed bytes). Checks `signal` every
 * 4096 attempts so that a long search can be abandoned; `onProgress` hears how far it
 * got at most every 250 ms (expected work: 2^bits attempts). At each report it also yields
 * to the event loop, so that a worker can receive a cancel message meanwhile.
 *
 * @example
 * const pow = await solvePow(id, sealed, 12)
 */
export async function solvePow(id: string, sealed: Uint8Array, bits: number, signal?: AbortSignal, onProgress?: (p: PowProgress) => void): Promise<string> {
  const s = await sodium();
  const buf = concat(LABEL, unb64(s, id), H(s, 32, sealed), s.randombytes_buf(8));
  const tail = buf.length - 8;
  const view = new DataView(buf.buffer, buf.byteOffset + tail, 8);
  const started = Date.now();
  let reported = started;
  for (let i = 0; ; i++) {
    if (leadingZeroBits(H(s, 32, buf)) >= bits) return b64(s, buf.slice(tail));
    // Increment the 8-byte counter in place (wrapping); start point was random.
    view.setUint32(4, view.getUint32(4) + 1);
    if (view.getUint32(4) === 0) view.setUint32(0, view.getUint32(0) + 1);
    if ((i & 4095) === 4095) {
      signal?.throwIfAborted();
      const now = Date.now();
      if (onProgress && now - reported >= PROGRESS_EVERY_MS) {
        reported = now;
        onProgress({ attempts: i + 1, hashesPerSecond: ((i + 1) * 1000) / Math.max(1, now - started) });
        await new Promise((r) => setTimeout(r, 0));
        signal?.throwIfAborted();
      } else await Promise.resolve();
    }
  }
}

/** Checks a proof of work; used by tests and outside tools (the Worker has its own). */
export async function checkPow(id: string, sealed: Uint8Array, pow: string, bits: number): Promise<boolean> {
  const s = await sodium();
  return leadingZeroBits(H(s, 32, concat(LABEL, unb64(s, id), H(s, 32, sealed), unb64(s, pow)))) >= bits;
}
