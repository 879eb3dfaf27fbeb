/**
 * What a forwarded dossier holds (schemas/dossier.ts, issue 4 "Export and forward"): each
 * readable report's plaintext (its attachments' keys included, so the unit can open the
 * blobs), its case file (the proven events only: a flagged event proves nothing) and its
 * conversation (the messages that opened). Pure, so it is tested in Node.
 */
import type { BlobLeftOutReason, DossierBodyInput, DossierReportInput } from '../../../schemas/dossier.ts';
import { isoSeconds } from '../../../schemas/time.ts';
import { historyItem, type EventRecord } from '../caseFile/caseFold.ts';
import { leftOutOf } from './dossierBlobs.ts';
import type { OpenedMessage } from '../conversation/messageCrypto.ts';
import type { ReportEntry } from '../reports/reportEntry.ts';

/** Most reports in one dossier: the `forward` event naming them all must fit its seal (64 KiB). */
export const DOSSIER_MAX_REPORTS = 1000;

export interface DossierInput {
  entries: readonly ReportEntry[];
  /** Every event held (only those of the forwarded reports are used). */
  records: readonly EventRecord[];
  /** Opened messages by report id. */
  messages: ReadonlyMap<string, readonly OpenedMessage[]>;
  roster: ReadonlySet<string> | null;
  unit: string;
  fromName?: string;
  now: Date;
  /** Attachments whose blob the file will not carry, and why (export/dossierBlobs.ts). */
  leftOut?: ReadonlyMap<string, BlobLeftOutReason>;
}

export interface DossierPlan {
  body: DossierBodyInput;
  /** Reports included, in the order given. */
  included: ReportEntry[];
  /** Reports left out because they could not be opened. */
  skipped: ReportEntry[];
  /** Messages left out because they could not be opened. */
  skippedMessages: number;
}

/** Builds the dossier body; `body.reports` is empty when nothing is readable. */
export function planDossier(input: DossierInput): DossierPlan {
  const included: ReportEntry[] = [];
  const skipped: ReportEntry[] = [];
  let skippedMessages = 0;
  const reports: DossierReportInput[] = [];
  for (const entry of input.entries) {
    if (!entry.report) {
      skipped.push(entry);
      continue;
    }
    included.push(entry);
    const caseFile = input.records
      .filter((r) => r.reportId === entry.id && r.opened && historyItem(r, input.roster).applies)
      .sort((a, b) => a.seq - b.seq)
      .map((r) => {
        const { event, officerId } = r.opened!;
        return event.authorName ? { officerId, authorName: event.authorName, event } : { officerId, event };
      });
    const messages: DossierReportInput['messages'] = [];
    for (const m of input.messages.get(entry.id) ?? []) {
      if (m.ok) messages.push({ seq: m.seq, from: m.from, at: m.at, body: m.body });
      else skippedMessages++;
    }
    const item: DossierReportInput = { id: entry.id, receivedAt: entry.receivedAt, kid: entry.kid, report: entry.report, caseFile, messages: messages.sort((a, b) => a.seq - b.seq) };
    const leftOut = input.leftOut ? leftOutOf(entry.report.attachments, input.leftOut) : [];
    if (leftOut.length) item.blobsLeftOut = leftOut;
    reports.push(item);
  }
  const body: DossierBodyInput = { v: 1, createdAt: isoSeconds(input.now), unit: input.unit, reports };
  if (input.fromName) body.fromName = input.fromName;
  return { body, included, skipped, skippedMessages };
}
