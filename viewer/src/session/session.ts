/**
 * The unlocked keyring, held in this module's memory only (PROTOCOL §7: plaintext secret
 * keys never touch the browser's persistent storage). Locking wipes what it can and
 * reloads the document, so that nothing decrypted survives in the page (DESIGN, threat
 * model "stolen officer laptop"). What starts after unlock and stops on lock is not here:
 * `unlock()` and `lock()` in session/start.ts name every step, in order.
 */
import { computed, signal } from '@preact/signals';
import { forgetSecretKeys, KeyringFormatError, unlockKeyring, WrongPassphraseError } from '../../../crypto/index.ts';
import type { KeyringFile, KeyringInner, OfficerKeyEntry, PoliceKeyPairEntry } from '../../../schemas/keyring.ts';

export type SessionStatus = 'locked' | 'unlocking' | 'unlocked';

export type UnlockFailure = 'wrong-passphrase' | 'damaged' | 'no-police-keys' | 'no-officer-key' | 'crypto-unavailable';

export class UnlockError extends Error {
  override name = 'UnlockError';
  constructor(
    readonly reason: UnlockFailure,
    /** Technical detail from crypto (English), shown below the French message. */
    readonly detail?: string,
  ) {
    super(`cannot unlock: ${reason}`);
  }
}

export const sessionStatus = signal<SessionStatus>('locked');
/** Public facts about the unlocked keyring, for display. */
export const sessionInfo = signal<{ officerId: string; kids: string[] } | null>(null);
/** The officer's own id, for "moi" (null when locked). */
export const myOfficerId = computed(() => sessionInfo.value?.officerId ?? null);

let held: KeyringInner | null = null;

/**
 * Lets "déverrouillage…" be painted before Argon2id blocks the thread. A hidden tab gets no
 * animation frames, hence the timer that resolves anyway.
 */
const nextPaint = () =>
  new Promise<void>((r) => {
    requestAnimationFrame(() => setTimeout(r, 0));
    setTimeout(r, 100);
  });

/**
 * Opens a keyring file with its passphrase (Argon2id, ~1.4 s at MODERATE) and holds its keys.
 * A keyring that cannot both read reports (police keys) and fetch them (officer key,
 * PROTOCOL §5) is refused and wiped at once. `onVerified` runs once the keyring is known
 * good and before any screen opens (keeping the wrapped file); its failure is ignored.
 * Called by `unlock()` (session/start.ts), which then starts the features.
 * @throws UnlockError
 */
export async function openSession(file: KeyringFile, passphrase: string, options: { onVerified?: () => Promise<unknown> } = {}): Promise<void> {
  if (sessionStatus.value !== 'locked') return;
  sessionStatus.value = 'unlocking';
  try {
    await nextPaint();
    let inner: KeyringInner;
    try {
      inner = await unlockKeyring(file, passphrase);
    } catch (e) {
      if (e instanceof WrongPassphraseError) throw new UnlockError('wrong-passphrase');
      if (e instanceof KeyringFormatError) throw new UnlockError('damaged', e.message);
      throw new UnlockError('crypto-unavailable', e instanceof Error ? e.message : undefined);
    }
    if (!inner.police.length) {
      wipe(inner);
      throw new UnlockError('no-police-keys');
    }
    if (!inner.officer) {
      wipe(inner);
      throw new UnlockError('no-officer-key');
    }
    await options.onVerified?.().catch(() => undefined);
    held = inner;
    sessionInfo.value = { officerId: inner.officer.officerId, kids: inner.police.map((k) => k.kid) };
    sessionStatus.value = 'unlocked';
  } catch (e) {
    sessionStatus.value = 'locked';
    throw e;
  }
}

/** The police key pairs, for opening reports. Throws when locked. */
export function heldPoliceKeys(): readonly PoliceKeyPairEntry[] {
  if (!held) throw new Error('locked');
  return held.police;
}

/** The officer's signing key, for signed requests. Throws when locked. */
export function heldOfficer(): OfficerKeyEntry {
  if (!held?.officer) throw new Error('locked');
  return held.officer;
}

/**
 * Drops every reference to secret keys. The crypto verbs take keys as base64url strings,
 * which JavaScript cannot overwrite, and zero their own byte copies after each use; the
 * document reload that follows a lock is what discards the strings and libsodium's heap.
 */
function wipe(inner: KeyringInner): void {
  forgetSecretKeys([...inner.police, inner.officer]);
  inner.police.length = 0;
}

/** Drops every reference to secret keys (the first step of `lock()`, session/start.ts). */
export function dropKeys(): void {
  if (held) wipe(held);
  held = null;
}

/** Marks the session locked, once every feature has stopped. */
export function endSession(): void {
  sessionInfo.value = null;
  sessionStatus.value = 'locked';
}
