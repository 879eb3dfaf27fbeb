/**
 * Proof of submission (issue 3, docs/follow-up.md): the Worker's own Ed25519 key signs
 * `utf8("stopdeal-receipt-v1\n" + id + "\n" + receivedAt + "\n" + b64(H(32, sealed)))`.
 * The key is the secret `RECEIPT_SIGNING_KEY`: b64 of libsodium's 64-byte secret key
 * (32-byte seed ‖ public key); the seed is imported into WebCrypto as PKCS#8.
 *
 * The Worker signs only with a key it can vouch for: a secret that is absent, malformed,
 * whose public half is not the seed's, or that differs from `deployment.receiptPublicKey`
 * (when the deployment pins one) means no signer, so no receipt and no published key.
 * Submissions keep working either way.
 */
import type { Deployment } from '../../../schemas/deployment.ts';
import { fromB64, toB64 } from '../../../schemas/encoding.ts';
import { submissionReceiptText } from '../../../schemas/receipt-api.ts';
import { H } from '../verify/hash.ts';

export interface ReceiptSigner {
  /** b64 Ed25519 public key, published at `GET /api/v1/receipt-key` and in `/meta`. */
  publicKey: string;
  /** b64 signature of a submission's receipt text. */
  sign(id: string, receivedAt: string, sealed: Uint8Array): Promise<string>;
}

/** PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410). */
const PKCS8_ED25519_PREFIX = new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);

async function importSigner(secret: string, pinned: string | undefined): Promise<ReceiptSigner | undefined> {
  let sk: Uint8Array;
  try {
    sk = fromB64(secret.trim());
  } catch {
    return undefined;
  }
  if (sk.length !== 64) return undefined;
  const pkcs8 = new Uint8Array(PKCS8_ED25519_PREFIX.length + 32);
  pkcs8.set(PKCS8_ED25519_PREFIX);
  pkcs8.set(sk.subarray(0, 32), PKCS8_ED25519_PREFIX.length);
  try {
    const key = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, true, ['sign']);
    // The public key WebCrypto derives from the seed must be the one the secret carries.
    const jwk = (await crypto.subtle.exportKey('jwk', key)) as JsonWebKey;
    const publicKey = toB64(sk.subarray(32));
    if (jwk.x !== publicKey) return undefined;
    if (pinned !== undefined && pinned !== publicKey) return undefined;
    const signing = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
    return {
      publicKey,
      async sign(id, receivedAt, sealed) {
        const text = new TextEncoder().encode(submissionReceiptText(id, receivedAt, toB64(H(32, sealed))));
        return toB64(new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, signing, text)));
      },
    };
  } catch {
    return undefined;
  } finally {
    pkcs8.fill(0);
    sk.fill(0);
  }
}

let cached: { secret: string; pinned: string | undefined; signer: Promise<ReceiptSigner | undefined> } | undefined;

/**
 * The Worker's receipt signer, imported once per isolate (again only if the settings change).
 * Takes the one secret it needs rather than the Worker's `Env`, so Node tests can run it too.
 */
export function receiptSignerOf(env: { RECEIPT_SIGNING_KEY?: string | undefined }, d: Pick<Deployment, 'receiptPublicKey'>): Promise<ReceiptSigner | undefined> {
  const secret = env.RECEIPT_SIGNING_KEY;
  if (secret === undefined || secret === '') return Promise.resolve(undefined);
  if (!cached || cached.secret !== secret || cached.pinned !== d.receiptPublicKey) {
    cached = { secret, pinned: d.receiptPublicKey, signer: importSigner(secret, d.receiptPublicKey) };
  }
  return cached.signer;
}
