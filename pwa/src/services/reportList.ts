/**
 * "Mes signalements": the lists the home screen shows, kept in signals and refreshed on
 * every change (here, another tab, or the service worker). Content-free by construction:
 * an id, a day, a status and whether its proof of submission checked out are all the rows
 * hold. Answers waiting in the outbox are not reports: the conversation shows them.
 */
import { signal } from '@preact/signals';
import { onChange, announceChange } from './changes.ts';
import { db, type ProofState } from './db.ts';
import { listDrafts } from './drafts.ts';
import { hasPendingProofs, verifyPendingProofs } from './proofs.ts';

export type ReportStatus = 'waiting' | 'rejected' | 'sent';

export interface MyReport {
  id: string;
  day: string;
  status: ReportStatus;
  errorCode?: string;
  /** Sent reports with a receipt: `pending` until the page has checked it. */
  proof?: ProofState | 'pending';
}

export const myReports = signal<MyReport[]>([]);
/** Forms that have a draft in progress (the draft's content stays encrypted). */
export const draftForms = signal<string[]>([]);
export const listsLoaded = signal(false);

export async function refreshLists(): Promise<void> {
  const database = await db();
  const [outbox, sent, drafts] = await Promise.all([database.outbox.toArray(), database.sent.toArray(), listDrafts()]);
  const rows: MyReport[] = [
    ...outbox.filter((r) => (r.kind ?? 'report') === 'report').map((r) => ({ id: r.id, day: r.day, status: r.state, ...(r.errorCode ? { errorCode: r.errorCode } : {}) })),
    ...sent.map((r) => {
      const proof = r.proof ?? (r.receipt ? ('pending' as const) : undefined);
      return { id: r.id, day: r.day, status: 'sent' as const, ...(proof ? { proof } : {}) };
    }),
  ];
  myReports.value = rows.sort((a, b) => b.day.localeCompare(a.day));
  draftForms.value = drafts.map((d) => d.formId);
  listsLoaded.value = true;
  // A receipt the service worker (or this page) just kept is checked now; the check
  // announces a change, which refreshes the lists once more.
  if (hasPendingProofs(sent)) void verifyPendingProofs().catch(() => undefined);
}

/** The status of one report, for the receipt screen. */
export function statusOf(id: string): ReportStatus | undefined {
  return myReports.value.find((r) => r.id === id)?.status;
}

/** Puts a refused report back in the queue (e.g. after the town fixed its configuration). */
export async function retryRejected(id: string): Promise<void> {
  await (await db()).outbox.update(id, { state: 'waiting', errorCode: undefined, attempts: 0, nextAttemptAt: 0, holdUntil: 0 });
  announceChange();
}

let watching = false;

/** Refreshes now and on every later change. */
export function watchLists(): void {
  if (watching) return;
  watching = true;
  onChange(() => void refreshLists().catch(() => undefined));
  void refreshLists().catch(() => undefined);
}
