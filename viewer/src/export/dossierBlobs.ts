/**
 * Which attachments ride in a forwarded dossier file (schemas/dossier.ts `blobs`,
 * docs/attachments.md "Forwarding"): every blob named by the forwarded reports, fetched as the
 * Worker stores it (ciphertext: its key is inside the sealed body), checked against its id,
 * up to {@link DOSSIER_BLOBS_MAX_BYTES} in all. A blob that cannot be had does not stop the
 * forward: it is left out and the reason recorded for the unit. Pure apart from the two
 * functions it is given, so it is tested in Node.
 */
import type { BlobLeftOut, BlobLeftOutReason } from '../../../schemas/dossier.ts';
import type { AttachmentRef } from '../../../schemas/report.ts';

/** Most attachment bytes one dossier file carries (about 85 MiB once in base64). */
export const DOSSIER_BLOBS_MAX_BYTES = 64 * 1024 * 1024;

/** A blob could not be fetched: why, in the dossier's words. */
export class BlobFetchError extends Error {
  override name = 'BlobFetchError';
  constructor(readonly reason: Exclude<BlobLeftOutReason, 'too-large' | 'altered'>) {
    super(`blob not fetched: ${reason}`);
  }
}

export interface BlobSource {
  /** The blob's bytes as stored. @throws BlobFetchError */
  fetch(blobId: string): Promise<Uint8Array>;
  /** `b64(H(32, blob))` (PROTOCOL §6). */
  idOf(blob: Uint8Array): Promise<string>;
}

export interface GatheredBlobs {
  /** Blob id → bytes, in the order first named. */
  blobs: Map<string, Uint8Array>;
  /** Blob id → why it is not carried. */
  leftOut: Map<string, BlobLeftOutReason>;
  /** Total bytes carried. */
  bytes: number;
}

/** Every blob id the reports name, each once, in order. */
export function wantedBlobs(reports: readonly { attachments?: readonly AttachmentRef[] | undefined }[]): string[] {
  const seen = new Set<string>();
  for (const r of reports) for (const a of r.attachments ?? []) seen.add(a.blob);
  return [...seen];
}

/**
 * Fetches `ids` one after another and keeps those that are intact and fit under `cap`.
 * A blob too large for what room is left is left out, and smaller ones after it may still fit.
 */
export async function gatherBlobs(ids: readonly string[], source: BlobSource, cap = DOSSIER_BLOBS_MAX_BYTES): Promise<GatheredBlobs> {
  const out: GatheredBlobs = { blobs: new Map(), leftOut: new Map(), bytes: 0 };
  for (const id of ids) {
    let blob: Uint8Array;
    try {
      blob = await source.fetch(id);
    } catch (e) {
      if (!(e instanceof BlobFetchError)) throw e;
      out.leftOut.set(id, e.reason);
      continue;
    }
    if ((await source.idOf(blob)) !== id) out.leftOut.set(id, 'altered');
    else if (out.bytes + blob.length > cap) out.leftOut.set(id, 'too-large');
    else {
      out.blobs.set(id, blob);
      out.bytes += blob.length;
    }
  }
  return out;
}

/** The left-out attachments of one report, for its dossier entry. */
export function leftOutOf(attachments: readonly AttachmentRef[] | undefined, leftOut: ReadonlyMap<string, BlobLeftOutReason>): BlobLeftOut[] {
  const out: BlobLeftOut[] = [];
  const seen = new Set<string>();
  for (const a of attachments ?? []) {
    const reason = leftOut.get(a.blob);
    if (reason && !seen.has(a.blob)) {
      seen.add(a.blob);
      out.push({ blob: a.blob, reason });
    }
  }
  return out;
}

/** How an attachment of a forwarded report can be had from the dossier file. */
export type DossierAttachmentState = { carried: true } | { carried: false; reason: BlobLeftOutReason | 'not-carried' };

/**
 * `not-carried`: the file holds no such blob and says nothing about it (a dossier made before
 * attachments were carried, or a file whose blobs were removed).
 */
export function dossierAttachmentState(ref: AttachmentRef, blobs: ReadonlyMap<string, string> | null, leftOut: readonly BlobLeftOut[] | undefined): DossierAttachmentState {
  if (blobs?.has(ref.blob)) return { carried: true };
  const reason = leftOut?.find((l) => l.blob === ref.blob)?.reason;
  return { carried: false, reason: reason ?? 'not-carried' };
}
