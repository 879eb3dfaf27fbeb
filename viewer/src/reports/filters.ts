/**
 * What the officer is looking for (issue 4 "Find"): district, period (received between, or
 * the report's own date), case status, form, assignee, tag, "expire bientôt", and words.
 * The criteria live in memory only and are reset on lock: a search can be as revealing as
 * the reports themselves. {@link applyFilters} is pure; the list, the hotspots, the map and
 * the charts all read the same result (reports/listView.ts).
 */
import { signal } from '@preact/signals';
import type { CaseStatus } from '../../../schemas/caseFile.ts';
import type { CaseState } from '../caseFile/caseState.ts';
import { effectiveExpiry, expiresSoon, type Retention } from '../caseFile/expiry.ts';
import { momentOf, receivedDay, reportMoment } from './reportTime.ts';
import type { ReportEntry } from './reportEntry.ts';
import { matchesTerms, queryTerms, searchTextOf, type SearchContext } from './search.ts';

/** Assignee criterion: anyone, nobody yet, or one officer's id. */
export const UNASSIGNED = 'none';

export interface Filters {
  text: string;
  /** District id, or '' for every district. */
  district: string;
  status: CaseStatus | '';
  /** Form id, or ''. */
  form: string;
  /** '' anyone, {@link UNASSIGNED}, or an officerId. */
  assignee: string;
  tag: string;
  /** Which date the period applies to: arrival, or the date the report gives. */
  period: 'received' | 'reported';
  /** Calendar days `YYYY-MM-DD`, inclusive; '' for open-ended. */
  from: string;
  to: string;
  expiringSoon: boolean;
}

export const NO_FILTERS: Filters = { text: '', district: '', status: '', form: '', assignee: '', tag: '', period: 'received', from: '', to: '', expiringSoon: false };

/** The criteria on screen, shared by the list, the hotspots and the map. */
export const filters = signal<Filters>(NO_FILTERS);

export function setFilter<K extends keyof Filters>(key: K, value: Filters[K]): void {
  filters.value = { ...filters.value, [key]: value };
}

export function clearFilters(): void {
  filters.value = NO_FILTERS;
}

/** How many criteria narrow the list (for "n filtres actifs"). */
export function activeFilterCount(f: Filters): number {
  let n = 0;
  for (const key of ['text', 'district', 'status', 'form', 'assignee', 'tag', 'from', 'to'] as const) if (f[key].trim()) n++;
  if (f.expiringSoon) n++;
  return n;
}

export interface FilterContext extends SearchContext {
  caseOf: (reportId: string) => CaseState;
  retention: Retention;
  now: Date;
  /** For tests; the viewer uses the workstation's zone. */
  timeZone?: string;
}

/** The district an entry names (its answer), or null when unreadable or absent. */
export function districtOf(entry: ReportEntry): string | null {
  const d = entry.report?.answers.district;
  return typeof d === 'string' ? d : null;
}

/**
 * The entries matching every criterion, in the order given (newest first).
 *
 * @example
 * applyFilters(entries, { ...NO_FILTERS, district: 'centre-ville', text: 'degage' }, ctx)
 */
export function applyFilters(entries: readonly ReportEntry[], f: Filters, ctx: FilterContext): ReportEntry[] {
  const terms = queryTerms(f.text);
  const tag = f.tag.trim();
  const from = f.from.trim();
  const to = f.to.trim();
  const byDate = Boolean(from || to);
  const dayOf =
    f.period === 'received'
      ? (e: ReportEntry) => receivedDay(e, ctx.timeZone)
      : ctx.timeZone === undefined
        ? (e: ReportEntry) => momentOf(e).day
        : (e: ReportEntry) => reportMoment(e, ctx.timeZone).day;
  return entries.filter((e) => {
    if (f.district && districtOf(e) !== f.district) return false;
    if (f.form && e.report?.form !== f.form) return false;
    if (byDate) {
      const day = dayOf(e);
      if (from && day < from) return false;
      if (to && day > to) return false;
    }
    if (f.status || f.assignee || tag || f.expiringSoon) {
      const c = ctx.caseOf(e.id);
      if (f.status && c.status !== f.status) return false;
      if (f.assignee === UNASSIGNED ? c.assignee !== null : f.assignee && c.assignee !== f.assignee) return false;
      if (tag && !c.tags.includes(tag)) return false;
      if (f.expiringSoon && !expiresSoon(effectiveExpiry(e.receivedAt, c.expiresAt, ctx.retention), ctx.now)) return false;
    }
    return terms.length === 0 || matchesTerms(searchTextOf(e, ctx), terms);
  });
}
