/**
 * Opens one stored report (an API list item) for export, never dropping it: a report that
 * cannot be read, or reads suspiciously, is kept with a flag so an officer sees it.
 */
import * as v from 'valibot';
import { IntegrityError, InvalidContentError, openReport, UnknownKeyError } from '../../crypto/index.ts';
import type { ReportItem } from '../../schemas/api.ts';
import { answersSchema } from '../../schemas/form.ts';
import { FORMS } from '../../schemas/forms/index.ts';
import type { PoliceKeyPairEntry } from '../../schemas/keyring.ts';
import type { ReportPlaintext } from '../../schemas/report.ts';

/**
 * Why a report needs a second look, most serious first (one flag per report):
 * - `unknown_key`: sealed to a police key this keyring does not hold;
 * - `undecryptable`: does not open (altered or truncated ciphertext);
 * - `invalid_content`: opens, but is not a protocol report (PROTOCOL §2);
 * - `id_mismatch`: the sealed id differs from the stored one (PROTOCOL §2: flag it);
 * - `unknown_form`: a form this tool does not know; answers kept as they are;
 * - `invalid_answers`: answers that do not fit the form's definition; kept as they are.
 */
export type ExportFlag = 'unknown_key' | 'undecryptable' | 'invalid_content' | 'id_mismatch' | 'unknown_form' | 'invalid_answers';

export interface ExportEntry {
  seq: number;
  id: string;
  receivedAt: string;
  kid: string;
  flag: ExportFlag | null;
  report: ReportPlaintext | null;
}

export async function openItem(item: ReportItem, police: readonly PoliceKeyPairEntry[]): Promise<ExportEntry> {
  const base = { seq: item.seq, id: item.id, receivedAt: item.receivedAt, kid: item.kid };
  try {
    const { report, idMismatch } = await openReport(item, police);
    return { ...base, flag: idMismatch ? 'id_mismatch' : answersFlag(report), report };
  } catch (e) {
    if (e instanceof UnknownKeyError) return { ...base, flag: 'unknown_key', report: null };
    if (e instanceof IntegrityError) return { ...base, flag: 'undecryptable', report: null };
    if (e instanceof InvalidContentError) return { ...base, flag: 'invalid_content', report: null };
    throw e;
  }
}

function answersFlag(report: ReportPlaintext): ExportFlag | null {
  const form = FORMS[report.form];
  if (!form || form.version !== report.formVersion) return 'unknown_form';
  return v.safeParse(answersSchema(form), report.answers).success ? null : 'invalid_answers';
}
