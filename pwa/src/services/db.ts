/**
 * The app's IndexedDB (Dexie), shared by the page and the service worker.
 * Nothing sensitive is indexed, nor stored in clear: drafts are AES-GCM boxes
 * (crypto/draftBox.ts), outbox bodies are already sealed (PROTOCOL §2–3), and the lists
 * keep only random ids, a day and a status.
 * Versions are append-only: never edit a published `version(n)`, add `version(n + 1)`
 * with its upgrade, dated.
 */
import type { Dexie, EntityTable } from 'dexie';
import type { DraftBox } from '../../../crypto/draftBox.ts';

export const DB_NAME = 'stopdeal';

/** The draft key: a non-extractable WebCrypto key (structured-cloned by IndexedDB). */
export interface KeyRow {
  name: 'draft';
  key: CryptoKey;
}

/** A draft: a random id and its box; the form, step and text are inside the box. */
export interface DraftRow extends DraftBox {
  id: string;
}

/**
 * A sealed report waiting to be delivered, or refused by the server.
 * `body` is the exact POST body (PROTOCOL §3), sent byte-identical on each retry.
 */
export interface OutboxRow {
  id: string;
  body: string;
  state: 'waiting' | 'rejected';
  /** Day the report was sealed, `YYYY-MM-DD` (local): the list shows no more. */
  day: string;
  attempts: number;
  /** Earliest next try after a failure (backoff); an app start or `online` may try sooner. */
  nextAttemptAt: number;
  /** Earliest next try the server asked for (429 Retry-After); never tried sooner. */
  holdUntil?: number;
  /** The server said `pow_invalid` and the service worker could not solve it again. */
  needsPow?: boolean;
  /** Error code of a refusal (PROTOCOL §3), shown as "non accepté". */
  errorCode?: string;
}

/** A delivered report: content-free. */
export interface SentRow {
  id: string;
  day: string;
  /** As answered by the Worker (truncated to the hour, PROTOCOL §3). */
  receivedAt: string | null;
}

export interface SettingRow {
  name: string;
  value: unknown;
}

export type StopDealDb = Dexie & {
  keys: EntityTable<KeyRow, 'name'>;
  drafts: EntityTable<DraftRow, 'id'>;
  outbox: EntityTable<OutboxRow, 'id'>;
  sent: EntityTable<SentRow, 'id'>;
  settings: EntityTable<SettingRow, 'name'>;
};

/**
 * Dexie is imported lazily: it is half of the app's code, and the first screen renders
 * without it (the lists fill in a moment later, from the precache when offline).
 */
const loadDexie = async () => (await import('dexie')).Dexie;

export async function openDb(name = DB_NAME): Promise<StopDealDb> {
  const DexieClass = await loadDexie();
  const db = new DexieClass(name) as StopDealDb;
  // 2026-11-23: first schema (issue 2). Primary keys only: no secondary index at all.
  db.version(1).stores({
    keys: 'name',
    drafts: 'id',
    outbox: 'id',
    sent: 'id',
    settings: 'name',
  });
  return db;
}

let shared: Promise<StopDealDb> | undefined;

/** The database of this context (page or service worker), opened on first use. */
export function db(): Promise<StopDealDb> {
  shared ??= openDb();
  return shared;
}

/** Closes and deletes the whole database (app wipe); the next {@link db} starts empty. */
export async function deleteDb(): Promise<void> {
  const current = shared;
  shared = undefined;
  (await current?.catch(() => undefined))?.close();
  await (await loadDexie()).delete(DB_NAME);
}

/** Today as `YYYY-MM-DD` in local time: the only date the lists keep. */
export function localDay(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
