/**
 * A new officer, in their own viewer (issue 4 "Roster"; docs/key-ceremony.md §5):
 * 1. creates their keyring: a fresh officer key (crypto `generateOfficerKey`) wrapped under a
 *    passphrase they choose (Argon2id MODERATE, PROTOCOL §7), with no police key yet; the
 *    wrapped file is kept on this workstation and offered as a download (a backup);
 * 2. gives the administrator their public key (text, a small JSON file, a QR code) and
 *    compares the fingerprint with them;
 * 3. once enrolled and granted, fetches the grant (`GET /api/v1/officers/me/grant`), opens it
 *    with their own key (crypto `openGrant`), adds the police keys and re-wraps the keyring
 *    with the same passphrase and strength.
 * The secret key exists only inside these calls; nothing decrypted is stored.
 */
import { signal } from '@preact/signals';
import {
  createKeyring, forgetSecretKeys, generateOfficerKey, IntegrityError, InvalidContentError, KDF_MODERATE, KeyringFormatError, openGrant, unlockKeyring, WrongPassphraseError,
} from '../../../crypto/index.ts';
import type { KeyringFile, KeyringInner, PoliceKeyPairEntry } from '../../../schemas/keyring.ts';
import type { OfficerId, OfficerPublicKey } from '../../../schemas/keys.ts';
import { GrantAnswer } from '../../../schemas/grant-api.ts';
import { OFFICER_KEY_CARD_KIND, type OfficerKeyCard } from '../../../schemas/officerCard.ts';
import { ApiError, NetworkError, signedJson } from '../shared/api.ts';
import { deployment } from '../shared/deployment.ts';
import { saveKeyring } from '../session/keyringStore.ts';
import { mergePoliceKeys, MIN_PASSPHRASE_CHARS, passphraseProblem, type PassphraseProblem } from '../../../client/keyringRules.ts';

export { MIN_PASSPHRASE_CHARS, passphraseProblem, type PassphraseProblem };

/** The name the new keyring is kept under on this workstation. */
export const NEW_KEYRING_NAME = 'mon-trousseau-stopdeal.json';

export interface NewOfficer {
  officerId: OfficerId;
  publicKey: OfficerPublicKey;
  /** The wrapped keyring (safe to keep: useless without the passphrase). */
  file: KeyringFile;
  /** Whether it could be kept on this workstation (IndexedDB may be disabled). */
  stored: boolean;
}

/** The keyring just created on this screen, for its download and public key (memory only). */
export const newOfficer = signal<NewOfficer | null>(null);

export class EnrolmentError extends Error {
  override name = 'EnrolmentError';
  constructor(readonly reason: PassphraseProblem | RecoverFailure) {
    super(`enrolment: ${reason}`);
  }
}

/**
 * Creates a new officer keyring (no police key yet) and keeps it, wrapped, on this workstation.
 * @throws EnrolmentError for a passphrase that does not fit the rules
 */
export async function createOfficerKeyring(passphrase: string, again: string): Promise<NewOfficer> {
  const problem = passphraseProblem(passphrase, again);
  if (problem) throw new EnrolmentError(problem);
  const officer = await generateOfficerKey();
  const inner: KeyringInner = { v: 1, police: [], officer };
  const file = await createKeyring(inner, passphrase, KDF_MODERATE);
  const { officerId, publicKey } = officer;
  forgetSecretKeys([officer]);
  const stored = await saveKeyring(file, NEW_KEYRING_NAME).then(
    () => true,
    () => false,
  );
  const created = { officerId, publicKey, file, stored };
  newOfficer.value = created;
  return created;
}

/** The public key file the administrator picks in the roster screen (schemas/officerCard.ts). */
export function officerKeyCard(officer: Pick<NewOfficer, 'officerId' | 'publicKey'>, name: string): OfficerKeyCard {
  const card: OfficerKeyCard = { v: 1, kind: OFFICER_KEY_CARD_KIND, officerId: officer.officerId, publicKey: officer.publicKey };
  if (name) card.name = name;
  return card;
}

export type RecoverFailure = 'wrong-passphrase' | 'damaged' | 'no-officer-key' | 'not-enrolled' | 'no-grant' | 'grant-unreadable' | 'unreachable' | 'server';

function wipe(inner: KeyringInner): void {
  forgetSecretKeys([...inner.police, inner.officer]);
}

/**
 * "Récupérer mes clés": unlocks the keyring, fetches and opens this officer's grant, and
 * returns the keyring re-wrapped with the police keys added (same passphrase, same Argon2id
 * strength, fresh salt and nonce). The caller keeps or downloads the new file.
 * @throws EnrolmentError
 */
export async function recoverKeys(file: KeyringFile, passphrase: string): Promise<{ file: KeyringFile; added: number; total: number }> {
  let inner: KeyringInner;
  try {
    inner = await unlockKeyring(file, passphrase);
  } catch (e) {
    if (e instanceof WrongPassphraseError) throw new EnrolmentError('wrong-passphrase');
    if (e instanceof KeyringFormatError) throw new EnrolmentError('damaged');
    throw new EnrolmentError('server');
  }
  try {
    const officer = inner.officer;
    if (!officer) throw new EnrolmentError('no-officer-key');
    let sealed: string;
    try {
      sealed = (await signedJson(deployment.apiOrigin, officer, { method: 'GET', target: '/api/v1/officers/me/grant' }, GrantAnswer)).sealed;
    } catch (e) {
      if (e instanceof NetworkError) throw new EnrolmentError('unreachable');
      if (e instanceof ApiError && e.status === 401) throw new EnrolmentError('not-enrolled');
      if (e instanceof ApiError && e.status === 404) throw new EnrolmentError('no-grant');
      throw new EnrolmentError('server');
    }
    let granted: PoliceKeyPairEntry[];
    try {
      granted = (await openGrant(sealed, officer)).police;
    } catch (e) {
      if (e instanceof IntegrityError || e instanceof InvalidContentError) throw new EnrolmentError('grant-unreadable');
      throw e;
    }
    const merged = mergePoliceKeys(inner.police, granted);
    const next = await createKeyring({ v: 1, police: merged.police, officer }, passphrase, { opslimit: file.kdf.opslimit, memlimit: file.kdf.memlimit });
    forgetSecretKeys(granted);
    return { file: next, added: merged.added.length, total: merged.police.length };
  } finally {
    wipe(inner);
  }
}

/** On lock: forgets the new officer's keys being made. */
export function stopEnrolment(): void {
  newOfficer.value = null;
}
