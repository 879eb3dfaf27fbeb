/**
 * Checks a step as the resident fills it in, with errors named by field so the screen can
 * tie each message to its input (aria-describedby) and list them in an error summary.
 * The final word is `answersSchema` (schemas/form.ts), run by the sealing service.
 */
import type { Field, FormDefinition, LeafField, LocalizedText } from '../../../schemas/form.ts';
import { MAX_CONTACT_LENGTH } from './limits.ts';
import { isEmpty, isVisible, itemHasContent, type RawAnswers, type RawItem, type RawLeaf } from './answers.ts';

export type ErrorCode = 'required' | 'too_long' | 'not_integer' | 'out_of_range' | 'bad_date' | 'bad_time' | 'unknown_option';

export interface FieldError {
  /** DOM-safe path of the input: `place`, `people-0-count`, `contact`. */
  path: string;
  code: ErrorCode;
  kind: LeafField['kind'] | 'contact';
  label: LocalizedText;
  /** For group items: the item's label and 1-based number. */
  item?: { label: LocalizedText; n: number };
  params?: { max?: number; min?: number; length?: number };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function realDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.toISOString().slice(0, 10) === s;
}

function checkLeaf(field: LeafField, raw: RawLeaf | undefined, districtIds: readonly string[]): Pick<FieldError, 'code' | 'params'> | undefined {
  if (isEmpty(raw)) return field.required ? { code: 'required' } : undefined;
  switch (field.kind) {
    case 'text': {
      const text = typeof raw === 'string' ? raw.trim() : '';
      return text.length > field.maxLength ? { code: 'too_long', params: { max: field.maxLength, length: text.length } } : undefined;
    }
    case 'number': {
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (!/^-?\d{1,9}$/.test(text)) return { code: 'not_integer' };
      const n = Number(text);
      return n < field.min || n > field.max ? { code: 'out_of_range', params: { min: field.min, max: field.max } } : undefined;
    }
    case 'choice': {
      const values = field.options.map((o) => o.value);
      const chosen = Array.isArray(raw) ? raw : [raw];
      return chosen.every((c) => typeof c === 'string' && values.includes(c)) ? undefined : { code: 'unknown_option' };
    }
    case 'district':
      return typeof raw === 'string' && (districtIds.length === 0 || districtIds.includes(raw)) ? undefined : { code: 'unknown_option' };
    case 'date':
      return typeof raw === 'string' && realDate(raw) ? undefined : { code: 'bad_date' };
    case 'time':
      return typeof raw === 'string' && TIME.test(raw) ? undefined : { code: 'bad_time' };
    case 'point':
      return undefined;
  }
}

function checkFields(fields: readonly Field[], raw: Readonly<Record<string, unknown>>, districtIds: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const f of fields) {
    if (!isVisible(f, raw)) continue;
    if (f.kind === 'group') {
      const items = Array.isArray(raw[f.id]) ? (raw[f.id] as RawItem[]) : [];
      const filled = items.filter(itemHasContent);
      if (f.required && filled.length === 0) errors.push({ path: `${f.id}-add`, code: 'required', kind: 'choice', label: f.label });
      items.forEach((item, i) => {
        if (!itemHasContent(item)) return;
        for (const inner of f.fields) {
          if (!isVisible(inner, item)) continue;
          const e = checkLeaf(inner, item[inner.id], districtIds);
          if (e) errors.push({ path: `${f.id}-${i}-${inner.id}`, kind: inner.kind, label: inner.label, item: { label: f.itemLabel, n: i + 1 }, ...e });
        }
      });
      continue;
    }
    const e = checkLeaf(f, raw[f.id] as RawLeaf | undefined, districtIds);
    if (e) errors.push({ path: f.id, kind: f.kind, label: f.label, ...e });
  }
  return errors;
}

/** Errors of one step, in the order of its fields. The contact is checked on the last step. */
export function validateStep(form: FormDefinition, stepIndex: number, raw: RawAnswers, districtIds: readonly string[], contact = ''): FieldError[] {
  const step = form.steps[stepIndex];
  if (!step) return [];
  const errors = checkFields(step.fields, raw, districtIds);
  if (form.contact && stepIndex === form.steps.length - 1 && contact.trim().length > MAX_CONTACT_LENGTH) {
    errors.push({ path: 'contact', code: 'too_long', kind: 'contact', label: { fr: 'contact', en: 'contact' }, params: { max: MAX_CONTACT_LENGTH, length: contact.trim().length } });
  }
  return errors;
}

/** The first step holding an error, or -1 when the whole form is ready for review. */
export function firstInvalidStep(form: FormDefinition, raw: RawAnswers, districtIds: readonly string[], contact = ''): number {
  return form.steps.findIndex((_, i) => validateStep(form, i, raw, districtIds, contact).length > 0);
}
