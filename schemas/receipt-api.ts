/**
 * Proof of submission on the wire (issue 3, docs/follow-up.md): the Worker signs, with its
 * own Ed25519 key, {@link submissionReceiptText} and adds the b64 signature as `receipt` to
 * the `201`/`200` answers of `POST /api/v1/reports`. Additive to `api.ts`: the existing
 * answers keep their fields; `receipt` and `receiptPublicKey` are absent when the Worker
 * has no (valid) signing key. The label is part of the format: never change it.
 */
import * as v from 'valibot';
import { b64Bytes } from './encoding.ts';
import { IsoTime } from './time.ts';

/** The signed text: `"stopdeal-receipt-v1\n" + id + "\n" + receivedAt + "\n" + b64(H(32, sealed))`. */
export function submissionReceiptText(id: string, receivedAt: string, sealedHashB64: string): string {
  return `stopdeal-receipt-v1\n${id}\n${receivedAt}\n${sealedHashB64}`;
}

/** b64 of a 64-byte Ed25519 signature. */
export const SubmissionReceipt = b64Bytes(64);

/** `201` / `200` answer to a submission, with the receipt when the Worker signs. */
export const SubmitReportReceiptAnswer = v.object({
  id: b64Bytes(16),
  receivedAt: IsoTime,
  receipt: v.optional(SubmissionReceipt),
});
export type SubmitReportReceiptAnswer = v.InferOutput<typeof SubmitReportReceiptAnswer>;

/** `GET /api/v1/receipt-key`: the Worker's receipt-signing public key. */
export const ReceiptKeyAnswer = v.object({ publicKey: b64Bytes(32) });
export type ReceiptKeyAnswer = v.InferOutput<typeof ReceiptKeyAnswer>;

/** The field `GET /api/v1/meta` adds when the Worker signs receipts. */
export const MetaReceiptFields = v.object({ receiptPublicKey: v.optional(b64Bytes(32)) });
export type MetaReceiptFields = v.InferOutput<typeof MetaReceiptFields>;
