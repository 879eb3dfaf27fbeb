/**
 * Turns opened reports into spreadsheet rows: one row per report, one column per form
 * field with its French label as header (fields of the same id in several forms share a
 * column), choices written as their French labels, repeatable groups (people, vehicles)
 * as one cell with one numbered line per item. Answers a form does not define go to a
 * last column as JSON, so nothing a resident wrote is lost.
 */
import type { Field, FormDefinition } from '../../schemas/form.ts';
import { formFields } from '../../schemas/form.ts';
import { FORMS } from '../../schemas/forms/index.ts';
import type { ReportFlag } from '../../schemas/reportFlag.ts';
import type { ReportPlaintext } from '../../schemas/report.ts';
import { answerText, fieldAnswer, type AnswerTextContext } from '../answers.ts';

/** One report as exported: the Worker's outer facts, the plaintext when it opened, its worst flag. */
export interface ExportEntry {
  seq: number;
  id: string;
  receivedAt: string;
  kid: string;
  flag: ReportFlag | null;
  report: ReportPlaintext | null;
}

const FLAG_TEXT: Record<ReportFlag, string> = {
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

/** A cell: the answer as the officer's screen writes it (client/answers.ts), on one line per group item. */
function cellText(f: Field, value: unknown, ctx: AnswerTextContext): string {
  return value === undefined || value === null ? '' : answerText(fieldAnswer(f, value, ctx).value);
}

/** Header and rows for {@link toCsv}. */
export function reportTable(entries: readonly ExportEntry[], o: TableOptions = {}): { header: string[]; rows: string[][] } {
  const formIds = o.forms ?? Object.keys(FORMS).filter((id) => entries.some((e) => e.report?.form === id));
  const forms = formIds.map((id) => FORMS[id]).filter((f): f is FormDefinition => f !== undefined);
  const columns = columnsFor(forms);
  // In French whatever the screen's language; dates as sent (a spreadsheet sorts them); nothing cut.
  const ctx: AnswerTextContext = { lang: 'fr', districts: o.districtNames ?? new Map(), textMax: Infinity };
  const rows = entries.map((e) => {
    const r = e.report;
    const form = r ? FORMS[r.form] : undefined;
    const known = form && form.version === r?.formVersion ? formFields(form) : [];
    const answers = (r?.answers ?? {}) as Record<string, unknown>;
    const cells = columns.map((c) => {
      const f = known.find((k) => k.id === c.id);
      return f ? cellText(f, answers[c.id], ctx) : '';
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
