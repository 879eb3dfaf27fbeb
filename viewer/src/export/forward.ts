/**
 * Forwarding to investigator units (issue 4 "Export and forward"). An officer picks a unit
 * (export/units.ts), and the selected reports are re-sealed with their case files,
 * conversations and attachments' keys into a dossier file for that unit's key alone (crypto
 * `sealDossier`, signed by the officer), with the attachments' blobs beside the seal
 * (export/dossierBlobs.ts, docs/attachments.md "Forwarding"), downloaded, and the forwarding
 * is recorded as an event in each case file (caseFile/caseJobs.ts). A unit opens the file
 * with export/openDossier.ts.
 */
import { blobIdOf, sealDossier } from '../../../crypto/index.ts';
import { blobTarget } from '../../../schemas/blob-api.ts';
import type { BlobLeftOutReason, DossierFile } from '../../../schemas/dossier.ts';
import { toB64 } from '../../../schemas/encoding.ts';
import { saveFile } from '../../../client/saveFile.ts';
import { rosterIds } from '../admin/roster.ts';
import { CaseChangeError, recordForward, type CaseJob } from '../caseFile/caseJobs.ts';
import { eventRecords } from '../caseFile/events.ts';
import { openedConversations } from '../conversation/openedConversations.ts';
import { sealingKey } from '../conversation/messageCrypto.ts';
import type { ReportEntry } from '../reports/reportEntry.ts';
import { displayName } from '../session/profile.ts';
import { heldOfficer, heldPoliceKeys } from '../session/session.ts';
import { ApiError, NetworkError, signedBytes } from '../shared/api.ts';
import { deployment } from '../shared/deployment.ts';
import { fileDate } from '../shared/saveFile.ts';
import { BlobFetchError, gatherBlobs, wantedBlobs, type BlobSource } from './dossierBlobs.ts';
import { DOSSIER_MAX_REPORTS, planDossier } from './dossierBody.ts';
import type { Unit } from './units.ts';

export type ForwardFailure = 'no-readable' | 'too-many' | 'seal-failed' | 'no-police-key';

export class ForwardError extends Error {
  override name = 'ForwardError';
  constructor(readonly reason: ForwardFailure) {
    super(`forward: ${reason}`);
  }
}

/** An attachment the dossier file does not carry: which report (from 1, in the dossier), which attachment (from 1), why. */
export interface LeftOutAttachment {
  report: number;
  receivedAt: string;
  attachment: number;
  name?: string;
  reason: BlobLeftOutReason;
}

export interface ForwardOutcome {
  included: number;
  /** Attachment blobs carried in the file. */
  carried: number;
  leftOut: LeftOutAttachment[];
  skipped: number;
  skippedMessages: number;
  bytes: number;
  /** The case-file job that records the forwarding (it may have failed: retry from the panel). */
  job: CaseJob;
}

/**
 * Re-seals `entries` for `unit`, downloads the dossier file, then records the forwarding in
 * each included report's case file (and "transmis" if asked).
 * @throws ForwardError
 */
export async function forwardReports(entries: readonly ReportEntry[], unit: Unit, markTransmitted: boolean): Promise<ForwardOutcome> {
  if (entries.length > DOSSIER_MAX_REPORTS) throw new ForwardError('too-many');
  // The forwarding must be recordable before anything leaves: no sealing key, no dossier.
  if (!sealingKey(deployment.policeKeys, heldPoliceKeys())) throw new ForwardError('no-police-key');
  const messages = await openedConversations(entries);
  const name = displayName.peek();
  // The attachments' blobs ride along (docs/attachments.md "Forwarding"); one that cannot be had is recorded, not fatal.
  const readable = entries.filter((e) => e.report);
  const gathered = readable.length ? await gatherBlobs(wantedBlobs(readable.map((e) => e.report!)), officerBlobSource()) : { blobs: new Map<string, Uint8Array>(), leftOut: new Map<string, BlobLeftOutReason>(), bytes: 0 };
  const plan = planDossier({ entries, records: eventRecords.peek(), messages, roster: rosterIds.peek(), unit: unit.name, fromName: name || undefined, now: new Date(), leftOut: gathered.leftOut });
  if (!plan.included.length) throw new ForwardError('no-readable');
  let file: DossierFile;
  try {
    file = await sealDossier(plan.body, heldOfficer(), unit);
  } catch {
    throw new ForwardError('seal-failed');
  }
  const blobs: Record<string, string> = {};
  for (const [id, bytes] of gathered.blobs) blobs[id] = toB64(bytes);
  const text = JSON.stringify({ ...file, blobs }, null, 2) + '\n';
  saveFile(`dossier-stopdeal-${fileDate()}.json`, new Blob([text], { type: 'application/json' }));
  const leftOut: LeftOutAttachment[] = [];
  plan.included.forEach((e, i) =>
    (e.report!.attachments ?? []).forEach((a, n) => {
      const reason = gathered.leftOut.get(a.blob);
      if (reason) leftOut.push({ report: i + 1, receivedAt: e.receivedAt, attachment: n + 1, ...(a.name ? { name: a.name } : {}), reason });
    }),
  );
  let job: CaseJob;
  try {
    job = await recordForward(plan.included, { name: unit.name, kid: unit.kid }, markTransmitted);
  } catch (e) {
    if (e instanceof CaseChangeError) throw new ForwardError('no-police-key');
    throw e;
  }
  return { included: plan.included.length, carried: gathered.blobs.size, leftOut, skipped: plan.skipped.length, skippedMessages: plan.skippedMessages, bytes: text.length, job };
}

/** Attachment blobs as the Worker stores them, downloaded with a signed GET (PROTOCOL §5, §6). */
function officerBlobSource(): BlobSource {
  const officer = heldOfficer();
  return {
    async fetch(id) {
      try {
        return await signedBytes(deployment.apiOrigin, officer, { target: blobTarget(id) });
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) throw new BlobFetchError('missing');
        if (e instanceof ApiError || e instanceof NetworkError) throw new BlobFetchError('unavailable');
        throw e;
      }
    },
    idOf: blobIdOf,
  };
}
