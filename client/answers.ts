/**
 * A report's answers turned into text, once, for every surface that shows them: the officer's
 * report page and PDF, the spreadsheet (the viewer's CSV and `sd export --csv`, one table) and
 * the resident's review screen before sending. Every answer is labelled with its form
 * definition's text, choices by their labels, districts by their names, groups (people,
 * vehicles) as numbered items. What differs by surface (how a date or a point reads) is passed
 * in, so the rule stays one.
 *
 * Report content is hostile (issue 4 "Bad input and hostile content"): this module only ever
 * produces plain strings, for the UI to render as text. Nothing is dropped: a value that does
 * not fit its field is kept as raw text.
 *
 * @example
 * const ctx = { lang: 'fr', districts: new Map([['centre', 'Centre']]) } as const;
 * answerSections(FORMS['stop-deal']!, { district: 'centre' }, ctx)[0]!.answers[0]
 * // { id: 'district', label: 'Quartier', value: { kind: 'district', text: 'Centre', known: true }, invalid: false }
 */
import type { Field, FormDefinition, LeafField, LocalizedText } from '../schemas/form.ts';

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
  /** The step's index in the form (the review screen's "change" button goes back to it). */
  step: number;
  title: string;
  answers: Answer[];
}

export interface AnswerTextContext {
  lang: keyof LocalizedText;
  /** District id → name (from the deployment file). */
  districts: ReadonlyMap<string, string>;
  /** A date answer `YYYY-MM-DD` as this surface writes it; default: as sent. */
  day?: (day: string) => string;
  /** A time answer `HH:MM` as this surface writes it; default: as sent. */
  clock?: (time: string) => string;
  /** A point as this surface writes it; default: {@link formatCoordinates}. */
  point?: (lat: number, lon: number) => string;
  /** Longest text kept; default {@link RAW_TEXT_MAX} (a spreadsheet keeps everything). */
  textMax?: number;
}

/**
 * Coordinates as "lat, lon" with a dot and five decimals (about a metre) in every
 * language, so that an officer can paste them into any map tool as they are.
 */
export function formatCoordinates(lat: number, lon: number): string {
  return `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
}

/** Text of any JSON value, cut at `max` characters. */
export function rawText(value: unknown, max = RAW_TEXT_MAX): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > max ? text.slice(0, max) + '…' : text;
}

const isPoint = (x: unknown): x is { lat: number; lon: number; accuracy?: unknown } =>
  typeof x === 'object' && x !== null && typeof (x as { lat?: unknown }).lat === 'number' && typeof (x as { lon?: unknown }).lon === 'number';

function leafValue(field: LeafField, value: unknown, ctx: AnswerTextContext): AnswerValue {
  const text = (x: unknown) => rawText(x, ctx.textMax);
  const raw = (): AnswerValue => ({ kind: 'raw', text: text(value) });
  switch (field.kind) {
    case 'text':
      return typeof value === 'string' ? { kind: 'text', text: text(value), multiline: field.multiline === true } : raw();
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { kind: 'text', text: String(value), multiline: false } : raw();
    case 'choice': {
      const values = Array.isArray(value) ? value : [value];
      if (!values.length || !values.every((x) => typeof x === 'string')) return raw();
      return {
        kind: 'choice',
        items: (values as string[]).map((x) => {
          const option = field.options.find((o) => o.value === x);
          return option ? { text: option.label[ctx.lang], known: true } : { text: text(x), known: false };
        }),
      };
    }
    case 'district': {
      if (typeof value !== 'string') return raw();
      const name = ctx.districts.get(value);
      return name !== undefined ? { kind: 'district', text: name, known: true } : { kind: 'district', text: text(value), known: false };
    }
    case 'date':
      return typeof value === 'string' ? { kind: 'text', text: ctx.day ? ctx.day(text(value)) : text(value), multiline: false } : raw();
    case 'time':
      return typeof value === 'string' ? { kind: 'text', text: ctx.clock ? ctx.clock(text(value)) : text(value), multiline: false } : raw();
    case 'point':
      if (!isPoint(value) || !Number.isFinite(value.lat) || !Number.isFinite(value.lon)) return raw();
      return {
        kind: 'point',
        text: (ctx.point ?? formatCoordinates)(value.lat, value.lon),
        accuracy: typeof value.accuracy === 'number' && Number.isFinite(value.accuracy) ? Math.round(value.accuracy) : undefined,
      };
  }
}

/** One answer to `field`, labelled; a group's items each hold their own answers. */
export function fieldAnswer(field: Field, value: unknown, ctx: AnswerTextContext, invalid = false): Answer {
  const label = field.label[ctx.lang];
  if (field.kind !== 'group') return { id: field.id, label, value: leafValue(field, value, ctx), invalid };
  if (!Array.isArray(value)) return { id: field.id, label, value: { kind: 'raw', text: rawText(value, ctx.textMax) }, invalid };
  const items = value.map((item, i) => {
    const title = `${field.itemLabel[ctx.lang]} ${i + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      return { title, answers: [{ id: String(i), label: title, value: { kind: 'raw', text: rawText(item, ctx.textMax) } as AnswerValue, invalid: true }] };
    }
    const record = item as Record<string, unknown>;
    const answers = field.fields.filter((f) => record[f.id] !== undefined && record[f.id] !== null).map((f) => fieldAnswer(f, record[f.id], ctx));
    const known = new Set(field.fields.map((f) => f.id));
    for (const [key, x] of Object.entries(record)) {
      if (!known.has(key)) answers.push({ id: key, label: rawText(key, ctx.textMax), value: { kind: 'raw', text: rawText(x, ctx.textMax) }, invalid: true });
    }
    return { title, answers };
  });
  return { id: field.id, label, value: { kind: 'group', items }, invalid };
}

/** Whether `answers` holds a value under `id` (own key, neither undefined nor null). */
export function hasAnswer(answers: Readonly<Record<string, unknown>>, id: string): boolean {
  return Object.hasOwn(answers, id) && answers[id] !== undefined && answers[id] !== null;
}

/** The form's steps that hold at least one answer, in the form's order, each answer labelled. */
export function answerSections(form: FormDefinition, answers: Readonly<Record<string, unknown>>, ctx: AnswerTextContext): AnswerSection[] {
  const sections: AnswerSection[] = [];
  form.steps.forEach((step, i) => {
    const list = step.fields.filter((f) => hasAnswer(answers, f.id)).map((f) => fieldAnswer(f, answers[f.id], ctx));
    if (list.length) sections.push({ id: step.id, step: i, title: step.title[ctx.lang], answers: list });
  });
  return sections;
}

/**
 * One answer as a single text, for a spreadsheet cell or a terminal: choices joined by
 * commas, a point with its accuracy, one numbered line per group item.
 *
 * @example
 * answerText({ kind: 'point', text: '49.43000, 2.08000', accuracy: 12 }) // '49.43000, 2.08000 (± 12 m)'
 */
export function answerText(value: AnswerValue): string {
  switch (value.kind) {
    case 'choice':
      return value.items.map((x) => x.text).join(', ');
    case 'point':
      return value.accuracy === undefined ? value.text : `${value.text} (± ${value.accuracy} m)`;
    case 'group':
      return value.items.map((item, i) => `${i + 1}. ${item.answers.map((a) => `${a.label} : ${answerText(a.value)}`).join(' ; ')}`).join('\n');
    default:
      return value.text;
  }
}
