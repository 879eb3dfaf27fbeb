/**
 * Constant-time comparison of secrets' hashes (PROTOCOL §4: the mailbox hash is compared
 * "in constant time"), with workerd's `crypto.subtle.timingSafeEqual`. Its type is declared
 * here because this project's type set also loads the DOM's `SubtleCrypto`, which lacks it.
 */
type WorkerdSubtle = SubtleCrypto & { timingSafeEqual(a: ArrayBufferView, b: ArrayBufferView): boolean };

/** True when `a` and `b` hold the same bytes; time depends only on the length. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  // timingSafeEqual throws on different lengths; a length is never secret here.
  if (a.byteLength !== b.byteLength) return false;
  return (crypto.subtle as WorkerdSubtle).timingSafeEqual(a, b);
}
