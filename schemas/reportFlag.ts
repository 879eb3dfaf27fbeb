/**
 * Why a report needs a second look: one vocabulary for the viewer (badges, notices), the CLI
 * (`sd export`, `sd decrypt --json`) and the spreadsheet table. A report that cannot be read,
 * or reads suspiciously, is kept with its flags, never dropped (PROTOCOL §2).
 *
 * These names are printed by the CLI's JSON output: changing one breaks readers of that output.
 */
import * as v from 'valibot';

/**
 * Worst first:
 * - `undecryptable`: does not open with the key its kid names (altered, truncated, wrong key);
 * - `unknown_key`: sealed to a police key this keyring does not hold;
 * - `invalid_content`: opens, but is not a protocol report (PROTOCOL §2);
 * - `id_mismatch`: the sealed id differs from the stored one (PROTOCOL §2: flag it);
 * - `unknown_form`: a form this tool does not know; answers kept as they are;
 * - `invalid_answers`: answers that do not fit the form's definition; kept as they are.
 */
export const REPORT_FLAGS = ['undecryptable', 'unknown_key', 'invalid_content', 'id_mismatch', 'unknown_form', 'invalid_answers'] as const;

export const ReportFlag = v.picklist(REPORT_FLAGS);
export type ReportFlag = v.InferOutput<typeof ReportFlag>;
