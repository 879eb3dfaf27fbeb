/**
 * "Garder ce code sur ce téléphone" (issue 3). Off by default. A kept receipt code is boxed
 * under the device key like a draft (crypto/draftBox.ts, services/deviceKey.ts), bound to
 * its row; the row's primary key is the report id, and nothing is indexed.
 *
 * Why boxed rather than stored as text: the code is the whole conversation (PROTOCOL §4),
 * so it gets at least the drafts' protection: a copy of the storage does not show it as
 * text, and "Effacer toutes les données" deletes the key, so bytes the storage engine has
 * not compacted away yet no longer open. What it does not protect against, said on screen:
 * anyone who opens the app on this phone can read the conversation, as the app can.
 *
 * When the app opens it checks the kept mailboxes once and counts the police messages that
 * came since the resident last looked (the badge); no push service, no third party.
 */
import { computed, signal } from '@preact/signals';
import { mailboxAuthorization } from '../../../schemas/mailbox-api.ts';
import { openDraft, sealDraft } from '../../../crypto/draftBox.ts';
import { announceChange, onChange } from './changes.ts';
import { followInWorker } from './cryptoWorker.ts';
import { db, localDay } from './db.ts';
import { boxId, deviceKey } from './deviceKey.ts';
import { mailboxPath, readMailbox } from './mailbox.ts';

export interface KeptEntry {
  id: string;
  day: string;
}

interface KeptContent {
  v: 1;
  code: string;
  /** The highest police `seq` the resident has seen on this phone. */
  seenSeq: number;
}

/** Kept conversations, without their codes (those stay boxed until one is opened). */
export const keptList = signal<KeptEntry[]>([]);
/** New police messages per kept report since last seen, from the check at app start. */
export const unread = signal<ReadonlyMap<string, number>>(new Map());
export const unreadTotal = computed(() => [...unread.value.values()].reduce((a, b) => a + b, 0));

export async function refreshKept(): Promise<void> {
  const rows = await (await db()).mailboxes.toArray();
  keptList.value = rows.map((r) => ({ id: r.id, day: r.day })).sort((a, b) => b.day.localeCompare(a.day));
  const ids = new Set(rows.map((r) => r.id));
  if ([...unread.peek().keys()].some((id) => !ids.has(id))) unread.value = new Map([...unread.peek()].filter(([id]) => ids.has(id)));
}

export const isKept = (id: string): boolean => keptList.value.some((k) => k.id === id);

async function store(id: string, content: KeptContent, day?: string): Promise<void> {
  const database = await db();
  const box = await sealDraft(await deviceKey(), boxId.keptCode(id), content);
  const existing = await database.mailboxes.get(id);
  await database.mailboxes.put({ id, day: day ?? existing?.day ?? localDay(), ...box });
}

/** Keeps `code` (the code of report `id`) on this phone, boxed. */
export async function keepCode(id: string, code: string, seenSeq = 0): Promise<void> {
  await store(id, { v: 1, code, seenSeq });
  await refreshKept();
  announceChange();
}

/** Stops keeping it: the row goes (the code remains only in the resident's notes). */
export async function forgetCode(id: string): Promise<void> {
  await (await db()).mailboxes.delete(id);
  await refreshKept();
  announceChange();
}

/** The kept code of report `id`, opened; null if not kept or if it no longer opens. */
export async function keptCode(id: string): Promise<{ code: string; seenSeq: number } | null> {
  const row = await (await db()).mailboxes.get(id);
  if (!row) return null;
  try {
    const content = (await openDraft(await deviceKey(), boxId.keptCode(id), row)) as Partial<KeptContent>;
    if (typeof content?.code !== 'string') return null;
    return { code: content.code, seenSeq: typeof content.seenSeq === 'number' ? content.seenSeq : 0 };
  } catch {
    return null;
  }
}

/** The resident has seen police messages up to `seq` in kept conversation `id`. */
export async function markSeen(id: string, seq: number): Promise<void> {
  if (unread.peek().get(id)) unread.value = new Map([...unread.peek()].filter(([k]) => k !== id));
  const kept = await keptCode(id);
  if (!kept || seq <= kept.seenSeq) return;
  await store(id, { v: 1, code: kept.code, seenSeq: seq });
}

/** Police messages after `seenSeq`, in a list from the mailbox (pure, for the badge). */
export function newPoliceCount(messages: ReadonlyArray<{ seq: number; from: string }>, seenSeq: number): number {
  return messages.filter((m) => m.from === 'police' && m.seq > seenSeq).length;
}

let checked = false;

/**
 * Once per app start, when online: counts new police messages in every kept mailbox. A
 * mailbox that cannot be read now (offline, server) is left out of the badge, not retried
 * in a loop; the next start, or opening the conversation, tells.
 */
export async function checkKeptMailboxes(): Promise<void> {
  if (checked) return;
  checked = true;
  await refreshKept();
  const counts = new Map<string, number>();
  for (const { id } of keptList.peek()) {
    const kept = await keptCode(id);
    if (!kept) continue;
    try {
      const keys = await followInWorker(kept.code);
      const read = await readMailbox((input, init) => fetch(input, init), mailboxPath(keys.id), mailboxAuthorization(keys.mailboxSecret), kept.seenSeq);
      if (read.kind === 'ok') {
        const n = newPoliceCount(read.messages, kept.seenSeq);
        if (n) counts.set(id, n);
      }
    } catch {
      // The crypto worker could not start: no badge this time.
    }
  }
  unread.value = counts;
}

let watching = false;

/** Keeps {@link keptList} fresh (a wipe, another tab) and runs the start-up check once online. */
export function watchKept(): void {
  if (watching) return;
  watching = true;
  onChange(() => void refreshKept().catch(() => undefined));
  const start = () => {
    if (!navigator.onLine) return;
    removeEventListener('online', start);
    void checkKeptMailboxes().catch(() => undefined);
  };
  addEventListener('online', start);
  void refreshKept()
    .catch(() => undefined)
    .then(start);
}
