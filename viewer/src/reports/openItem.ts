/**
 * Opens one listed report in memory with the keyring's police keys (PROTOCOL §2) and
 * turns every typed failure into a flag on the entry: nothing is thrown away. What an opened
 * report is flagged for is client/reportFlags.ts, shared with the CLI's export.
 */
import { openedFlags } from '../../../client/reportFlags.ts';
import { IntegrityError, InvalidContentError, openReport, UnknownKeyError } from '../../../crypto/index.ts';
import type { ReportItem } from '../../../schemas/api.ts';
import type { FormDefinition } from '../../../schemas/form.ts';
import type { PoliceKeyPairEntry } from '../../../schemas/keyring.ts';
import type { ReportFlag } from '../../../schemas/reportFlag.ts';
import { openedEntry, unreadableEntry, type ReportEntry } from './reportEntry.ts';

/** The flag for an error thrown by `openReport`. Anything unexpected counts as unreadable. */
export function problemOf(error: unknown): ReportFlag {
  if (error instanceof UnknownKeyError) return 'unknown_key';
  if (error instanceof InvalidContentError) return 'invalid_content';
  if (error instanceof IntegrityError) return 'undecryptable';
  return 'undecryptable';
}

export async function openItem(
  item: ReportItem,
  keys: readonly PoliceKeyPairEntry[],
  forms: Readonly<Record<string, FormDefinition>>,
  districtIds: readonly string[],
): Promise<ReportEntry> {
  try {
    const { report, idMismatch } = await openReport(item, keys);
    return openedEntry(item, report, openedFlags(report, idMismatch, forms, districtIds));
  } catch (e) {
    return unreadableEntry(item, problemOf(e));
  }
}
