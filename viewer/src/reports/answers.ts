/**
 * A report's answers as an officer reads them (report page, PDF dossier): the answers
 * labelled by client/answers.ts (the one rule shared with the spreadsheet and the reporter
 * app's review), dates and times in the screen's language, plus what only an officer needs:
 * answers the form's validator refuses are marked, answer keys the form does not know are
 * listed apart, an unknown form is shown raw. Pure, so it is tested in Node.
 *
 * Report content is hostile (issue 4 "Bad input and hostile content"): this module only
 * ever produces plain strings for the UI to render as text. Nothing is dropped.
 */
import * as v from 'valibot';
import { answerSections, hasAnswer, rawText, type Answer, type AnswerSection, type AnswerTextContext, type AnswerValue } from '../../../client/answers.ts';
import { answersSchema, formFields, type FormDefinition } from '../../../schemas/form.ts';
import type { ReportPlaintext } from '../../../schemas/report.ts';
import type { Lang } from '../i18n/lang.ts';
import { formatClock, formatDay } from '../shared/format.ts';

export interface ReadableReport {
  form: { known: boolean; title: string; versionMismatch: boolean };
  /** The form's steps that hold at least one answer, in the form's order. */
  sections: AnswerSection[];
  /** Answers under keys the form does not define (or every answer, for an unknown form). */
  extra: Answer[];
  /** Labels of answers refused by the form's validator. */
  invalidFields: string[];
}

export interface DistrictName {
  id: string;
  name: string;
}

export interface FormatContext {
  forms: Readonly<Record<string, FormDefinition>>;
  districts: readonly DistrictName[];
  lang: Lang;
}

/** Field ids (top level) that the form's validator refuses. */
function refusedFields(form: FormDefinition, answers: Record<string, unknown>, districtIds: readonly string[]): Set<string> {
  const r = v.safeParse(answersSchema(form, districtIds), answers);
  const out = new Set<string>();
  if (!r.success) for (const issue of r.issues) out.add(issue.path?.[0] ? String(issue.path[0].key) : '');
  return out;
}

/**
 * A report's answers, ready to read.
 *
 * @example
 * formatAnswers(report, { forms: FORMS, districts: [{ id: 'centre', name: 'Centre' }], lang: 'fr' })
 */
export function formatAnswers(report: Pick<ReportPlaintext, 'form' | 'formVersion' | 'answers'>, ctx: FormatContext): ReadableReport {
  const answers = report.answers;
  const form = Object.hasOwn(ctx.forms, report.form) ? ctx.forms[report.form] : undefined;
  if (!form) {
    const extra = Object.keys(answers).filter((key) => hasAnswer(answers, key)).map((key) => ({ id: key, label: rawText(key), value: { kind: 'raw', text: rawText(answers[key]) } as AnswerValue, invalid: false }));
    return { form: { known: false, title: rawText(report.form), versionMismatch: false }, sections: [], extra, invalidFields: [] };
  }
  const refused = refusedFields(form, answers, ctx.districts.map((d) => d.id));
  const text: AnswerTextContext = {
    lang: ctx.lang,
    districts: new Map(ctx.districts.map((d) => [d.id, d.name])),
    day: (day) => formatDay(day, ctx.lang),
    clock: (time) => formatClock(time, ctx.lang),
  };
  const sections = answerSections(form, answers, text).map((s) => ({ ...s, answers: s.answers.map((a) => (refused.has(a.id) ? { ...a, invalid: true } : a)) }));
  const fields = formFields(form);
  const known = new Set(fields.map((f) => f.id));
  const extra = Object.keys(answers)
    .filter((key) => !known.has(key) && hasAnswer(answers, key))
    .map((key) => ({ id: key, label: rawText(key), value: { kind: 'raw', text: rawText(answers[key]) } as AnswerValue, invalid: false }));
  // A required answer that is missing is refused too: name it, though it has no value to show.
  const invalidFields = fields.filter((f) => refused.has(f.id)).map((f) => f.label[ctx.lang]);
  return {
    form: { known: true, title: form.title[ctx.lang], versionMismatch: report.formVersion !== form.version },
    sections,
    extra,
    invalidFields,
  };
}
