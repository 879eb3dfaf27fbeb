/**
 * "Mes signalements": the lists the home screen shows, kept in signals and refreshed on
 * every change (here, another tab, or the service worker). Content-free by construction:
 * an id, a day and a status are all the rows hold.
 */
import { signal } from '@preact/signals';
import { onChange, announceChange } from './changes.ts';
import { db } from './db.ts';
import { listDrafts } from './drafts.ts';

export type ReportStatus = 'waiting' | 'rejected' | 'sent';

export interface MyReport {
  id: string;
  day: string;
  status: ReportStatus;
  errorCode?: string;
}

export const myReports = signal<MyReport[]>([]);
/** Forms that have a draft in progress (the draft's content stays encrypted). */
export const draftForms = signal<string[]>([]);
export const listsLoaded = signal(false);

export async function refreshLists(): Promise<void> {
  const database = await db();
  const [outbox, sent, drafts] = await Promise.all([database.outbox.toArray(), database.sent.toArray(), listDrafts()]);
  const rows: MyReport[] = [
    ...outbox.map((r) => ({ id: r.id, day: r.day, status: r.state, ...(r.errorCode ? { errorCode: r.errorCode } : {}) })),
    ...sent.map((r) => ({ id: r.id, day: r.day, status: 'sent' as const })),
  ];
  myReports.value = rows.sort((a, b) => b.day.localeCompare(a.day));
  draftForms.value = drafts.map((d) => d.formId);
  listsLoaded.value = true;
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
