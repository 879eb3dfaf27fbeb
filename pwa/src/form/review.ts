/**
 * What the review screen lists: exactly the cleaned answers that will be sealed, each with
 * its label, in the form's order. Values stay structured; the screen formats them.
 */
import type { Answers, FormDefinition, LeafAnswer, LeafField, LocalizedText, Point } from '../../../schemas/form.ts';

export type ReviewValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; n: number }
  | { kind: 'options'; labels: LocalizedText[] }
  | { kind: 'district'; name: string }
  | { kind: 'date'; iso: string }
  | { kind: 'time'; hhmm: string }
  | { kind: 'point'; point: Point };

export interface ReviewRow {
  path: string;
  label: LocalizedText;
  value: ReviewValue;
}

export interface ReviewItem {
  label: LocalizedText;
  n: number;
  rows: ReviewRow[];
}

export interface ReviewSection {
  stepIndex: number;
  title: LocalizedText;
  rows: Array<ReviewRow | { path: string; label: LocalizedText; items: ReviewItem[] }>;
}

function leafValue(field: LeafField, value: LeafAnswer, districts: ReadonlyMap<string, string>): ReviewValue {
  switch (field.kind) {
    case 'number':
      return { kind: 'number', n: value as number };
    case 'choice': {
      const chosen = Array.isArray(value) ? value : [value as string];
      return { kind: 'options', labels: field.options.filter((o) => chosen.includes(o.value)).map((o) => o.label) };
    }
    case 'district':
      return { kind: 'district', name: districts.get(value as string) ?? (value as string) };
    case 'date':
      return { kind: 'date', iso: value as string };
    case 'time':
      return { kind: 'time', hhmm: value as string };
    case 'point':
      return { kind: 'point', point: value as Point };
    default:
      return { kind: 'text', text: value as string };
  }
}

/** Sections of the review, one per step that has at least one answer. */
export function reviewSections(form: FormDefinition, answers: Answers, districts: ReadonlyMap<string, string>): ReviewSection[] {
  const sections: ReviewSection[] = [];
  form.steps.forEach((step, stepIndex) => {
    const rows: ReviewSection['rows'] = [];
    for (const f of step.fields) {
      const value = answers[f.id];
      if (value === undefined) continue;
      if (f.kind === 'group') {
        const items = (value as Array<Record<string, LeafAnswer>>).map((item, i) => ({
          label: f.itemLabel,
          n: i + 1,
          rows: f.fields.filter((inner) => item[inner.id] !== undefined).map((inner) => ({ path: `${f.id}-${i}-${inner.id}`, label: inner.label, value: leafValue(inner, item[inner.id]!, districts) })),
        }));
        rows.push({ path: f.id, label: f.label, items });
      } else {
        rows.push({ path: f.id, label: f.label, value: leafValue(f, value as LeafAnswer, districts) });
      }
    }
    if (rows.length) sections.push({ stepIndex, title: step.title, rows });
  });
  return sections;
}
