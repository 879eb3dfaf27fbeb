/**
 * The reports as the officer currently sees them: every report held (reports/reports.ts),
 * narrowed by the criteria (reports/filters.ts), with the choices the filter bar offers and
 * the hotspots of what is shown. The list, the hotspot view, the map and the charts all read
 * these, so they always agree.
 */
import { computed } from '@preact/signals';
import { FORMS } from '../../../schemas/forms/index.ts';
import { caseOf, caseStates } from '../caseFile/caseState.ts';
import { deployment, districtNames } from '../shared/deployment.ts';
import { applyFilters, filters } from './filters.ts';
import { grouping, groupFilter } from '../flood/flood.ts';
import { groupHotspots } from '../analysis/hotspots.ts';
import { reportEntries } from './reports.ts';

export const searchContext = { forms: FORMS, districts: districtNames };

/** The entries the criteria let through, newest first. */
export const filteredEntries = computed(() => {
  // Read so that a case-file change (status, tags…) re-filters.
  void caseStates.value;
  const shown = applyFilters(reportEntries.value, filters.value, { ...searchContext, caseOf, retention: deployment.retention, now: new Date() });
  // A group opened from the groups view (docs/surges.md) narrows like any other criterion.
  const group = groupFilter.value;
  if (group === null) return shown;
  const of = grouping.value.groupOf;
  return shown.filter((e) => of.get(e.id) === group);
});

/** Hotspots among the filtered entries, largest first. */
export const hotspots = computed(() => groupHotspots(filteredEntries.value));

/** Forms seen in the reports held, known forms first, for the form filter. */
export const formChoices = computed(() => {
  const seen = new Set<string>(Object.keys(FORMS));
  for (const e of reportEntries.value) if (e.report) seen.add(e.report.form);
  return [...seen];
});

/** Officers named as assignee in any case file: id and the name last given. */
export const assigneeChoices = computed(() => {
  const out = new Map<string, string | undefined>();
  for (const c of caseStates.value.values()) if (c.assignee) out.set(c.assignee, c.assigneeName ?? out.get(c.assignee));
  return [...out].map(([id, name]) => ({ id, name })).sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id, 'fr'));
});

/** Every tag in use, alphabetical. */
export const tagChoices = computed(() => {
  const out = new Set<string>();
  for (const c of caseStates.value.values()) for (const t of c.tags) out.add(t);
  return [...out].sort((a, b) => a.localeCompare(b, 'fr'));
});
