/**
 * Receipt codes (PROTOCOL §4): 16 random bytes shown as 26 Crockford base32 digits in
 * groups of 4, from which the report id, the mailbox secret and the reporter's reply key
 * are derived, so the code alone restores a conversation on any device.
 * The labels below are part of the protocol: changing one orphans every existing code.
 */
import { b64, concat, H, utf8 } from './bytes.ts';
import { ReceiptCodeError } from './errors.ts';
import { sodium } from './sodium.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DIGITS = 26;

/** Writes a 16-byte receipt secret as `XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XX`. */
export function encodeReceiptCode(secret: Uint8Array): string {
  if (secret.length !== 16) throw new ReceiptCodeError('a receipt secret is 16 bytes');
  let n = 0n;
  for (const byte of secret) n = (n << 8n) | BigInt(byte);
  let digits = '';
  for (let i = 0; i < DIGITS; i++) {
    digits = ALPHABET[Number(n & 31n)]! + digits;
    n >>= 5n;
  }
  return digits.match(/.{1,4}/g)!.join('-');
}

/**
 * Reads a receipt code as a resident may type it: any case, spaces and dashes ignored,
 * O read as 0, I and L as 1. Throws {@link ReceiptCodeError} on any other mistake.
 */
export function parseReceiptCode(code: string): Uint8Array {
  const cleaned = code
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== DIGITS) throw new ReceiptCodeError('a receipt code has 26 characters');
  let n = 0n;
  for (const ch of cleaned) {
    const d = ALPHABET.indexOf(ch);
    if (d < 0) throw new ReceiptCodeError('a receipt code uses digits and letters other than I, L, O, U');
    n = (n << 5n) | BigInt(d);
  }
  if (ALPHABET.indexOf(cleaned[0]!) > 7) throw new ReceiptCodeError('a receipt code starts with 0 to 7');
  const out = new Uint8Array(16);
  for (let i = 15; i >= 0; i--) {
    out[i] = Number(n & 255n);
    n >>= 8n;
  }
  return out;
}

/** A fresh receipt secret `R` (16 random bytes). */
export async function newReceiptSecret(): Promise<Uint8Array> {
  const s = await sodium();
  return s.randombytes_buf(16);
}

export interface ReceiptKeys {
  /** The report id, `b64(H(16, "id", K))`. */
  id: string;
  /** `H(32, "mailbox", K)`: the reporter's mailbox credential (PROTOCOL §4). */
  mailboxSecret: Uint8Array;
  /** `b64(H(32, mailboxSecret))`: what the Worker stores and compares. */
  mailboxHash: string;
  /** X25519 key pair from `crypto_box_seed_keypair(H(32, "reply-key", K))`. */
  replyPublicKey: Uint8Array;
  replySecretKey: Uint8Array;
}

/** Everything a receipt secret stands for (PROTOCOL §4). */
export async function deriveFromReceipt(secret: Uint8Array): Promise<ReceiptKeys> {
  const s = await sodium();
  const K = H(s, 32, concat(utf8('stopdeal/receipt/v1'), secret));
  const mailboxSecret = H(s, 32, utf8('mailbox'), K);
  const kp = s.crypto_box_seed_keypair(H(s, 32, utf8('reply-key'), K));
  const keys = {
    id: b64(s, H(s, 16, utf8('id'), K)),
    mailboxSecret,
    mailboxHash: b64(s, H(s, 32, mailboxSecret)),
    replyPublicKey: kp.publicKey,
    replySecretKey: kp.privateKey,
  };
  s.memzero(K);
  return keys;
}
