/**
 * Answers as the resident types them (the draft) and as they are sealed (PROTOCOL §2
 * `answers`). A draft keeps raw strings so that nothing typed is ever lost or rewritten;
 * {@link cleanAnswers} turns it into the values `answersSchema` expects.
 */
import type { Answers, Field, FormDefinition, LeafAnswer, LeafField, Point } from '../../../schemas/form.ts';

/** One leaf as typed: text, a number still as text, chosen values, or a located point. */
export type RawLeaf = string | string[] | Point;
export type RawItem = Record<string, RawLeaf>;
export type RawAnswers = Record<string, RawLeaf | RawItem[]>;

const INTEGER = /^-?\d{1,9}$/;

/** Whether a raw value counts as "nothing typed". */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/**
 * `showIf` (schemas/form.ts): shown when the named field of the same step or group has the
 * value; for a multiple choice, when the value is among those ticked.
 */
export function isVisible(field: Field | LeafField, scope: Readonly<Record<string, unknown>>): boolean {
  if (!field.showIf) return true;
  const other = scope[field.showIf.field];
  return Array.isArray(other) ? other.includes(field.showIf.equals) : other === field.showIf.equals;
}

/** Whether a group item holds anything at all (an untouched "add" is dropped, not refused). */
export function itemHasContent(item: RawItem): boolean {
  return Object.values(item).some((x) => !isEmpty(x));
}

function cleanLeaf(field: LeafField, raw: RawLeaf | undefined): LeafAnswer | undefined {
  if (isEmpty(raw)) return undefined;
  switch (field.kind) {
    case 'number':
      return typeof raw === 'string' && INTEGER.test(raw.trim()) ? Number(raw.trim()) : undefined;
    case 'choice':
      if (field.multiple) return Array.isArray(raw) ? field.options.map((o) => o.value).filter((v) => raw.includes(v)) : undefined;
      return typeof raw === 'string' ? raw : undefined;
    case 'point':
      return typeof raw === 'object' && !Array.isArray(raw) ? raw : undefined;
    default:
      return typeof raw === 'string' ? raw.trim() : undefined;
  }
}

function cleanFields(fields: readonly (Field | LeafField)[], raw: Readonly<Record<string, unknown>>): Answers {
  const out: Answers = {};
  for (const f of fields) {
    if (!isVisible(f, raw)) continue;
    if (f.kind === 'group') {
      const items = Array.isArray(raw[f.id]) ? (raw[f.id] as RawItem[]) : [];
      const cleaned = items.filter(itemHasContent).map((item) => cleanFields(f.fields, item) as Record<string, LeafAnswer>);
      if (cleaned.length) out[f.id] = cleaned;
      continue;
    }
    const value = cleanLeaf(f, raw[f.id] as RawLeaf | undefined);
    if (value !== undefined) out[f.id] = value;
  }
  return out;
}

/**
 * What will be sealed: hidden fields and empty values dropped, text trimmed, numbers parsed,
 * ticked options in the form's order. Invalid values are left out here and reported by
 * the validation, which runs first.
 */
export function cleanAnswers(form: FormDefinition, raw: RawAnswers): Answers {
  return cleanFields(form.steps.flatMap((s) => s.fields), raw);
}
