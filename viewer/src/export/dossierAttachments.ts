/**
 * Attachments of a forwarded dossier opened by an investigator unit (docs/attachments.md
 * "Forwarding"): the bytes come from the dossier file, never from the Worker (the unit has no
 * officer access), and go through the very same checks as on a report page
 * (reports/attachments.ts `openBlobBytes`: id, decryption, display rules, safe name).
 */
import type { BlobLeftOutReason } from '../../../schemas/dossier.ts';
import { fromB64 } from '../../../schemas/encoding.ts';
import type { AttachmentRef } from '../../../schemas/report.ts';
import { AttachmentError, openBlobBytes, type OpenedAttachment } from '../reports/attachments.ts';
import { dossierAttachmentState } from './dossierBlobs.ts';
import type { OpenedDossier } from './openDossier.ts';

/** Opens an attachment from the dossier's own bytes. @throws AttachmentError */
export function dossierOpener(dossier: Pick<OpenedDossier, 'blobs'>): (ref: AttachmentRef, n: number) => Promise<OpenedAttachment> {
  return async (ref, n) => {
    const text = dossier.blobs?.get(ref.blob);
    if (text === undefined) throw new AttachmentError('dossier-altered');
    let blob: Uint8Array;
    try {
      blob = fromB64(text);
    } catch {
      throw new AttachmentError('dossier-altered');
    }
    return openBlobBytes(ref, n, blob, 'dossier');
  };
}

/** Why an attachment of this dossier report cannot be opened at all, or null when the file carries it. */
export function dossierUnavailable(dossier: Pick<OpenedDossier, 'blobs'>, leftOut: Parameters<typeof dossierAttachmentState>[2]): (ref: AttachmentRef) => BlobLeftOutReason | 'not-carried' | null {
  return (ref) => {
    const s = dossierAttachmentState(ref, dossier.blobs, leftOut);
    return s.carried ? null : s.reason;
  };
}
