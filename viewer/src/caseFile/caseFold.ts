/**
 * Case files from their events (PROTOCOL §5 "the case file … is itself sealed"): opened
 * events applied in `seq` order into one state per report. Pure, so it is tested in Node.
 *
 * Only events that opened, whose signature and author verified, and that were signed for the
 * report they are filed under change a case. Every other event stays in the history, flagged
 * (issue 4: "shown flagged, never hidden"), and changes nothing: a Worker (or anyone holding
 * the police public key) could file a replayed or forged event, but cannot make it count.
 */
import type { CaseEventBody } from '../../../schemas/caseFile.ts';
import { DEFAULT_CASE, type CaseHistoryItem, type CaseState, type EventProblem } from './caseState.ts';
import { defaultExpiry, type Retention } from './expiry.ts';

/** One stored event as the viewer holds it once opened. */
export interface EventRecord {
  seq: number;
  /** The report the Worker files it under (the outer `reportId`). */
  reportId: string;
  /** When the Worker stored it (its own clock). */
  storedAt: string;
  /** The proven content and author, or null when it could not be opened or proven. */
  opened: { event: CaseEventBody; officerId: string } | null;
  /** Why it could not be opened or proven. */
  problem: Extract<EventProblem, 'integrity' | 'unknown-key' | 'invalid-content'> | null;
}

/** A case as its events make it, before the retention rules give its `expiresAt`. */
export interface FoldedCase extends Omit<CaseState, 'expiresAt'> {
  /** The latest expiry officers recorded (an `expiry` event), if any. */
  recordedExpiry: string | null;
}

const sameTag = (a: string, b: string) => a.toLocaleLowerCase('fr') === b.toLocaleLowerCase('fr');

/** `tags` with `add` (once each, whatever the case) and without `remove`. */
export function applyTags(tags: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const out = [...tags];
  for (const t of add) if (!out.some((x) => sameTag(x, t))) out.push(t);
  return out.filter((x) => !remove.some((r) => sameTag(r, x)));
}

function detailOf(event: CaseEventBody): { type: CaseHistoryItem['type']; detail: Record<string, unknown> } {
  switch (event.type) {
    case 'status':
      return { type: 'status', detail: { status: event.status } };
    case 'assign':
      return { type: 'assign', detail: { assignee: event.assignee, assigneeName: event.assigneeName } };
    case 'tags':
      return { type: 'tags', detail: { add: event.add, remove: event.remove } };
    case 'note':
      return { type: 'note', detail: { text: event.text } };
    case 'forward':
      return { type: 'forward', detail: { unit: event.unit, unitKid: event.unitKid, count: event.reportIds.length } };
    case 'expiry':
      return { type: 'expiry', detail: { expiresAt: event.expiresAt } };
  }
}

/**
 * The history line of one record, and whether it may change the case. `roster` (officer ids
 * on the roster, revoked ones included) is known to administrators only; without it the
 * author is proven by its signature but not checked against the roster.
 */
export function historyItem(r: EventRecord, roster: ReadonlySet<string> | null): { item: CaseHistoryItem; applies: boolean } {
  if (!r.opened) {
    return { item: { seq: r.seq, at: r.storedAt, officerId: '', type: 'unreadable', detail: {}, verified: false, problem: r.problem ?? 'integrity' }, applies: false };
  }
  const { event, officerId } = r.opened;
  const problem: EventProblem | undefined = event.reportId !== r.reportId ? 'report-mismatch' : roster && !roster.has(officerId) ? 'unknown-author' : undefined;
  const item: CaseHistoryItem = { seq: r.seq, at: event.at, officerId, authorName: event.authorName, ...detailOf(event), verified: !problem };
  if (problem) item.problem = problem;
  return { item, applies: !problem };
}

function emptyCase(): FoldedCase {
  const { expiresAt: _, ...rest } = DEFAULT_CASE;
  return { ...rest, tags: [], history: [], recordedExpiry: null };
}

/** Applies every record, in `seq` order, into one case per report that has events. */
export function foldCases(records: readonly EventRecord[], roster: ReadonlySet<string> | null = null): Map<string, FoldedCase> {
  const out = new Map<string, FoldedCase>();
  const sorted = [...records].sort((a, b) => a.seq - b.seq);
  for (const r of sorted) {
    let c = out.get(r.reportId);
    if (!c) out.set(r.reportId, (c = emptyCase()));
    const { item, applies } = historyItem(r, roster);
    c.history.push(item);
    if (!applies || !r.opened) continue;
    const e = r.opened.event;
    switch (e.type) {
      case 'status':
        c.status = e.status;
        break;
      case 'assign':
        c.assignee = e.assignee;
        c.assigneeName = e.assigneeName;
        break;
      case 'tags':
        c.tags = applyTags(c.tags, e.add, e.remove);
        break;
      case 'note':
        c.notes++;
        break;
      case 'forward':
        c.forwarded = true;
        break;
      case 'expiry':
        c.recordedExpiry = e.expiresAt;
        break;
    }
  }
  return out;
}

/**
 * The display name each officer last gave in a proven event (D13: officers are known by
 * their fingerprint and the name they chose). Names are claims of their author, shown as such.
 */
export function namesOf(records: readonly EventRecord[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of [...records].sort((a, b) => a.seq - b.seq)) {
    const name = r.opened?.event.authorName?.trim();
    if (r.opened && name) out.set(r.opened.officerId, name);
  }
  return out;
}

/**
 * Every held report's case (the `caseStates` contract), with its `expiresAt`: reports without
 * events get the default case and the default expiry; cases of reports not held (deleted, or
 * not fetched yet) keep what their events say.
 */
/** Default expiries already computed, by retention and arrival hour (kept across rebuilds). */
const byAgeMemo = new Map<string, string>();
const BY_AGE_MEMO_MAX = 100_000;

export function buildCaseStates(
  entries: readonly { id: string; receivedAt: string }[],
  folded: ReadonlyMap<string, FoldedCase>,
  retention: Retention,
  names: ReadonlyMap<string, string>,
): Map<string, CaseState> {
  const out = new Map<string, CaseState>();
  // Thousands of reports share a few hundred arrival hours: their default expiry, and the state
  // of a report without events, are computed once per hour (states are read-only, so shared).
  const untouched = new Map<string, CaseState>();
  const ageLimit = (receivedAt: string) => {
    const key = `${retention.months}|${receivedAt}`;
    let e = byAgeMemo.get(key);
    if (e === undefined) {
      if (byAgeMemo.size >= BY_AGE_MEMO_MAX) byAgeMemo.clear();
      byAgeMemo.set(key, (e = defaultExpiry(receivedAt, retention)));
    }
    return e;
  };
  const toState = (c: FoldedCase, receivedAt: string | null): CaseState => {
    const { recordedExpiry, ...rest } = c;
    const limit = receivedAt ? ageLimit(receivedAt) : null;
    const expiresAt = limit === null ? recordedExpiry : recordedExpiry !== null && recordedExpiry < limit ? recordedExpiry : limit;
    const assigneeName = c.assignee ? (c.assigneeName ?? names.get(c.assignee)) : undefined;
    const state: CaseState = { ...rest, expiresAt };
    if (assigneeName) state.assigneeName = assigneeName;
    else delete state.assigneeName;
    return state;
  };
  for (const e of entries) {
    const c = folded.get(e.id);
    if (c) {
      out.set(e.id, toState(c, e.receivedAt));
      continue;
    }
    let state = untouched.get(e.receivedAt);
    if (!state) untouched.set(e.receivedAt, (state = Object.freeze({ ...DEFAULT_CASE, expiresAt: ageLimit(e.receivedAt) })));
    out.set(e.id, state);
  }
  for (const [id, c] of folded) if (!out.has(id)) out.set(id, toState(c, null));
  return out;
}
