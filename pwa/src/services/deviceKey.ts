/**
 * The device key: one non-extractable AES-256-GCM WebCrypto key kept in IndexedDB, that
 * boxes everything sensitive the app keeps at rest (crypto/draftBox.ts): drafts (issue 2),
 * receipt codes the resident chose to keep, and the mailbox authorisation of answers
 * waiting in the outbox (issue 3). Each box is bound to its purpose and row by its
 * associated data (`draftBoxId`), so a box cannot be moved to another row or role.
 *
 * Its row is still named `draft` (Dexie version 1 stored it so). The service worker reads it
 * (to send waiting answers) but never creates it: only the page does.
 * Works in the page and the service worker: no `window`, no `document`.
 */
import { newDraftKey } from '../../../crypto/draftBox.ts';
import { db } from './db.ts';

const KEY_ROW = 'draft';
let keyPromise: Promise<CryptoKey> | undefined;

/** The device key, created on first use. */
export function deviceKey(): Promise<CryptoKey> {
  keyPromise ??= (async () => {
    const existing = await existingDeviceKey();
    if (existing) return existing;
    const fresh = await newDraftKey();
    const database = await db();
    // Another tab may have stored one meanwhile: keep whichever is stored first.
    return database.transaction('rw', database.keys, async () => {
      const stored = await database.keys.get(KEY_ROW);
      if (stored) return stored.key;
      await database.keys.put({ name: KEY_ROW, key: fresh });
      return fresh;
    });
  })();
  keyPromise.catch(() => (keyPromise = undefined));
  return keyPromise;
}

/** The device key if this device has one (the service worker never creates it). */
export async function existingDeviceKey(): Promise<CryptoKey | undefined> {
  return (await (await db()).keys.get(KEY_ROW))?.key;
}

/** Forgets the cached key (after a wipe). */
export function forgetDeviceKey(): void {
  keyPromise = undefined;
}

/** The associated-data id of a box: its purpose and row (a draft's id is a bare UUID). */
export const boxId = {
  keptCode: (reportId: string) => `kept-code:${reportId}`,
  outboxAuth: (rowId: string) => `outbox-auth:${rowId}`,
};
