/**
 * The reporter app's crypto worker: the one place libsodium runs in the app, off the main
 * thread. It seals a report (PROTOCOL §2) with a fresh receipt secret (§4) and solves the
 * proof of work (§3), or solves it again for the outbox. libsodium is still loaded lazily
 * (crypto/sodium.ts), on the first request or a `warm` one sent while the resident types.
 * Keeping it here rather than also on the page means one copy of libsodium to download.
 */
/// <reference lib="webworker" />
import { toB64 } from '../../../schemas/encoding.ts';
import { deriveFromReceipt, encodeReceiptCode, newReceiptSecret } from '../../../crypto/receipt.ts';
import { solvePow } from '../../../crypto/pow.ts';
import { randomB64 } from '../../../crypto/random.ts';
import { plaintextSize, sealReport } from '../../../crypto/sealReport.ts';
import { TooLargeError } from '../../../crypto/errors.ts';
import { PAD_BUCKETS } from '../../../schemas/limits.ts';
import { fromB64 } from '../../../schemas/encoding.ts';
import type { CryptoReply, CryptoRequest, SealedForOutbox } from './cryptoMessages.ts';

declare const self: DedicatedWorkerGlobalScope;

const MAX_PLAINTEXT_BYTES = PAD_BUCKETS[PAD_BUCKETS.length - 1]!;

async function seal(request: Extract<CryptoRequest, { op: 'seal' }>): Promise<SealedForOutbox> {
  const secret = await newReceiptSecret();
  const keys = await deriveFromReceipt(secret);
  try {
    const plaintext = { ...request.report, id: keys.id, replyTo: toB64(keys.replyPublicKey) };
    // PROTOCOL §2: 65536 bytes or more is refused by the client, before sealing.
    const bytes = plaintextSize(plaintext);
    if (bytes >= MAX_PLAINTEXT_BYTES) throw new TooLargeError(bytes);
    const { sealed, kid } = await sealReport(plaintext, request.police);
    const pow = await solvePow(keys.id, sealed, request.powBits);
    return { id: keys.id, kid, sealed: toB64(sealed), mailbox: keys.mailboxHash, pow, receiptCode: encodeReceiptCode(secret) };
  } finally {
    // The code leaves as text for the one screen that shows it; no byte of it stays here.
    secret.fill(0);
    keys.mailboxSecret.fill(0);
    keys.replySecretKey.fill(0);
  }
}

self.onmessage = async (event: MessageEvent<CryptoRequest>) => {
  const request = event.data;
  let reply: CryptoReply;
  try {
    switch (request.op) {
      case 'warm':
        await randomB64(1); // loads and initialises libsodium
        reply = { n: request.n, ok: true };
        break;
      case 'seal':
        reply = { n: request.n, ok: true, sealed: await seal(request) };
        break;
      case 'prove':
        reply = { n: request.n, ok: true, pow: await solvePow(request.id, fromB64(request.sealed), request.powBits) };
        break;
    }
  } catch (e) {
    reply = { n: request.n, ok: false, error: (e as Error).name, ...(e instanceof TooLargeError ? { bytes: e.bytes } : {}) };
  }
  self.postMessage(reply);
};
