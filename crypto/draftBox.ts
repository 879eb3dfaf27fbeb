/**
 * Drafts encrypted at rest (issue 2): a report being typed is kept in IndexedDB as
 * AES-256-GCM ciphertext under a WebCrypto key created non-extractable, so script can use
 * it but never read its bytes. This is WebCrypto, not libsodium: drafts must be saved from
 * the first keystroke, before libsodium has loaded.
 *
 * What it protects against: a copy of the browser's storage read outside the browser shows
 * no draft text, and deleting the key (app wipe) makes every leftover ciphertext unreadable,
 * even copies the storage engine has not yet compacted away. What it does not: anyone who
 * can open the app on the unlocked phone can open the draft, because the app can.
 */
import { IntegrityError } from './errors.ts';

/** A sealed draft as stored: a fresh 12-byte nonce and the AES-GCM ciphertext. */
export interface DraftBox {
  iv: Uint8Array<ArrayBuffer>;
  box: Uint8Array<ArrayBuffer>;
}

const LABEL = 'stopdeal/draft/v1\n';
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** A new AES-256-GCM key that cannot be exported (`extractable: false`). */
export function newDraftKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** Associated data binds a box to its row: a box copied to another draft id fails to open. */
const aad = (draftId: string) => encoder.encode(LABEL + draftId);

/**
 * Seals any JSON value as a draft.
 *
 * @example
 * const stored = await sealDraft(key, draftId, { answers })
 */
export async function sealDraft(key: CryptoKey, draftId: string, value: unknown): Promise<DraftBox> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = encoder.encode(JSON.stringify(value));
  const box = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(draftId) }, key, plain));
  plain.fill(0);
  return { iv, box };
}

/** Opens a draft; a wrong key, another row's box or altered bytes throw {@link IntegrityError}. */
export async function openDraft(key: CryptoKey, draftId: string, stored: DraftBox): Promise<unknown> {
  let plain: Uint8Array;
  try {
    plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: stored.iv, additionalData: aad(draftId) }, key, stored.box));
  } catch {
    throw new IntegrityError('draft does not open with this key');
  }
  try {
    return JSON.parse(decoder.decode(plain));
  } catch {
    throw new IntegrityError('draft is not valid JSON');
  } finally {
    plain.fill(0);
  }
}

const BYTES_LABEL = 'stopdeal/draft-bytes/v1\n';
/** A bytes box has its own label: it never opens as a JSON draft, nor a draft as bytes. */
const bytesAad = (boxId: string) => encoder.encode(BYTES_LABEL + boxId);

/**
 * Seals raw bytes (a draft's photo, issue R) under the device key, bound to `boxId`.
 * Same AES-256-GCM box as {@link sealDraft}, without a JSON round trip for large bytes.
 */
export async function sealDraftBytes(key: CryptoKey, boxId: string, bytes: Uint8Array): Promise<DraftBox> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const box = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: bytesAad(boxId) }, key, bytes as Uint8Array<ArrayBuffer>));
  return { iv, box };
}

/** Opens a bytes box; a wrong key, another row's box or altered bytes throw {@link IntegrityError}. */
export async function openDraftBytes(key: CryptoKey, boxId: string, stored: DraftBox): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: stored.iv, additionalData: bytesAad(boxId) }, key, stored.box));
  } catch {
    throw new IntegrityError('draft bytes do not open with this key');
  }
}
