/**
 * The flags of a report that did open (PROTOCOL §2): its sealed id, its form, its answers.
 * The viewer and the CLI both open reports with crypto/'s `openReport` and turn its typed
 * failures into `undecryptable`, `unknown_key` or `invalid_content`; what an opened report is
 * flagged for is decided here, once.
 */
import * as v from 'valibot';
import { answersSchema, type FormDefinition } from '../schemas/form.ts';
import type { ReportFlag } from '../schemas/reportFlag.ts';
import type { ReportPlaintext } from '../schemas/report.ts';

type Forms = Readonly<Record<string, FormDefinition>>;

/** Validators built once per form and district list: building one costs more than using it. */
const validators = new WeakMap<FormDefinition, Map<string, ReturnType<typeof answersSchema>>>();

function validatorOf(form: FormDefinition, districtIds: readonly string[]): ReturnType<typeof answersSchema> {
  let byDistricts = validators.get(form);
  if (!byDistricts) validators.set(form, (byDistricts = new Map()));
  const key = districtIds.join('\n');
  let schema = byDistricts.get(key);
  if (!schema) byDistricts.set(key, (schema = answersSchema(form, districtIds)));
  return schema;
}

const formOf = (forms: Forms, id: string) => (Object.hasOwn(forms, id) ? forms[id] : undefined);

/** Whether a report's answers pass its form's validator (false for an unknown form). */
export function answersValid(report: Pick<ReportPlaintext, 'form' | 'answers'>, forms: Forms, districtIds: readonly string[]): boolean {
  const form = formOf(forms, report.form);
  return form !== undefined && v.safeParse(validatorOf(form, districtIds), report.answers).success;
}

export interface FlagRules {
  /**
   * A form version this tool does not hold counts as an unknown form. The CLI's table lays
   * answers out by the form it holds, so it says so; the viewer shows them with a note instead.
   */
  exactVersion?: boolean;
}

/**
 * What is wrong with a report that opened, worst first (empty when nothing is).
 *
 * @example
 * openedFlags(report, false, FORMS, districtIds) // [] or ['invalid_answers'], …
 */
export function openedFlags(report: ReportPlaintext, idMismatch: boolean, forms: Forms, districtIds: readonly string[], rules: FlagRules = {}): ReportFlag[] {
  const out: ReportFlag[] = [];
  if (idMismatch) out.push('id_mismatch');
  const form = formOf(forms, report.form);
  if (!form || (rules.exactVersion && form.version !== report.formVersion)) out.push('unknown_form');
  else if (!answersValid(report, forms, districtIds)) out.push('invalid_answers');
  return out;
}
