/**
 * What the list needs against a flood (issue 7 point 3, docs/surges.md): the arrival rate
 * (flood/surge.ts) with the effort the Worker asks now (`GET /api/v1/meta`, PROTOCOL §3:
 * `powBits` above `powBase` means it has raised it), and the groups of identical and
 * near-identical reports (flood/duplicates.ts), computed in memory from the decrypted
 * reports only when a screen reads them. `groupFilter` narrows the list to one group.
 */
import { computed, effect, signal } from '@preact/signals';
import { MetaAnswer } from '../../../schemas/api.ts';
import { publicJson } from '../shared/api.ts';
import { deployment } from '../shared/deployment.ts';
import { fingerprintText, groupDuplicates } from './duplicates.ts';
import type { ReportEntry } from '../reports/reportEntry.ts';
import { reportEntries } from '../reports/reports.ts';
import { surgeOf } from './surge.ts';

export const surge = computed(() => surgeOf(reportEntries.value.map((e) => e.receivedAt), new Date()));

/** The effort asked now and the deployment's base, when the Worker says both. */
export const effort = signal<{ bits: number; base: number } | null>(null);

async function readEffort(): Promise<void> {
  const meta = await publicJson(deployment.apiOrigin, '/api/v1/meta', MetaAnswer);
  effort.value = meta && meta.powBase !== undefined ? { bits: meta.powBits, base: meta.powBase } : null;
}

let asked = false;
let stopAsking: (() => void) | undefined;

/** Starts after unlock (session/start.ts): the effort is asked when a surge starts, when the answer matters. */
export function startFlood(): void {
  stopAsking?.();
  stopAsking = effect(() => {
    const abnormal = surge.value.abnormal;
    if (abnormal && !asked) void readEffort();
    asked = abnormal;
  });
}

/** Fingerprints by entry: a report's text is folded once (entries are replaced, not mutated). */
const prints = new WeakMap<ReportEntry, string>();
function printOf(e: ReportEntry): string {
  let p = prints.get(e);
  if (p === undefined) {
    p = e.report ? fingerprintText(e.report) : '';
    prints.set(e, p);
  }
  return p;
}

/** Groups of two or more among every report held, largest first. */
export const grouping = computed(() => groupDuplicates(reportEntries.value.map((e) => ({ id: e.id, text: printOf(e) }))));

/** The group the list is narrowed to (its id), or null. */
export const groupFilter = signal<string | null>(null);

/** Report ids of the group `id`. */
export function groupIds(id: string): readonly string[] {
  return grouping.value.groups.find((g) => g.id === id)?.ids ?? [];
}

/** On lock: forgets the group shown and the effort. */
export function stopFlood(): void {
  stopAsking?.();
  stopAsking = undefined;
  groupFilter.value = null;
  effort.value = null;
  asked = false;
}
