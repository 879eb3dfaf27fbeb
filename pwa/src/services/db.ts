/**
 * The app's IndexedDB (Dexie), shared by the page and the service worker.
 * Nothing sensitive is indexed, nor stored in clear: drafts, kept receipt codes and the
 * outbox's mailbox authorisations are AES-GCM boxes under the device key
 * (crypto/draftBox.ts, services/deviceKey.ts), outbox bodies are already sealed
 * (PROTOCOL §2–4), and the lists keep only random ids, a day, a status and a proof.
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

/** What an outbox entry delivers: a report (PROTOCOL §3) or an answer to the police (§4). */
export type OutboxKind = 'report' | 'message';

/**
 * A sealed report or answer waiting to be delivered, or refused by the server.
 * `body` is the exact POST body (PROTOCOL §3, §4), sent byte-identical on each retry.
 */
export interface OutboxRow {
  /** A report's id; for an answer, a random id of the entry. */
  id: string;
  /** Since version 2; version-1 rows are reports (see {@link upgradeOutboxRowV2}). */
  kind: OutboxKind;
  /** The path the body is POSTed to: `/api/v1/reports` or `/api/v1/mailbox/{id}`. */
  target: string;
  body: string;
  state: 'waiting' | 'rejected';
  /** Day the report was sealed, `YYYY-MM-DD` (local): the list shows no more. */
  day: string;
  attempts: number;
  /** Earliest next try after a failure (backoff); an app start or `online` may try sooner. */
  nextAttemptAt: number;
  /** Earliest next try the server asked for (429 Retry-After); never tried sooner. */
  holdUntil?: number;
  /** The server said `pow_invalid` and the proof is still to solve again at {@link powBits}. */
  needsPow?: boolean;
  /**
   * The effort (bits) of the body's proof, or, with {@link needsPow}, the effort the Worker
   * asked for (issue 7, PROTOCOL §3); absent on rows sealed before issue 7.
   */
  powBits?: number;
  /** Error code of a refusal (PROTOCOL §3), shown as "non accepté". */
  errorCode?: string;
  /** Delivery order among entries (sealing time, ms); answers reach a mailbox in the order written. */
  order?: number;
  /** Answers: the report whose conversation this is. */
  mailboxId?: string;
  /** Answers: the `Authorization: Mailbox …` value, boxed under the device key (services/outboxAuth.ts). */
  auth?: DraftBox;
  /** Answers: a POST whose answer never came may have been stored; look before posting again. */
  unsure?: boolean;
  /** Answers: the conversation's last `seq` known when sealed; that lookup starts after it. */
  sinceSeq?: number;
  /**
   * Reports with photos (since version 3): their sealed blobs, in the report's `blobs` order,
   * each uploaded before the report is posted (PROTOCOL §6). The bytes are in `outboxBlobs`.
   */
  blobs?: OutboxBlobRef[];
}

/** One sealed blob of an outbox entry: its id, its proof of work (`X-Pow`), whether the Worker holds it. */
export interface OutboxBlobRef {
  id: string;
  pow: string;
  uploaded?: boolean;
  /** As an entry's {@link OutboxRow.needsPow} and {@link OutboxRow.powBits}, for this blob's `X-Pow`. */
  needsPow?: boolean;
  powBits?: number;
}

/** A sealed blob's bytes (ciphertext only, PROTOCOL §6), keyed `{entryId}:{blobId}`. */
export interface OutboxBlobRow {
  id: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * A photo of a draft (issue R), re-encoded on the phone and boxed under the device key
 * (crypto/draftBox.ts `sealDraftBytes`), keyed `{draftId}:{photoId}` so a draft's photos are
 * a primary-key range (no secondary index). The draft lists its photo ids, in order.
 */
export interface DraftPhotoRow extends DraftBox {
  id: string;
}

/** Whether the Worker's receipt (docs/follow-up.md §5) verified with the pinned key. */
export type ProofState = 'verified' | 'invalid';

/** A delivered report: content-free. */
export interface SentRow {
  id: string;
  day: string;
  /** As answered by the Worker (truncated to the hour, PROTOCOL §3). */
  receivedAt: string | null;
  /** The Worker's signature over the submission (b64), when it gives receipts. */
  receipt?: string;
  /** Set once checked on the page's crypto worker. */
  proof?: ProofState;
  /** `b64(H(32, sealed))`, all a later check of the proof needs. */
  digest?: string;
  /**
   * The sealed report (b64 ciphertext) until its proof is checked: the service worker, which
   * may deliver, cannot hash it (no libsodium there); the page replaces it by {@link digest}.
   */
  pendingSealed?: string;
}

/**
 * A receipt code the resident chose to keep on this phone (issue 3). `id` is the report id
 * (random-looking, reveals nothing); the code and the last police message seen are inside
 * the box (services/keptCodes.ts), bound to this row.
 */
export interface MailboxRow extends DraftBox {
  id: string;
  /** Day it was kept, `YYYY-MM-DD` (local): the list shows no more. */
  day: string;
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
  mailboxes: EntityTable<MailboxRow, 'id'>;
  draftPhotos: EntityTable<DraftPhotoRow, 'id'>;
  outboxBlobs: EntityTable<OutboxBlobRow, 'id'>;
};

/**
 * Version 2 (issue 3): the outbox also carries answers, so each entry says what it is and
 * where it goes. A version-1 row is a report posted to `/api/v1/reports`; the literal is
 * written here, not imported, because an upgrade must keep doing what it did when written.
 */
export function upgradeOutboxRowV2(row: Partial<OutboxRow>): Pick<OutboxRow, 'kind' | 'target' | 'order'> {
  return { kind: row.kind ?? 'report', target: row.target ?? '/api/v1/reports', order: row.order ?? 0 };
}

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
  // 2026-11-23: issue 3. Kept receipt codes (primary key only), and every outbox row says
  // its kind and target. Version-1 rows keep their bytes; only the new fields are added.
  db.version(2)
    .stores({ mailboxes: 'id' })
    .upgrade((tx) =>
      tx
        .table('outbox')
        .toCollection()
        .modify((row: OutboxRow) => {
          Object.assign(row, upgradeOutboxRowV2(row));
        }),
    );
  // 2026-11-23: issue R (photos). Two new stores, primary keys only: the boxed photos of
  // drafts and the sealed blobs of waiting reports. Nothing existing changes: an entry
  // without `blobs` is delivered exactly as before, so the upgrade has no rows to rewrite.
  db.version(3)
    .stores({ draftPhotos: 'id', outboxBlobs: 'id' })
    .upgrade(() => undefined);
  return db;
}

let shared: Promise<StopDealDb> | undefined;
/** The same database once opened, for {@link closeDbNow}, which cannot wait. */
let opened: StopDealDb | undefined;

/** The database of this context (page or service worker), opened on first use. */
export function db(): Promise<StopDealDb> {
  if (!shared) {
    const opening = openDb();
    shared = opening;
    void opening.then(
      (d) => {
        if (shared === opening) opened = d;
      },
      () => undefined,
    );
  }
  return shared;
}

/**
 * Closes this context's connection synchronously (quick exit that erases, issue Q): the
 * page is replaced in the same tap, and an open connection would hold up the deletion.
 */
export function closeDbNow(): void {
  opened?.close();
  opened = undefined;
  shared = undefined;
}

/** Closes and deletes the whole database (app wipe); the next {@link db} starts empty. */
export async function deleteDb(): Promise<void> {
  const current = shared;
  shared = undefined;
  opened = undefined;
  (await current?.catch(() => undefined))?.close();
  await (await loadDexie()).delete(DB_NAME);
}

/** The `{owner}:` primary-key range of the rows of a draft or an outbox entry. */
export function rowsOf(ownerId: string): [string, string] {
  return [`${ownerId}:`, `${ownerId}:\uffff`];
}

/** Today as `YYYY-MM-DD` in local time: the only date the lists keep. */
export function localDay(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
