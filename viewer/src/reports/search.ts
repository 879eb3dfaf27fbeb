/**
 * Full-text search over decrypted reports, in memory only (issue 4 "Find"): nothing here is
 * ever written anywhere, and the index dies with the page on lock. Matching is accent-,
 * case- and punctuation-insensitive, French-aware: "degage" finds "dégagé", "oeil" finds
 * "œil", "d'escalier" finds "d’escalier", "12 rue" finds "12, Rue". Every word of the query
 * must appear somewhere in the report (AND), as the start of a word or inside one.
 *
 * Pure (no signals), so that the report worker can build a report's text while it opens
 * it, and Node tests can check it.
 */
import type { Field, FormDefinition } from '../../../schemas/form.ts';
import type { ReportPlaintext } from '../../../schemas/report.ts';
import type { DistrictName } from './answers.ts';
import type { ReportEntry } from './reportEntry.ts';

/** Past this many characters a value is not indexed further (a report holds at most 64 KiB). */
const VALUE_MAX = 20_000;

/**
 * Folds text for comparison: lower case, no accents (NFKD then combining marks dropped),
 * French ligatures spelled out, every run of punctuation or spaces made one space.
 *
 * @example
 * normalizeText('Cage d’escalier, DÉGAGÉ !') // 'cage d escalier degage'
 */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a query, folded like the text they are looked for in. */
export function queryTerms(query: string): string[] {
  const folded = normalizeText(query);
  return folded ? [...new Set(folded.split(' '))] : [];
}

/** Whether folded `text` holds every one of `terms`. No terms: everything matches. */
export function matchesTerms(text: string, terms: readonly string[]): boolean {
  for (const t of terms) if (!text.includes(t)) return false;
  return true;
}

export interface SearchContext {
  forms: Readonly<Record<string, FormDefinition>>;
  districts: readonly DistrictName[];
}

function push(out: string[], value: unknown): void {
  if (typeof value === 'string') out.push(value.length > VALUE_MAX ? value.slice(0, VALUE_MAX) : value);
  else if (typeof value === 'number' && Number.isFinite(value)) out.push(String(value));
  else if (Array.isArray(value)) for (const x of value) push(out, x);
  else if (value && typeof value === 'object') for (const x of Object.values(value as Record<string, unknown>)) push(out, x);
}

/** A field's answer as words: its raw value and, for choices, the labels in both languages. */
function pushField(out: string[], field: Field, value: unknown, ctx: SearchContext): void {
  if (field.kind === 'group') {
    if (!Array.isArray(value)) return push(out, value);
    for (const item of value) {
      if (!item || typeof item !== 'object' || Array.isArray(item)) {
        push(out, item);
        continue;
      }
      const record = item as Record<string, unknown>;
      for (const [key, x] of Object.entries(record)) {
        const sub = field.fields.find((f) => f.id === key);
        if (sub) pushField(out, sub, x, ctx);
        else push(out, x);
      }
    }
    return;
  }
  if (field.kind === 'choice') {
    for (const x of Array.isArray(value) ? value : [value]) {
      const option = field.options.find((o) => o.value === x);
      if (option) out.push(option.label.fr, option.label.en);
      else push(out, x);
    }
    return;
  }
  if (field.kind === 'district' && typeof value === 'string') {
    out.push(ctx.districts.find((d) => d.id === value)?.name ?? value);
    return;
  }
  if (field.kind === 'point') return; // coordinates are not words
  push(out, value);
}

/**
 * Everything an officer may look for in one report, folded: form title, every answer
 * (choices by their labels, districts by name), contact, and the ids.
 */
export function searchableText(outerId: string, report: ReportPlaintext | null, ctx: SearchContext): string {
  const out: string[] = [outerId];
  if (report) {
    out.push(report.id);
    const form = Object.hasOwn(ctx.forms, report.form) ? ctx.forms[report.form] : undefined;
    if (form) out.push(form.title.fr, form.title.en);
    else out.push(report.form);
    const fields = new Map((form?.steps ?? []).flatMap((s) => s.fields).map((f) => [f.id, f] as const));
    for (const [key, value] of Object.entries(report.answers)) {
      const field = fields.get(key);
      if (field) pushField(out, field, value, ctx);
      else push(out, value);
    }
    if (report.contact) out.push(report.contact);
    for (const a of report.attachments ?? []) if (a.name) out.push(a.name);
  }
  return out.map(normalizeText).filter(Boolean).join(' \n ');
}

/**
 * Folded texts of the reports held, by entry. The report worker hands each text over with
 * its entry; an entry opened elsewhere gets its text on first search.
 */
const texts = new WeakMap<ReportEntry, string>();

export function rememberSearchText(entry: ReportEntry, text: string): void {
  texts.set(entry, text);
}

export function searchTextOf(entry: ReportEntry, ctx: SearchContext): string {
  let text = texts.get(entry);
  if (text === undefined) {
    text = searchableText(entry.id, entry.report, ctx);
    texts.set(entry, text);
  }
  return text;
}
