/**
 * Attachments of an opened report (PROTOCOL §6): downloaded with an officer-signed
 * `GET /api/v1/blobs/{blobId}` (§5), checked and decrypted in a report worker, and handed
 * to the page as bytes in memory. Nothing decrypted is written anywhere: no IndexedDB, no
 * Cache Storage, no Web Storage; the browser's HTTP cache is bypassed (`no-store`).
 * Object URLs (display and save) are all tracked here and revoked when the report page is
 * left ({@link revokeAttachmentUrls}) and on lock.
 */
import { blobTarget } from '../../../schemas/blob-api.ts';
import type { AttachmentRef } from '../../../schemas/report.ts';
import { displayDecision, downloadType, safeFileName, sizeMismatch, type DisplayDecision } from '../../../client/attachmentRules.ts';
import { ApiError, NetworkError, signedBytes } from '../shared/api.ts';
import { deployment } from '../shared/deployment.ts';
import { openBlobOffPage } from './openPool.ts';
import { heldOfficer } from '../session/session.ts';

/**
 * Why an attachment cannot be shown or saved, each with its own plain message:
 * - `missing`: the server no longer has it (404: never uploaded, or erased by retention);
 * - `undecryptable`: the bytes do not open with the key in the report (IntegrityError);
 * - `altered`: the server answered other bytes than the blob the report names;
 * - `unreachable`: no connection to the server (or it failed);
 * - `refused`: the server refused this officer (401/403);
 * - `locked`: the viewer was locked meanwhile;
 * - `dossier-altered`: a forwarded dossier file carries other bytes than the blob the report names.
 */
export type AttachmentFailure = 'missing' | 'undecryptable' | 'altered' | 'unreachable' | 'refused' | 'locked' | 'dossier-altered';

export class AttachmentError extends Error {
  override name = 'AttachmentError';
  constructor(readonly failure: AttachmentFailure) {
    super(`attachment cannot be opened: ${failure}`);
  }
}

export interface OpenedAttachment {
  /** The decrypted, unpadded bytes: in memory only. */
  bytes: Uint8Array;
  /** The decrypted size, the one shown. */
  size: number;
  /** The size listed in the report differs from the decrypted one: show it, marked. */
  sizeMismatch: boolean;
  display: DisplayDecision;
  /** A safe name for saving (client/attachmentRules.ts). */
  fileName: string;
  /** `application/octet-stream` unless a verified image. */
  type: string;
}

/** Downloads, checks and decrypts attachment `ref` (number `index`, from 1, of its report). @throws AttachmentError */
export async function openAttachment(ref: AttachmentRef, index: number): Promise<OpenedAttachment> {
  let officer;
  try {
    officer = heldOfficer();
  } catch {
    throw new AttachmentError('locked');
  }
  let blob: Uint8Array;
  try {
    blob = await signedBytes(deployment.apiOrigin, officer, { target: blobTarget(ref.blob) });
  } catch (e) {
    if (e instanceof ApiError) throw new AttachmentError(e.status === 404 ? 'missing' : e.status === 401 || e.status === 403 ? 'refused' : 'unreachable');
    if (e instanceof NetworkError) throw new AttachmentError('unreachable');
    throw e;
  }
  return openBlobBytes(ref, index, blob);
}

/**
 * Checks and decrypts blob bytes already in hand (downloaded, or carried by a forwarded
 * dossier: `from: 'dossier'` names an id mismatch as the file's fault, not the server's).
 * @throws AttachmentError
 */
export async function openBlobBytes(ref: AttachmentRef, index: number, blob: Uint8Array, from: 'server' | 'dossier' = 'server'): Promise<OpenedAttachment> {
  const opened = await openBlobOffPage(ref.blob, blob, ref.key);
  if (!opened) throw new AttachmentError('locked');
  if (!opened.ok) throw new AttachmentError(opened.error === 'id_mismatch' ? (from === 'dossier' ? 'dossier-altered' : 'altered') : 'undecryptable');
  const bytes = opened.plain;
  return {
    bytes,
    size: bytes.length,
    sizeMismatch: sizeMismatch(ref.size, bytes.length),
    display: displayDecision(ref.mime, bytes),
    fileName: safeFileName(ref.name, ref.mime, bytes, `piece-jointe-${index}`),
    type: downloadType(ref.mime, bytes),
  };
}

const urls = new Set<string>();

/** An object URL for displaying a verified image; `null` for anything that must not be shown. */
export function imageUrl(opened: OpenedAttachment): string | null {
  if (!opened.display.show) return null;
  const url = URL.createObjectURL(new Blob([opened.bytes as Uint8Array<ArrayBuffer>], { type: opened.display.type }));
  urls.add(url);
  return url;
}

/** Hands the attachment to the browser's download, under its safe name and type. Returns the URL, to revoke with the page. */
export function saveAttachment(opened: OpenedAttachment): string {
  const url = URL.createObjectURL(new Blob([opened.bytes as Uint8Array<ArrayBuffer>], { type: opened.type }));
  urls.add(url);
  const a = document.createElement('a');
  a.href = url;
  a.download = opened.fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  return url;
}

/** Revokes `only` (the URLs of one report page), or every attachment URL. */
export function revokeAttachmentUrls(only?: Iterable<string>): void {
  for (const url of only ?? [...urls]) {
    if (!urls.delete(url)) continue;
    URL.revokeObjectURL(url);
  }
}
