/**
 * Proof of submission (issue 3, docs/follow-up.md §5): when the Worker stores a report it
 * signs `id`, `receivedAt` and `H(32, sealed)`. The outbox keeps that receipt with the
 * report's entry in the sent list; here the page checks it, in the crypto worker, against
 * the receipt key pinned in the app's build (never one fetched at run time), keeps only the
 * digest of the sealed bytes, and lets the resident export it as a small JSON file.
 */
import deployment from 'virtual:deployment';
import { submissionProofFile } from '../../../schemas/submissionProof.ts';
import { announceChange } from './changes.ts';
import { verifyProofInWorker } from './cryptoWorker.ts';
import { db, type SentRow } from './db.ts';
import { saveFile } from '../../../client/saveFile.ts';

let running: Promise<number> | undefined;

const pending = (r: SentRow) => !!r.receipt && !!r.pendingSealed && !!r.receivedAt && !r.proof;

/** Checks every receipt not checked yet; resolves to how many were. One run at a time. */
export function verifyPendingProofs(): Promise<number> {
  running ??= (async () => {
    try {
      const database = await db();
      const rows = (await database.sent.toArray()).filter(pending);
      for (const row of rows) {
        const checked = await verifyProofInWorker({
          id: row.id,
          receivedAt: row.receivedAt!,
          signature: row.receipt!,
          sealed: row.pendingSealed!,
          publicKey: deployment.receiptPublicKey ?? null,
        });
        // From now on the phone keeps 32 bytes of digest, not the ciphertext.
        await database.sent.update(row.id, { proof: checked.valid ? 'verified' : 'invalid', digest: checked.digest, pendingSealed: undefined });
      }
      if (rows.length) announceChange();
      return rows.length;
    } finally {
      running = undefined;
    }
  })();
  return running;
}

/** Whether any sent row still waits for its check (cheap: no crypto). */
export function hasPendingProofs(rows: SentRow[]): boolean {
  return rows.some(pending);
}

/** The proof file of a verified report, or null. */
export async function proofOf(id: string) {
  const row = await (await db()).sent.get(id);
  if (!row || row.proof !== 'verified' || !row.receipt || !row.digest || !row.receivedAt || !deployment.receiptPublicKey) return null;
  return submissionProofFile({ id: row.id, receivedAt: row.receivedAt, sealedDigest: row.digest, receipt: row.receipt, receiptPublicKey: deployment.receiptPublicKey });
}

/** "Enregistrer la preuve d'envoi": downloads the proof file; false if there is none. */
export async function exportProof(id: string): Promise<boolean> {
  const proof = await proofOf(id);
  if (!proof) return false;
  saveFile(`stop-deal-preuve-${proof.receivedAt.slice(0, 10)}.json`, new Blob([JSON.stringify(proof, null, 2) + '\n'], { type: 'application/json' }));
  return true;
}
