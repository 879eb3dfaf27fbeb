/**
 * Messages between the page and the crypto worker (workers/crypto.ts). Each request
 * carries a number its reply repeats, so several can be in flight.
 */
import type { ReportPlaintextInput } from '../../../schemas/report.ts';

/** A report plaintext before its receipt-derived fields (`id`, `replyTo`) are known. */
export type UnsealedReport = Omit<ReportPlaintextInput, 'id' | 'replyTo'>;

export type CryptoRequest =
  | { n: number; op: 'warm' }
  | { n: number; op: 'seal'; report: UnsealedReport; police: { kid: string; publicKey: string }; powBits: number }
  | { n: number; op: 'prove'; id: string; sealed: string; powBits: number };

/** What "seal" gives back: the exact POST body fields (PROTOCOL §3) and the receipt code (§4). */
export interface SealedForOutbox {
  id: string;
  kid: string;
  sealed: string;
  mailbox: string;
  pow: string;
  receiptCode: string;
}

export type CryptoReply =
  | { n: number; ok: true; sealed?: SealedForOutbox; pow?: string }
  | { n: number; ok: false; error: string; bytes?: number };
