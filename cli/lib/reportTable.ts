/**
 * Turns opened reports into spreadsheet rows: one row per report, one column per form
 * field with its French label as header (fields of the same id in several forms share a
 * column), choices written as their French labels, repeatable groups (people, vehicles)
 * as one cell with one numbered line per item. Answers a form does not define go to a
 * last column as JSON, so nothing a resident wrote is lost.
 */
import type { Field, FormDefinition, LeafField } from '../../schemas/form.ts';
import { formFields } from '../../schemas/form.ts';
import { FORMS } from '../../schemas/forms/index.ts';
import type { ExportEntry, ExportFlag } from './openItem.ts';

const FLAG_TEXT: Record<ExportFlag, string> = {
  unknown_key: 'illisible : clé de police non détenue',
  undecryptable: 'illisible : chiffré altéré',
  invalid_content: 'illisible : contenu non conforme',
  id_mismatch: 'attention : identifiant scellé différent',
  unknown_form: 'formulaire inconnu',
  invalid_answers: 'réponses non conformes au formulaire',
};

const BASE_HEADER = ['N°', 'Identifiant', 'Reçu le (heure)', 'Clé (kid)', 'Alerte', 'Formulaire', 'Rédigé le'];
const TAIL_HEADER = ['Contact', 'Réponse possible', 'Pièces jointes', 'Autres réponses'];

export interface TableOptions {
  /** District id → name, from the deployment file when given. */
  districtNames?: ReadonlyMap<string, string>;
  /** Forms whose columns to show; default: the forms of the exported reports. */
  forms?: readonly string[];
}

interface Column {
  id: string;
  header: string;
  fields: Field[];
}

function columnsFor(forms: readonly FormDefinition[]): Column[] {
  const byId = new Map<string, Column>();
  for (const form of forms) {
    for (const f of formFields(form)) {
      const col = byId.get(f.id);
      if (!col) byId.set(f.id, { id: f.id, header: f.label.fr, fields: [f] });
      else {
        col.fields.push(f);
        if (!col.header.split(' / ').includes(f.label.fr)) col.header += ` / ${f.label.fr}`;
      }
    }
  }
  return [...byId.values()];
}

const raw = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x));

function leafText(f: LeafField, value: unknown, o: TableOptions): string {
  if (value === undefined || value === null) return '';
  switch (f.kind) {
    case 'choice': {
      const label = (x: unknown) => f.options.find((opt) => opt.value === x)?.label.fr ?? raw(x);
      return Array.isArray(value) ? value.map(label).join(', ') : label(value);
    }
    case 'district':
      return typeof value === 'string' ? (o.districtNames?.get(value) ?? value) : raw(value);
    case 'point': {
      const p = value as { lat?: unknown; lon?: unknown; accuracy?: unknown };
      if (typeof p.lat !== 'number' || typeof p.lon !== 'number') return raw(value);
      return `${p.lat}, ${p.lon}` + (typeof p.accuracy === 'number' ? ` (± ${Math.round(p.accuracy)} m)` : '');
    }
    case 'number':
      return typeof value === 'number' ? String(value) : raw(value);
    default:
      return raw(value);
  }
}

function fieldText(f: Field, value: unknown, o: TableOptions): string {
  if (f.kind !== 'group') return leafText(f, value, o);
  if (value === undefined || value === null) return '';
  if (!Array.isArray(value)) return raw(value);
  return value
    .map((item, i) => {
      const parts = f.fields
        .filter((sub) => item && typeof item === 'object' && (item as Record<string, unknown>)[sub.id] !== undefined)
        .map((sub) => `${sub.label.fr} : ${leafText(sub, (item as Record<string, unknown>)[sub.id], o)}`);
      return `${i + 1}. ${parts.join(' ; ') || raw(item)}`;
    })
    .join('\n');
}

/** Header and rows for {@link toCsv}. */
export function reportTable(entries: readonly ExportEntry[], o: TableOptions = {}): { header: string[]; rows: string[][] } {
  const formIds = o.forms ?? Object.keys(FORMS).filter((id) => entries.some((e) => e.report?.form === id));
  const forms = formIds.map((id) => FORMS[id]).filter((f): f is FormDefinition => f !== undefined);
  const columns = columnsFor(forms);
  const rows = entries.map((e) => {
    const r = e.report;
    const form = r ? FORMS[r.form] : undefined;
    const known = form && form.version === r?.formVersion ? formFields(form) : [];
    const answers = (r?.answers ?? {}) as Record<string, unknown>;
    const cells = columns.map((c) => {
      const f = known.find((k) => k.id === c.id);
      return f ? fieldText(f, answers[c.id], o) : '';
    });
    const shown = new Set(known.filter((k) => columns.some((c) => c.id === k.id)).map((k) => k.id));
    const others = Object.fromEntries(Object.entries(answers).filter(([k]) => !shown.has(k)));
    return [
      String(e.seq),
      e.id,
      e.receivedAt,
      e.kid,
      e.flag ? FLAG_TEXT[e.flag] : '',
      r ? `${form?.title.fr ?? r.form} (v${r.formVersion})` : '',
      r?.createdAt ?? '',
      ...cells,
      r?.contact ?? '',
      r ? (r.replyTo ? 'oui' : 'non') : '',
      r ? String((r.attachments ?? []).length) : '',
      Object.keys(others).length ? JSON.stringify(others) : '',
    ];
  });
  return { header: [...BASE_HEADER, ...columns.map((c) => c.header), ...TAIL_HEADER], rows };
}
