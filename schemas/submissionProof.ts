/**
 * A proof of submission as the reporter app exports it (issue 3, docs/follow-up.md §5): a
 * small JSON file with everything a verifier needs but the public key they should take
 * from the town's published deployment file (the file names the key it was checked with,
 * to compare). `sealedDigest` is `b64(H(32, sealed))`, which reveals nothing of the report.
 * The format name is part of the format: a new layout gets a new name.
 */
import * as v from 'valibot';
import { b64Bytes } from './encoding.ts';
import { submissionReceiptText } from './receipt-api.ts';
import { IsoTime } from './time.ts';

export const SUBMISSION_PROOF_FORMAT = 'stopdeal-submission-proof-v1';

export const SubmissionProofFile = v.pipe(
  v.object({
    format: v.literal(SUBMISSION_PROOF_FORMAT),
    id: b64Bytes(16),
    receivedAt: IsoTime,
    sealedDigest: b64Bytes(32),
    /** The Worker's Ed25519 signature (b64) over {@link SubmissionProofFile.signedText}. */
    receipt: b64Bytes(64),
    /** The key the app checked it with: the one pinned in its build. */
    receiptPublicKey: b64Bytes(32),
    /** The exact signed text, for tools that verify raw messages. */
    signedText: v.string(),
  }),
  v.check((p) => p.signedText === submissionReceiptText(p.id, p.receivedAt, p.sealedDigest), 'signedText must be the signed text of id, receivedAt and sealedDigest'),
);
export type SubmissionProofFile = v.InferOutput<typeof SubmissionProofFile>;

/** Builds the file's content from a checked receipt. */
export function submissionProofFile(p: { id: string; receivedAt: string; sealedDigest: string; receipt: string; receiptPublicKey: string }): SubmissionProofFile {
  return { format: SUBMISSION_PROOF_FORMAT, ...p, signedText: submissionReceiptText(p.id, p.receivedAt, p.sealedDigest) };
}
