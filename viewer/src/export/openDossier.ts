/**
 * Opening a dossier (issue 4 "Export and forward", the other side): a viewer given an
 * investigator unit's keyring (PROTOCOL §7: the unit's own key only, no officer key) opens a
 * dossier file in memory (crypto `openDossier`), on the locked side, and forgets the unit's
 * keys at once.
 */
import { signal } from '@preact/signals';
import * as v from 'valibot';
import { forgetSecretKeys, IntegrityError, InvalidContentError, KeyringFormatError, openDossier, UnknownKeyError, unlockKeyring, WrongPassphraseError } from '../../../crypto/index.ts';
import { DossierFile, type DossierBody } from '../../../schemas/dossier.ts';
import { unitKeysOf, type KeyringFile, type KeyringInner } from '../../../schemas/keyring.ts';

/** Far above a real dossier of a thousand reports with their conversations. */
export const DOSSIER_FILE_MAX_BYTES = 200 * 1024 * 1024;

export type DossierOpenFailure = 'wrong-passphrase' | 'damaged' | 'not-a-dossier' | 'too-large' | 'not-for-this-keyring' | 'integrity' | 'crypto-unavailable';

export class DossierOpenError extends Error {
  override name = 'DossierOpenError';
  constructor(readonly reason: DossierOpenFailure) {
    super(`dossier: ${reason}`);
  }
}

export interface OpenedDossier {
  body: DossierBody;
  /** Who sealed it, proven by the signature. */
  officerId: string;
  /** The attachments' blobs the file carries (b64, decoded only when one is opened); null for an older file without any. */
  blobs: ReadonlyMap<string, string> | null;
}

/** The dossier open on this page (memory only; dropped on lock and when the page goes). */
export const openedDossier = signal<OpenedDossier | null>(null);

/** Reads a picked dossier file's JSON. @throws DossierOpenError */
export async function readDossierFile(file: Blob): Promise<unknown> {
  if (file.size > DOSSIER_FILE_MAX_BYTES) throw new DossierOpenError('too-large');
  try {
    return JSON.parse(await file.text());
  } catch {
    throw new DossierOpenError('not-a-dossier');
  }
}

/**
 * Unlocks the unit's keyring, opens the dossier with its keys and forgets the keys at once.
 * @throws DossierOpenError
 */
export async function openDossierWith(keyring: KeyringFile, passphrase: string, dossier: unknown): Promise<OpenedDossier> {
  let inner: KeyringInner;
  try {
    inner = await unlockKeyring(keyring, passphrase);
  } catch (e) {
    if (e instanceof WrongPassphraseError) throw new DossierOpenError('wrong-passphrase');
    if (e instanceof KeyringFormatError) throw new DossierOpenError('damaged');
    throw new DossierOpenError('crypto-unavailable');
  }
  try {
    const opened = await openDossier(dossier, unitKeysOf(inner));
    // openDossier has checked the file's shape; its blobs are read here (checked again when opened).
    const file = v.parse(DossierFile, dossier);
    const result = { body: opened.body, officerId: opened.officerId, blobs: file.blobs ? new Map(Object.entries(file.blobs)) : null };
    openedDossier.value = result;
    return result;
  } catch (e) {
    if (e instanceof UnknownKeyError) throw new DossierOpenError('not-for-this-keyring');
    if (e instanceof InvalidContentError) throw new DossierOpenError('not-a-dossier');
    if (e instanceof IntegrityError) throw new DossierOpenError('integrity');
    throw new DossierOpenError('integrity');
  } finally {
    forgetSecretKeys([...inner.police, inner.officer]);
  }
}

/** On lock: closes the dossier open on this page. */
export function closeDossier(): void {
  openedDossier.value = null;
}
