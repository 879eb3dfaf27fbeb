/**
 * The conversations of several reports at once, opened in memory, for what leaves the
 * workstation with them (a forwarded dossier, export/forward.ts; a PDF, export/pdfDossier.ts).
 */
import { heldPoliceKeys } from '../session/session.ts';
import type { ReportEntry } from '../reports/reportEntry.ts';
import { fetchConversation, inboxState, threads } from './inbox.ts';
import { openConversationMessage, type OpenedMessage } from './messageCrypto.ts';

/**
 * Every message of these reports, opened in memory: as the inbox holds them (it polls every
 * message of the town), or fetched now if the inbox has not loaded yet. A conversation that
 * cannot be fetched is taken as held.
 */
export async function openedConversations(entries: readonly ReportEntry[]): Promise<Map<string, OpenedMessage[]>> {
  const out = new Map<string, OpenedMessage[]>();
  const keys = heldPoliceKeys();
  for (const entry of entries) {
    if (!entry.mailbox) continue;
    // The inbox holds every message of the town once loaded; before that, fetch this one.
    if (!inboxState.peek().loaded) await fetchConversation(entry.id).catch(() => undefined);
    const opened: OpenedMessage[] = [];
    for (const m of threads.peek().get(entry.id) ?? []) opened.push(await openConversationMessage(m, entry.report?.replyTo ?? null, keys));
    out.set(entry.id, opened);
  }
  return out;
}
