/**
 * `--attachments <dir>` of `sd export` / `sd decrypt`: each attachment a report lists
 * (PROTOCOL §6) is downloaded with a signed `GET /api/v1/blobs/{blobId}`, checked against
 * its id (`b64(H(32, blob))`), decrypted with the key from the sealed report, and written
 * to `<dir>/<reportId>/<safe name>` (client/attachmentRules.ts), owner-only. A failure is
 * one line for that attachment; the others, and the export, go on. `sd dossier open
 * --attachments` takes the blobs from the dossier file instead ({@link saveAttachmentsFrom}).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blobIdOf, IntegrityError, openBlob } from '../../crypto/index.ts';
import { blobTarget } from '../../schemas/blob-api.ts';
import type { AttachmentRef } from '../../schemas/report.ts';
import { safeFileName, sizeMismatch, uniqueFileName } from '../../client/attachmentRules.ts';
import type { ApiClient } from './api.ts';
import { ApiError } from '../../client/signedRequest.ts';
import { CliError, isCliFailure } from './errors.ts';
import type { ExportEntry } from '../../client/exports/reportTable.ts';
import { warn, type Io } from './io.ts';

export interface AttachmentTally {
  saved: number;
  failed: number;
}

/**
 * Where blobs come from: `blob` answers the stored ciphertext or throws a CliError saying why
 * not; `mismatch` is what to say when the bytes do not hash to the blob id.
 */
export interface BlobSupply {
  blob(ref: AttachmentRef): Promise<Uint8Array>;
  mismatch: string;
}

/** One report's attachments to write: its folder name (the report id) and a label for messages. */
export interface AttachmentSet {
  id: string;
  label: string;
  refs: readonly AttachmentRef[];
}

function apiSupply(api: ApiClient): BlobSupply {
  return {
    mismatch: 'the server answered other bytes than the blob the report names',
    async blob(ref) {
      try {
        return await api.download(blobTarget(ref.blob));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) throw new CliError('not on the server (never uploaded, or already erased)');
        throw e;
      }
    },
  };
}

/** Why one attachment could not be saved, in the administrator's words. */
async function fetchPlain(supply: BlobSupply, ref: AttachmentRef): Promise<Uint8Array> {
  const blob = await supply.blob(ref);
  if ((await blobIdOf(blob)) !== ref.blob) throw new CliError(supply.mismatch);
  try {
    return await openBlob(blob, ref.key);
  } catch (e) {
    if (e instanceof IntegrityError) throw new CliError('does not decrypt with the key in the report (damaged or altered)');
    throw e;
  }
}

/** Saves every attachment of `entries` under `dir`; never throws for one attachment. */
export function saveAttachments(io: Io, api: ApiClient, entries: readonly ExportEntry[], dir: string, force: boolean): Promise<AttachmentTally> {
  const sets = entries.map((e) => ({ id: e.id, label: `report ${e.seq} (${e.id})`, refs: e.report?.attachments ?? [] }));
  return saveAttachmentsFrom(io, apiSupply(api), sets, dir, force);
}

/** Saves every attachment of `sets` under `dir`, the blobs from `supply`; never throws for one attachment. */
export async function saveAttachmentsFrom(io: Io, supply: BlobSupply, sets: readonly AttachmentSet[], dir: string, force: boolean): Promise<AttachmentTally> {
  const tally: AttachmentTally = { saved: 0, failed: 0 };
  for (const entry of sets) {
    const refs = entry.refs;
    if (!refs.length) continue;
    // A report id is canonical base64url (schemas/api.ts): safe as a folder name.
    const folder = join(dir, entry.id);
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
    } catch (e) {
      throw new CliError(`cannot create ${folder}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const taken = new Set<string>();
    for (const [i, ref] of refs.entries()) {
      const label = `${entry.label} attachment ${i + 1}`;
      try {
        const plain = await fetchPlain(supply, ref);
        const name = uniqueFileName(safeFileName(ref.name, ref.mime, plain, `piece-jointe-${i + 1}`), taken);
        taken.add(name.toLowerCase());
        const path = join(folder, name);
        try {
          writeFileSync(path, plain, { mode: 0o600, flag: force ? 'w' : 'wx' });
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          throw new CliError(code === 'EEXIST' ? `${path} already exists (add --force to overwrite)` : `cannot write ${path}: ${code ?? (e as Error).message}`);
        }
        tally.saved++;
        if (sizeMismatch(ref.size, plain.length)) warn(io, `  ${label}: saved as ${path}, but it is ${plain.length} bytes where the report states ${ref.size}`);
      } catch (e) {
        if (!isCliFailure(e)) throw e;
        tally.failed++;
        warn(io, `  ${label}: ${e.message}`);
      }
    }
  }
  return tally;
}
