/**
 * The keyring kept on this workstation (issue 2: "or the one already stored in the
 * viewer"). Only the passphrase-wrapped FILE is stored, in IndexedDB: it is useless
 * without the passphrase (PROTOCOL §7). Nothing decrypted is ever written here.
 */
import * as v from 'valibot';
import { KeyringFile } from '../../../schemas/keyring.ts';
import { IsoTime, isoSeconds } from '../../../schemas/time.ts';

const DB_NAME = 'stopdeal-viewer';
const STORE = 'keyring';
const KEY = 'current';

const StoredKeyring = v.object({ file: KeyringFile, name: v.pipe(v.string(), v.maxLength(255)), savedAt: IsoTime });
export type StoredKeyring = v.InferOutput<typeof StoredKeyring>;

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('indexedDB open failed'));
    req.onblocked = () => reject(new Error('indexedDB blocked'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = run(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('indexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('indexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

/** The stored keyring, or null when there is none (or it is no longer valid). */
export async function loadStoredKeyring(): Promise<StoredKeyring | null> {
  try {
    const value = await withStore('readonly', (s) => s.get(KEY));
    const r = v.safeParse(StoredKeyring, value);
    return r.success ? r.output : null;
  } catch {
    // Private windows or a disabled IndexedDB: the officer can still load the file.
    return null;
  }
}

/** Keeps the (still wrapped) keyring file on this workstation. */
export async function saveKeyring(file: KeyringFile, name: string): Promise<StoredKeyring> {
  const entry: StoredKeyring = { file, name: name.slice(0, 255), savedAt: isoSeconds(new Date()) };
  await withStore('readwrite', (s) => s.put(entry, KEY));
  return entry;
}

/** Forgets the stored keyring. */
export async function forgetKeyring(): Promise<void> {
  await withStore('readwrite', (s) => s.delete(KEY));
}
