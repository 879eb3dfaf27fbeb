/**
 * Proof of submission (issue 3, docs/follow-up.md): on acceptance the Worker signs, with its
 * own Ed25519 key, `utf8("stopdeal-receipt-v1\n" + id + "\n" + receivedAt + "\n" + b64(H(32, sealed)))`.
 * Anyone holding the Worker's published receipt public key can check that this exact
 * ciphertext was accepted under this id at this hour. The label is part of the format.
 */
import { b64, H, unb64, utf8 } from './bytes.ts';
import { sodium } from './sodium.ts';

/** The exact bytes the Worker signs for a submission. */
export async function submissionReceiptInput(id: string, receivedAt: string, sealed: Uint8Array): Promise<Uint8Array> {
  const s = await sodium();
  return utf8(`stopdeal-receipt-v1\n${id}\n${receivedAt}\n${b64(s, H(s, 32, sealed))}`);
}

/**
 * Checks a submission receipt (b64 signature) against the pinned receipt public key.
 * Returns false for any mismatch or malformed input: a receipt is either proven or not.
 */
export async function verifySubmissionReceipt(receipt: { id: string; receivedAt: string; signature: string }, sealed: Uint8Array, receiptPublicKey: string): Promise<boolean> {
  const s = await sodium();
  try {
    const sig = unb64(s, receipt.signature);
    const pk = unb64(s, receiptPublicKey);
    if (sig.length !== 64 || pk.length !== 32) return false;
    return s.crypto_sign_verify_detached(sig, await submissionReceiptInput(receipt.id, receipt.receivedAt, sealed), pk);
  } catch {
    return false;
  }
}

/** A new receipt-signing key pair (the secret half becomes the Worker secret RECEIPT_SIGNING_KEY). */
export async function generateReceiptKey(): Promise<{ publicKey: string; secretKey: string }> {
  const s = await sodium();
  const kp = s.crypto_sign_keypair();
  const out = { publicKey: b64(s, kp.publicKey), secretKey: b64(s, kp.privateKey) };
  s.memzero(kp.privateKey);
  return out;
}

/** Signs a receipt as the Worker does; for the CLI, tests and known-answer vectors. */
export async function signSubmissionReceipt(id: string, receivedAt: string, sealed: Uint8Array, secretKey: string): Promise<string> {
  const s = await sodium();
  const sk = unb64(s, secretKey);
  const sig = s.crypto_sign_detached(await submissionReceiptInput(id, receivedAt, sealed), sk);
  s.memzero(sk);
  return b64(s, sig);
}
