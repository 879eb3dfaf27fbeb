/**
 * Messages between the page and the crypto worker (workers/crypto.ts). Each request
 * carries a number its reply repeats, so several can be in flight.
 */
import type { Kid, PolicePublicKey } from '../../../schemas/keys.ts';
import type { ReportPlaintextInput } from '../../../schemas/report.ts';

/** A report plaintext before its receipt-derived fields (`id`, `replyTo`) are known. */
export type UnsealedReport = Omit<ReportPlaintextInput, 'id' | 'replyTo'>;

/** A police public key as pinned in the deployment (PROTOCOL §1); structured clone keeps the strings. */
export interface PoliceKeyRef {
  kid: Kid;
  publicKey: PolicePublicKey;
}

/** A sealed message to open (PROTOCOL §4), named by a key the page chooses (a seq, a row id). */
export interface SealedItem {
  key: string;
  kid: string;
  sealed: string;
}

/** An opened message: its body, or `ok: false` when it does not open (shown as unreadable). */
export type OpenedItem = { key: string; ok: true; body: string; at: string } | { key: string; ok: false };

export type CryptoRequest =
  | { n: number; op: 'warm' }
  /** `photos`: re-encoded JPEGs, each sealed as a blob and listed in `attachments` (§6). */
  | { n: number; op: 'seal'; report: UnsealedReport; police: PoliceKeyRef; powBits: number; photos?: Uint8Array<ArrayBuffer>[] }
  /** A proof of work again after `pow_invalid`; progress messages precede the reply. */
  | { n: number; op: 'prove'; id: string; sealed: string; powBits: number }
  /** A blob's proof of work again (`X-Pow`, §6), after `pow_invalid`. */
  | { n: number; op: 'prove-blob'; id: string; blob: Uint8Array<ArrayBuffer>; powBits: number }
  /** Abandons request `target` (a proof being solved): it replies `AbortError`. */
  | { n: number; op: 'cancel'; target: number }
  /** Reads a receipt code as typed and derives the report id and mailbox secret (§4). */
  | { n: number; op: 'follow'; code: string }
  /** Opens messages of the conversation the code stands for, both directions (§4). */
  | { n: number; op: 'open-messages'; code: string; messages: SealedItem[]; police: PoliceKeyRef[] }
  /** Seals a reporter → police message with the reply secret key the code stands for. */
  | { n: number; op: 'seal-message'; code: string; body: string; at: string; police: PoliceKeyRef }
  /** Checks a proof of submission against the pinned receipt key (docs/follow-up.md §5). */
  | { n: number; op: 'verify-receipt'; id: string; receivedAt: string; signature: string; sealed: string; publicKey: string | null };

/** A photo sealed as a blob (§6): ciphertext only, its id and its upload's proof of work. */
export interface SealedBlobForOutbox {
  id: string;
  pow: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** What "seal" gives back: the exact POST body fields (PROTOCOL §3) and the receipt code (§4). */
export interface SealedForOutbox {
  id: string;
  kid: string;
  sealed: string;
  mailbox: string;
  pow: string;
  receiptCode: string;
  /** The report's photos as sealed blobs, in its `attachments` order (none: empty). */
  blobs: SealedBlobForOutbox[];
}

/** What a receipt code stands for, as far as the page needs it: the id and the mailbox secret. */
export interface FollowKeys {
  /** The code in its canonical form (`XXXX-…-XX`), however it was typed. */
  code: string;
  id: string;
  /** b64 of the mailbox secret, for `Authorization: Mailbox …`; the reply key stays in the worker. */
  mailboxSecret: string;
}

/** A checked proof of submission: whether the signature holds, and `b64(H(32, sealed))`. */
export interface CheckedProof {
  valid: boolean;
  digest: string;
}

/** How far a proof of work has got (crypto/pow.ts), sent a few times a second before its reply. */
export interface CryptoProgress {
  n: number;
  progress: { attempts: number; hashesPerSecond: number };
}

export type CryptoReply =
  | {
      n: number;
      ok: true;
      sealed?: SealedForOutbox;
      pow?: string;
      follow?: FollowKeys;
      opened?: OpenedItem[];
      message?: { kid: string; sealed: string };
      proof?: CheckedProof;
    }
  | { n: number; ok: false; error: string; bytes?: number };
