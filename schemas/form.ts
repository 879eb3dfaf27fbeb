/**
 * Form definitions: a report form is data (steps of fields), rendered by the reporter app,
 * read back by the viewer, and turned into the validator of a report's `answers`.
 * Adding a form (Stop Rodéos, another town's variant) is a new definition, never new code.
 */
import * as v from 'valibot';

/** Text in French first, English second. */
export const LocalizedText = v.object({ fr: v.pipe(v.string(), v.minLength(1)), en: v.pipe(v.string(), v.minLength(1)) });
export type LocalizedText = v.InferOutput<typeof LocalizedText>;

const Id = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,39}$/));

const Option = v.object({ value: Id, label: LocalizedText });

/** Show a field only when another field of the same step or group has a given value. */
const ShowIf = v.object({ field: Id, equals: v.string() });

const base = {
  id: Id,
  label: LocalizedText,
  help: v.optional(LocalizedText),
  required: v.optional(v.boolean()),
  showIf: v.optional(ShowIf),
};

const TextField = v.object({ ...base, kind: v.literal('text'), maxLength: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4000)), multiline: v.optional(v.boolean()) });
const NumberField = v.object({ ...base, kind: v.literal('number'), min: v.number(), max: v.number() });
const ChoiceField = v.object({ ...base, kind: v.literal('choice'), multiple: v.optional(v.boolean()), options: v.pipe(v.array(Option), v.minLength(2)) });
/** The town's districts, taken from the deployment configuration. */
const DistrictField = v.object({ ...base, kind: v.literal('district') });
const DateField = v.object({ ...base, kind: v.literal('date') });
const TimeField = v.object({ ...base, kind: v.literal('time') });
/** A point, taken from the phone's location only when the resident asks for it. */
const PointField = v.object({ ...base, kind: v.literal('point') });

const LeafField = v.variant('kind', [TextField, NumberField, ChoiceField, DistrictField, DateField, TimeField, PointField]);
export type LeafField = v.InferOutput<typeof LeafField>;

/** A repeatable group (people, vehicles): each item holds the leaf fields. */
const GroupField = v.object({
  ...base,
  kind: v.literal('group'),
  maxItems: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20)),
  itemLabel: LocalizedText,
  addLabel: LocalizedText,
  fields: v.pipe(v.array(LeafField), v.minLength(1)),
});

export const Field = v.variant('kind', [TextField, NumberField, ChoiceField, DistrictField, DateField, TimeField, PointField, GroupField]);
export type Field = v.InferOutput<typeof Field>;
export type GroupField = v.InferOutput<typeof GroupField>;

const Step = v.object({ id: Id, title: LocalizedText, help: v.optional(LocalizedText), fields: v.pipe(v.array(Field), v.minLength(1)) });
export type FormStep = v.InferOutput<typeof Step>;

export const FormDefinition = v.object({
  id: Id,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  title: LocalizedText,
  summary: LocalizedText,
  /** At most six short screens (issue 2): a resident should finish in about two minutes. */
  steps: v.pipe(v.array(Step), v.minLength(1), v.maxLength(6)),
  /** Whether the last step offers an optional way to be contacted (PROTOCOL §2 `contact`). */
  contact: v.optional(v.boolean()),
});
export type FormDefinition = v.InferOutput<typeof FormDefinition>;

/** A point as stored in answers; rounded on the device (see docs/decisions.md). */
export const Point = v.object({
  lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
  lon: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
  accuracy: v.optional(v.pipe(v.number(), v.minValue(0))),
});
export type Point = v.InferOutput<typeof Point>;

export type LeafAnswer = string | string[] | number | Point;
export type GroupAnswer = Array<Record<string, LeafAnswer>>;
export type Answers = Record<string, LeafAnswer | GroupAnswer>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

function leafSchema(field: LeafField, districtIds: readonly string[]): v.GenericSchema {
  switch (field.kind) {
    case 'text':
      return v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(field.maxLength));
    case 'number':
      return v.pipe(v.number(), v.integer(), v.minValue(field.min), v.maxValue(field.max));
    case 'choice': {
      const values = field.options.map((o) => o.value) as [string, ...string[]];
      return field.multiple ? v.pipe(v.array(v.picklist(values)), v.minLength(1), v.maxLength(values.length)) : v.picklist(values);
    }
    case 'district':
      // An unknown district (a retired one, an outside client) is kept as text, not refused.
      return districtIds.length ? v.pipe(v.string(), v.minLength(1), v.maxLength(64)) : v.string();
    case 'date':
      return v.pipe(v.string(), v.regex(DATE));
    case 'time':
      return v.pipe(v.string(), v.regex(TIME));
    case 'point':
      return Point;
  }
}

function fieldsSchema(fields: readonly (LeafField | Field)[], districtIds: readonly string[]) {
  const entries: Record<string, v.GenericSchema> = {};
  for (const f of fields) {
    const s = f.kind === 'group' ? v.pipe(v.array(fieldsSchema(f.fields, districtIds)), v.maxLength(f.maxItems)) : leafSchema(f, districtIds);
    // `showIf` fields may be absent even when required: requiredness is checked by the app.
    entries[f.id] = f.required && !f.showIf ? s : v.optional(s);
  }
  return v.object(entries);
}

/**
 * The validator of a report's `answers` for one form, derived from its definition.
 * Unknown answer keys are dropped, like unknown JSON fields everywhere.
 *
 * @example
 * v.parse(answersSchema(stopDeal, ['centre']), { district: 'centre', place: 'Hall B' })
 */
export function answersSchema(form: FormDefinition, districtIds: readonly string[] = []) {
  return fieldsSchema(form.steps.flatMap((s) => s.fields), districtIds);
}

/** Every field of a form, in order, groups included (not their inner fields). */
export function formFields(form: FormDefinition): Field[] {
  return form.steps.flatMap((s) => s.fields);
}
