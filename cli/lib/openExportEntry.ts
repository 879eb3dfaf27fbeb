/**
 * Opens one stored report (an API list item) for export, never dropping it: a report that
 * cannot be read, or reads suspiciously, is kept with its worst flag so an officer sees it.
 * What an opened report is flagged for is client/reportFlags.ts, shared with the viewer.
 */
import type { ExportEntry } from '../../client/exports/reportTable.ts';
import { openedFlags } from '../../client/reportFlags.ts';
import { IntegrityError, InvalidContentError, openReport, UnknownKeyError } from '../../crypto/index.ts';
import type { ReportItem } from '../../schemas/api.ts';
import { FORMS } from '../../schemas/forms/index.ts';
import type { PoliceKeyPairEntry } from '../../schemas/keyring.ts';

/** The entry for one listed report: opened and checked, or flagged. An unexpected error is thrown. */
export async function openExportEntry(item: ReportItem, police: readonly PoliceKeyPairEntry[]): Promise<ExportEntry> {
  const base = { seq: item.seq, id: item.id, receivedAt: item.receivedAt, kid: item.kid };
  try {
    const { report, idMismatch } = await openReport(item, police);
    // The table lays answers out by the form versions the CLI holds: another version is unknown to it.
    return { ...base, flag: openedFlags(report, idMismatch, FORMS, [], { exactVersion: true })[0] ?? null, report };
  } catch (e) {
    if (e instanceof UnknownKeyError) return { ...base, flag: 'unknown_key', report: null };
    if (e instanceof IntegrityError) return { ...base, flag: 'undecryptable', report: null };
    if (e instanceof InvalidContentError) return { ...base, flag: 'invalid_content', report: null };
    throw e;
  }
}
