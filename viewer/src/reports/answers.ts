/**
 * Turns a report's `answers` into what an officer reads: every answer labelled with its
 * form definition's text, choices by their labels, districts by their names, groups
 * (people, vehicles) as sub-lists. Pure, so it is tested in Node.
 *
 * Report content is hostile (issue 4 "Bad input and hostile content"): this module only
 * ever produces plain strings for the UI to render as text. Nothing is dropped: a value
 * that does not fit the form is kept as raw text and marked, and answer keys the form
 * does not know are listed apart.
 */
import * as v from 'valibot';
import { answersSchema, formFields, type Field, type FormDefinition, type LeafField } from '../../../schemas/form.ts';
import type { ReportPlaintext } from '../../../schemas/report.ts';
import type { Lang } from '../i18n/lang.ts';
import { formatClock, formatCoordinates, formatDay } from '../shared/format.ts';

/** Longest raw value shown as is; past it the text is cut (a report holds at most 64 KiB). */
export const RAW_TEXT_MAX = 10_000;

export type AnswerValue =
  | { kind: 'text'; text: string; multiline: boolean }
  /** One or several choices; `known: false` for a value the form does not list. */
  | { kind: 'choice'; items: Array<{ text: string; known: boolean }> }
  | { kind: 'district'; text: string; known: boolean }
  | { kind: 'point'; text: string; accuracy: number | undefined }
  | { kind: 'group'; items: Array<{ title: string; answers: Answer[] }> }
  /** A value not shaped as the form expects, shown verbatim as text. */
  | { kind: 'raw'; text: string };

export interface Answer {
  id: string;
  label: string;
  value: AnswerValue;
  /** The form's validator refused this answer (or something inside it). */
  invalid: boolean;
}

export interface AnswerSection {
  id: string;
  title: string;
  answers: Answer[];
}

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

/** Text of any JSON value, cut at {@link RAW_TEXT_MAX}. */
export function rawText(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > RAW_TEXT_MAX ? text.slice(0, RAW_TEXT_MAX) + '…' : text;
}

const isPoint = (x: unknown): x is { lat: number; lon: number; accuracy?: unknown } =>
  typeof x === 'object' && x !== null && typeof (x as { lat?: unknown }).lat === 'number' && typeof (x as { lon?: unknown }).lon === 'number';

function leafValue(field: LeafField, value: unknown, ctx: FormatContext): AnswerValue {
  const raw = (): AnswerValue => ({ kind: 'raw', text: rawText(value) });
  switch (field.kind) {
    case 'text':
      return typeof value === 'string' ? { kind: 'text', text: rawText(value), multiline: field.multiline === true } : raw();
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { kind: 'text', text: String(value), multiline: false } : raw();
    case 'choice': {
      const values = Array.isArray(value) ? value : [value];
      if (!values.length || !values.every((x) => typeof x === 'string')) return raw();
      return {
        kind: 'choice',
        items: (values as string[]).map((x) => {
          const option = field.options.find((o) => o.value === x);
          return option ? { text: option.label[ctx.lang], known: true } : { text: rawText(x), known: false };
        }),
      };
    }
    case 'district': {
      if (typeof value !== 'string') return raw();
      const d = ctx.districts.find((x) => x.id === value);
      return d ? { kind: 'district', text: d.name, known: true } : { kind: 'district', text: rawText(value), known: false };
    }
    case 'date':
      return typeof value === 'string' ? { kind: 'text', text: formatDay(rawText(value), ctx.lang), multiline: false } : raw();
    case 'time':
      return typeof value === 'string' ? { kind: 'text', text: formatClock(rawText(value), ctx.lang), multiline: false } : raw();
    case 'point':
      if (!isPoint(value) || !Number.isFinite(value.lat) || !Number.isFinite(value.lon)) return raw();
      return {
        kind: 'point',
        text: formatCoordinates(value.lat, value.lon),
        accuracy: typeof value.accuracy === 'number' && Number.isFinite(value.accuracy) ? Math.round(value.accuracy) : undefined,
      };
  }
}

function fieldAnswer(field: Field, value: unknown, invalid: boolean, ctx: FormatContext): Answer {
  const label = field.label[ctx.lang];
  if (field.kind !== 'group') return { id: field.id, label, value: leafValue(field, value, ctx), invalid };
  if (!Array.isArray(value)) return { id: field.id, label, value: { kind: 'raw', text: rawText(value) }, invalid };
  const items = value.map((item, i) => {
    const title = `${field.itemLabel[ctx.lang]} ${i + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      return { title, answers: [{ id: String(i), label: title, value: { kind: 'raw', text: rawText(item) } as AnswerValue, invalid: true }] };
    }
    const record = item as Record<string, unknown>;
    const answers = field.fields.filter((f) => record[f.id] !== undefined && record[f.id] !== null).map((f) => fieldAnswer(f, record[f.id], false, ctx));
    const known = new Set(field.fields.map((f) => f.id));
    for (const [key, x] of Object.entries(record)) if (!known.has(key)) answers.push({ id: key, label: rawText(key), value: { kind: 'raw', text: rawText(x) }, invalid: true });
    return { title, answers };
  });
  return { id: field.id, label, value: { kind: 'group', items }, invalid };
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
  const present = (id: string) => Object.hasOwn(answers, id) && answers[id] !== undefined && answers[id] !== null;
  const form = Object.hasOwn(ctx.forms, report.form) ? ctx.forms[report.form] : undefined;
  if (!form) {
    const extra = Object.keys(answers).filter(present).map((key) => ({ id: key, label: rawText(key), value: { kind: 'raw', text: rawText(answers[key]) } as AnswerValue, invalid: false }));
    return { form: { known: false, title: rawText(report.form), versionMismatch: false }, sections: [], extra, invalidFields: [] };
  }
  const refused = refusedFields(form, answers, ctx.districts.map((d) => d.id));
  const sections: AnswerSection[] = [];
  for (const step of form.steps) {
    const list = step.fields.filter((f) => present(f.id)).map((f) => fieldAnswer(f, answers[f.id], refused.has(f.id), ctx));
    if (list.length) sections.push({ id: step.id, title: step.title[ctx.lang], answers: list });
  }
  const fields = formFields(form);
  const known = new Set(fields.map((f) => f.id));
  const extra = Object.keys(answers)
    .filter((key) => !known.has(key) && present(key))
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

/** Whether a report's answers pass its form's validator (false for an unknown form). */
export function answersValid(report: Pick<ReportPlaintext, 'form' | 'answers'>, forms: Readonly<Record<string, FormDefinition>>, districtIds: readonly string[]): boolean {
  const form = Object.hasOwn(forms, report.form) ? forms[report.form] : undefined;
  return form !== undefined && v.safeParse(validatorOf(form, districtIds), report.answers).success;
}
