/**
 * `caseStates`, the contract the lists read (caseFile/caseState.ts): every change of events,
 * reports or roster rebuilds the derived states, in one pass (a few milliseconds for ten
 * thousand reports), and changes in one burst (pages of reports joining the list one after
 * the other) rebuild once. Runs while unlocked (session/start.ts).
 */
import { effect } from '@preact/signals';
import { rosterIds } from '../admin/roster.ts';
import { reportEntries } from '../reports/reports.ts';
import { deployment } from '../shared/deployment.ts';
import { buildCaseStates, foldCases } from './caseFold.ts';
import { caseStates } from './caseState.ts';
import { eventRecords, officerNames } from './events.ts';

let rebuildQueued = false;
let dispose: (() => void) | undefined;

function rebuild(): void {
  rebuildQueued = false;
  if (!dispose) return;
  const folded = foldCases(eventRecords.peek(), rosterIds.peek());
  caseStates.value = buildCaseStates(reportEntries.peek(), folded, deployment.retention, officerNames.peek());
}

/** Starts rebuilding `caseStates` whenever events, reports or the roster change. */
export function startCaseStates(): void {
  dispose?.();
  dispose = effect(() => {
    void eventRecords.value;
    void rosterIds.value;
    void reportEntries.value;
    if (rebuildQueued) return;
    rebuildQueued = true;
    queueMicrotask(rebuild);
  });
}

/** Stops rebuilding and empties `caseStates` (the events and reports it came from are gone). */
export function stopCaseStates(): void {
  dispose?.();
  dispose = undefined;
  caseStates.value = new Map();
}
