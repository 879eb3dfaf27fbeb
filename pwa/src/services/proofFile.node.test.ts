/**
 * The exported proof of submission (issue 3) verifies exactly as docs/follow-up.md §5 says,
 * with libsodium alone, from the file's fields: the digest stands in for the sealed bytes.
 */
import { sodium as loadSodium } from '../../../crypto/sodium.ts';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { generateReceiptKey, sealedDigest, signSubmissionReceipt, verifySubmissionReceipt } from '../../../crypto/index.ts';
import { toB64 } from '../../../schemas/encoding.ts';
import { SubmissionProofFile, submissionProofFile } from '../../../schemas/submissionProof.ts';

async function verifyFile(file: SubmissionProofFile): Promise<boolean> {
  const sodium = await loadSodium();
  const V = sodium.base64_variants.URLSAFE_NO_PADDING;
  const message = sodium.from_string(`stopdeal-receipt-v1\n${file.id}\n${file.receivedAt}\n${file.sealedDigest}`);
  return sodium.crypto_sign_verify_detached(sodium.from_base64(file.receipt, V), message, sodium.from_base64(file.receiptPublicKey, V));
}

describe('proof of submission file', () => {
  it('is checked by anyone with libsodium from its fields alone, and fails when any field changes', async () => {
    const key = await generateReceiptKey();
    const sealed = new Uint8Array(1072).map((_, i) => i * 7);
    const id = 'TtlGuf5DHtdzvNZvvDbmyg';
    const receivedAt = '2026-11-23T21:00:00Z';
    const receipt = await signSubmissionReceipt(id, receivedAt, sealed, key.secretKey);
    expect(await verifySubmissionReceipt({ id, receivedAt, signature: receipt }, sealed, key.publicKey)).toBe(true);

    const file = submissionProofFile({ id, receivedAt, sealedDigest: toB64(await sealedDigest(sealed)), receipt, receiptPublicKey: key.publicKey });
    expect(v.parse(SubmissionProofFile, JSON.parse(JSON.stringify(file)))).toEqual(file);
    expect(Object.keys(file)).toEqual(['format', 'id', 'receivedAt', 'sealedDigest', 'receipt', 'receiptPublicKey', 'signedText']);
    expect(file.signedText).toBe(`stopdeal-receipt-v1\n${id}\n${receivedAt}\n${file.sealedDigest}`);
    expect(await verifyFile(file)).toBe(true);
    expect(await verifyFile({ ...file, receivedAt: '2026-11-23T22:00:00Z' })).toBe(false);
    expect(await verifyFile({ ...file, id: 'AAAAAAAAAAAAAAAAAAAAAA' })).toBe(false);
    const other = await generateReceiptKey();
    expect(await verifyFile({ ...file, receiptPublicKey: other.publicKey })).toBe(false);
    expect(v.safeParse(SubmissionProofFile, { ...file, signedText: 'something else' }).success).toBe(false);
  });
});
