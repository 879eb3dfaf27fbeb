/**
 * Device storage: ask once for persistent storage (so the browser does not evict a
 * waiting report under pressure), and wipe everything the app keeps.
 */
import { announceChange } from './changes.ts';
import { db } from './db.ts';
import { forgetDraftKey } from './drafts.ts';
import { eraseAppStores } from './erase.ts';
import { clearKeepingChoices } from './phoneChoices.ts';

const ASKED = 'persistAsked';

/** Asks for persistent storage once per install (remembered after the first answer). */
export async function askPersistentStorageOnce(): Promise<boolean | undefined> {
  try {
    if (!navigator.storage?.persist) return undefined;
    if (await navigator.storage.persisted()) return true;
    const database = await db();
    if (await database.settings.get(ASKED)) return undefined;
    await database.settings.put({ name: ASKED, value: true });
    return await navigator.storage.persist();
  } catch {
    return undefined;
  }
}

/** Counts what a wipe would destroy that cannot be recovered: reports and answers not yet delivered. */
export async function undeliveredCounts(): Promise<{ reports: number; answers: number }> {
  const rows = await (await db()).outbox.toArray();
  const answers = rows.filter((r) => r.kind === 'message').length;
  return { reports: rows.length - answers, answers };
}

/**
 * "Effacer toutes les données de l'app": the database (drafts, the device key, the outbox,
 * the sent list, kept receipt codes, settings), local and session storage, and every cache except Workbox's
 * precache (services/erase.ts says why it stays). Deleting the draft key makes any leftover
 * draft bytes on disk unreadable. The phone-privacy choices that are on (quick exit that
 * erases, discreet name) are kept: they reveal nothing about reports (services/phoneChoices.ts).
 */
export async function wipeAll(): Promise<void> {
  forgetDraftKey();
  await eraseAppStores();
  clearKeepingChoices();
  try {
    sessionStorage.clear();
  } catch {
    // Storage may be disabled; nothing to clear then.
  }
  announceChange();
}
