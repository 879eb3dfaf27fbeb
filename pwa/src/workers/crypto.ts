/**
 * The reporter app's crypto worker: the one place libsodium runs in the app, off the main
 * thread. It seals a report (PROTOCOL §2) with a fresh receipt secret (§4) and solves the
 * proof of work (§3), or solves it again for the outbox; for the follow-up (issue 3) it
 * reads receipt codes, opens and seals conversation messages (§4) and checks proofs of
 * submission. libsodium is still loaded lazily (crypto/sodium.ts), on the first request or
 * a `warm` one sent while the resident types. Keeping it here rather than also on the page
 * means one copy of libsodium to download, and the reply secret key never reaches the page.
 */
/// <reference lib="webworker" />
import { fromB64, toB64 } from '../../../schemas/encoding.ts';
import { deriveFromReceipt, encodeReceiptCode, newReceiptSecret, parseReceiptCode, type ReceiptKeys } from '../../../crypto/receipt.ts';
import { openMessage, sealMessage } from '../../../crypto/message.ts';
import { solvePow } from '../../../crypto/pow.ts';
import { randomB64 } from '../../../crypto/random.ts';
import { plaintextSize, sealedDigest, sealReport } from '../../../crypto/sealReport.ts';
import { verifySubmissionReceipt } from '../../../crypto/submissionReceipt.ts';
import { TooLargeError } from '../../../crypto/errors.ts';
import { sealBlob, solveBlobPow } from '../../../crypto/blob.ts';
import { attachmentList } from './photoRules.ts';
import { PAD_BUCKETS } from '../../../schemas/limits.ts';
import type { CheckedProof, CryptoProgress, CryptoReply, CryptoRequest, FollowKeys, OpenedItem, SealedBlobForOutbox, SealedForOutbox } from './cryptoMessages.ts';

declare const self: DedicatedWorkerGlobalScope;

const MAX_PLAINTEXT_BYTES = PAD_BUCKETS[PAD_BUCKETS.length - 1]!;

/** Zeroes every secret a receipt stands for, once a request is done with it. */
function forget(keys: ReceiptKeys): void {
  keys.mailboxSecret.fill(0);
  keys.replySecretKey.fill(0);
}

/**
 * Seals each photo as a blob and proves work on it (PROTOCOL §6); the plaintext JPEG is
 * zeroed once sealed. The keys go into the report's `attachments`, the blobs to the outbox.
 */
async function sealPhotos(photos: Uint8Array<ArrayBuffer>[], powBits: number): Promise<{ refs: ReturnType<typeof attachmentList>; blobs: SealedBlobForOutbox[] }> {
  const sealed = [];
  const blobs: SealedBlobForOutbox[] = [];
  for (const photo of photos) {
    const blob = await sealBlob(photo);
    sealed.push({ id: blob.id, key: blob.key, size: photo.length });
    blobs.push({ id: blob.id, pow: await solveBlobPow(blob, powBits), bytes: blob.blob as Uint8Array<ArrayBuffer> });
    photo.fill(0);
  }
  return { refs: attachmentList(sealed), blobs };
}

async function seal(request: Extract<CryptoRequest, { op: 'seal' }>): Promise<SealedForOutbox> {
  const secret = await newReceiptSecret();
  const keys = await deriveFromReceipt(secret);
  try {
    const photos = await sealPhotos(request.photos ?? [], request.powBits);
    const plaintext = { ...request.report, id: keys.id, replyTo: toB64(keys.replyPublicKey), attachments: photos.refs };
    // PROTOCOL §2: 65536 bytes or more is refused by the client, before sealing.
    const bytes = plaintextSize(plaintext);
    if (bytes >= MAX_PLAINTEXT_BYTES) throw new TooLargeError(bytes);
    const { sealed, kid } = await sealReport(plaintext, request.police);
    const pow = await solvePow(keys.id, sealed, request.powBits);
    return { id: keys.id, kid, sealed: toB64(sealed), mailbox: keys.mailboxHash, pow, receiptCode: encodeReceiptCode(secret), blobs: photos.blobs };
  } finally {
    // The code leaves as text for the one screen that shows it; no byte of it stays here.
    secret.fill(0);
    forget(keys);
  }
}

/** Runs `work` with the keys a typed code stands for (§4), then zeroes them. */
async function withCode<T>(code: string, work: (keys: ReceiptKeys, canonical: string) => Promise<T>): Promise<T> {
  const secret = parseReceiptCode(code); // ReceiptCodeError for anything but a readable code
  const canonical = encodeReceiptCode(secret);
  const keys = await deriveFromReceipt(secret);
  secret.fill(0);
  try {
    return await work(keys, canonical);
  } finally {
    forget(keys);
  }
}

const follow = (code: string): Promise<FollowKeys> => withCode(code, async (keys, canonical) => ({ code: canonical, id: keys.id, mailboxSecret: toB64(keys.mailboxSecret) }));

/**
 * Opens each message with (police public key of its `kid`, reply secret key): this opens the
 * police's questions and, crypto_box being symmetric, the resident's own answers too (§4).
 * A message that does not open, or names a kid the app does not pin, is `ok: false`: the
 * screen shows it as unreadable, never drops it.
 */
function openAll(request: Extract<CryptoRequest, { op: 'open-messages' }>): Promise<OpenedItem[]> {
  return withCode(request.code, async (keys) => {
    const out: OpenedItem[] = [];
    for (const m of request.messages) {
      const police = request.police.find((p) => p.kid === m.kid);
      try {
        if (!police) throw new Error('unknown kid');
        const opened = await openMessage(fromB64(m.sealed), fromB64(police.publicKey), keys.replySecretKey);
        out.push({ key: m.key, ok: true, body: opened.body, at: opened.at });
      } catch {
        out.push({ key: m.key, ok: false });
      }
    }
    return out;
  });
}

/** An answer to the police: boxed with (police public key, reply secret key), §4. */
function sealAnswer(request: Extract<CryptoRequest, { op: 'seal-message' }>): Promise<{ kid: string; sealed: string }> {
  return withCode(request.code, async (keys) => {
    const sealed = await sealMessage({ v: 1, at: request.at, body: request.body, attachments: [] }, fromB64(request.police.publicKey), keys.replySecretKey);
    return { kid: request.police.kid, sealed: toB64(sealed) };
  });
}

/** docs/follow-up.md §5: the receipt is checked against the key pinned in the build. */
async function checkProof(request: Extract<CryptoRequest, { op: 'verify-receipt' }>): Promise<CheckedProof> {
  const sealed = fromB64(request.sealed);
  const digest = toB64(await sealedDigest(sealed));
  const valid = request.publicKey !== null && (await verifySubmissionReceipt({ id: request.id, receivedAt: request.receivedAt, signature: request.signature }, sealed, request.publicKey));
  return { valid, digest };
}

/** Proofs being solved, by request number, so that a `cancel` can abandon one. */
const solving = new Map<number, AbortController>();

/** Solves a proof again (after `pow_invalid`), telling the page how far it got (issue 7). */
async function prove(n: number, id: string, sealed: Uint8Array, bits: number): Promise<string> {
  const ac = new AbortController();
  solving.set(n, ac);
  try {
    return await solvePow(id, sealed, bits, ac.signal, (progress) => self.postMessage({ n, progress } satisfies CryptoProgress));
  } finally {
    solving.delete(n);
  }
}

self.onmessage = async (event: MessageEvent<CryptoRequest>) => {
  const request = event.data;
  if (request.op === 'cancel') return solving.get(request.target)?.abort();
  let reply: CryptoReply;
  try {
    switch (request.op) {
      case 'warm':
        await randomB64(1); // loads and initialises libsodium
        reply = { n: request.n, ok: true };
        break;
      case 'seal': {
        const sealed = await seal(request);
        // The sealed blobs (up to a few MB) move to the page instead of being copied.
        self.postMessage({ n: request.n, ok: true, sealed } satisfies CryptoReply, sealed.blobs.map((b) => b.bytes.buffer));
        return;
      }
      case 'prove-blob':
        reply = { n: request.n, ok: true, pow: await prove(request.n, request.id, request.blob, request.powBits) };
        break;
      case 'prove':
        reply = { n: request.n, ok: true, pow: await prove(request.n, request.id, fromB64(request.sealed), request.powBits) };
        break;
      case 'follow':
        reply = { n: request.n, ok: true, follow: await follow(request.code) };
        break;
      case 'open-messages':
        reply = { n: request.n, ok: true, opened: await openAll(request) };
        break;
      case 'seal-message':
        reply = { n: request.n, ok: true, message: await sealAnswer(request) };
        break;
      case 'verify-receipt':
        reply = { n: request.n, ok: true, proof: await checkProof(request) };
        break;
    }
  } catch (e) {
    reply = { n: request.n, ok: false, error: (e as Error).name, ...(e instanceof TooLargeError ? { bytes: e.bytes } : {}) };
  }
  self.postMessage(reply);
};
