/** Report entries for the Node tests of finding, hotspots, charts and exports. */
import type { ReportPlaintext } from '../../../schemas/report.ts';
import type { CaseState } from '../caseFile/caseState.ts';
import { DEFAULT_CASE } from '../caseFile/caseState.ts';
import type { ReportEntry } from './reportEntry.ts';

let seq = 0;

/** A readable entry; `id` defaults to a unique 22-character value. */
export function entry(answers: Record<string, unknown>, o: { id?: string; receivedAt?: string; form?: string; contact?: string | null } = {}): ReportEntry {
  seq++;
  const id = o.id ?? `R${String(seq).padStart(21, '0')}`;
  const report: ReportPlaintext = { v: 1, id, form: o.form ?? 'stop-deal', formVersion: 1, createdAt: '2026-11-23T21:40:00Z', answers, contact: o.contact ?? null, replyTo: null, attachments: [] };
  return { seq, id, kid: 'KIDKIDKIDKIDKIDKIDKIDK', receivedAt: o.receivedAt ?? '2026-11-23T21:00:00Z', mailbox: false, blobs: [], report, problems: [] };
}

/** An entry that could not be opened. */
export function unreadable(o: { id?: string; receivedAt?: string } = {}): ReportEntry {
  seq++;
  const id = o.id ?? `U${String(seq).padStart(21, '0')}`;
  return { seq, id, kid: 'KIDKIDKIDKIDKIDKIDKIDK', receivedAt: o.receivedAt ?? '2026-11-23T21:00:00Z', mailbox: false, blobs: [], report: null, problems: ['undecryptable'] };
}

/** A `caseOf` over a few case states; other reports are new. */
export function cases(states: Record<string, Partial<CaseState>>): (id: string) => CaseState {
  return (id) => ({ ...DEFAULT_CASE, ...states[id] });
}
