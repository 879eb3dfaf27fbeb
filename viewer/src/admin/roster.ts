/**
 * The officer roster (PROTOCOL §5 "Roster (admin)"): who may sign requests, with which role.
 * Only an administrator may read it, so reading it is also how the viewer learns its own
 * role: `GET /api/v1/officers` answers the list to an admin and `403` to an officer, who then
 * sees no roster screen. Enrolment, key grants and revocation are signed requests too; a
 * grant seals this keyring's police keys to the new officer (crypto `sealGrant`), the Worker
 * relaying ciphertext only.
 */
import { computed, signal } from '@preact/signals';
import * as v from 'valibot';
import { officerIdOf, sealGrant } from '../../../crypto/index.ts';
import { EnrolOfficerAnswer, OfficerList, type OfficerItem, type Role } from '../../../schemas/api.ts';
import { OfficerId, OfficerPublicKey } from '../../../schemas/keys.ts';
import { GrantStoredAnswer } from '../../../schemas/grant-api.ts';
import { OfficerKeyCard } from '../../../schemas/officerCard.ts';
import { ApiError, NetworkError, signedJson } from '../shared/api.ts';
import { deployment } from '../shared/deployment.ts';
import { heldOfficer, heldPoliceKeys } from '../session/session.ts';

export type MyRole = 'unknown' | 'officer' | 'admin';
export type RosterFailure = 'unreachable' | 'unauthorized' | 'forbidden' | 'conflict' | 'gone' | 'refused' | 'server';

/** This officer's role, as the Worker's answer to the roster request tells it. */
export const myRole = signal<MyRole>('unknown');
/** The roster, oldest first (admins only; null until read or for an officer). */
export const roster = signal<readonly OfficerItem[] | null>(null);
export const rosterFailure = signal<RosterFailure | null>(null);
/** Every officer id on the roster, revoked ones included: events by others are flagged. */
export const rosterIds = computed<ReadonlySet<string> | null>(() => (roster.value ? new Set(roster.value.map((o) => o.officerId)) : null));

let generation = 0;

export class RosterError extends Error {
  override name = 'RosterError';
  constructor(readonly reason: RosterFailure) {
    super(`roster: ${reason}`);
  }
}

export function rosterFailureOf(e: unknown): RosterFailure {
  if (e instanceof RosterError) return e.reason;
  if (e instanceof NetworkError) return 'unreachable';
  if (!(e instanceof ApiError)) return 'server';
  if (e.status === 401) return 'unauthorized';
  if (e.status === 403) return 'forbidden';
  if (e.status === 404) return 'gone';
  if (e.status === 409) return 'conflict';
  if (e.status >= 400 && e.status < 500) return 'refused';
  return 'server';
}

/** Reads the roster; a `403` means this officer is not an admin (not a failure). */
export async function refreshRoster(): Promise<void> {
  const gen = generation;
  try {
    const list = await signedJson(deployment.apiOrigin, heldOfficer(), { method: 'GET', target: '/api/v1/officers' }, OfficerList);
    if (gen !== generation) return;
    roster.value = list.officers;
    myRole.value = 'admin';
    rosterFailure.value = null;
  } catch (e) {
    if (gen !== generation) return;
    if (e instanceof ApiError && e.status === 403) {
      myRole.value = 'officer';
      roster.value = null;
      rosterFailure.value = null;
    } else rosterFailure.value = rosterFailureOf(e);
  }
}

/** A public key someone pasted or picked, checked: the key, its officer id. */
export interface CandidateKey {
  publicKey: OfficerPublicKey;
  officerId: OfficerId;
  /** The name the new officer wrote in their public key file, if any (a claim, shown as such). */
  name?: string;
}

export type KeyProblem = 'empty' | 'not-a-key' | 'not-a-key-file';

export class KeyInputError extends Error {
  override name = 'KeyInputError';
  constructor(readonly reason: KeyProblem) {
    super(`not an officer public key: ${reason}`);
  }
}

/** Largest public key file read: a real one is about 200 bytes. */
export const KEY_FILE_MAX_BYTES = 10_000;

/**
 * The officer key in pasted text: the bare b64 key (the CLI prints it, the enrolment screen
 * shows it) or the content of a public key file (schemas/officerCard.ts).
 * @throws KeyInputError
 */
export async function parseOfficerKey(text: string): Promise<CandidateKey> {
  const t = text.trim();
  if (!t) throw new KeyInputError('empty');
  let pasted: string;
  let name: string | undefined;
  let claimedId: string | undefined;
  if (t.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(t);
    } catch {
      throw new KeyInputError('not-a-key-file');
    }
    const card = v.safeParse(OfficerKeyCard, json);
    if (!card.success) throw new KeyInputError('not-a-key-file');
    pasted = card.output.publicKey;
    name = card.output.name;
    claimedId = card.output.officerId;
  } else {
    pasted = t.replace(/\s+/g, '');
  }
  // Canonical b64 of 32 bytes, parsed into the officer key role it is given as.
  const key = v.safeParse(OfficerPublicKey, pasted);
  if (!key.success) throw new KeyInputError('not-a-key');
  const publicKey = key.output;
  const officerId = await officerIdOf(publicKey);
  // A file whose id is not its key's was altered: refuse it rather than guess which is right.
  if (claimedId !== undefined && claimedId !== officerId) throw new KeyInputError('not-a-key-file');
  return name ? { publicKey, officerId, name } : { publicKey, officerId };
}

/** Reads a picked public key file. @throws KeyInputError */
export async function readOfficerKeyFile(file: Blob): Promise<CandidateKey> {
  if (file.size > KEY_FILE_MAX_BYTES) throw new KeyInputError('not-a-key-file');
  return parseOfficerKey(await file.text());
}

/** Adds an officer to the roster (`POST /api/v1/officers`). @throws RosterError */
export async function enrolOfficer(publicKey: OfficerPublicKey, role: Role): Promise<string> {
  try {
    const body = JSON.stringify({ publicKey, role });
    const answer = await signedJson(deployment.apiOrigin, heldOfficer(), { method: 'POST', target: '/api/v1/officers', body }, EnrolOfficerAnswer);
    await refreshRoster();
    return answer.officerId;
  } catch (e) {
    throw new RosterError(rosterFailureOf(e));
  }
}

/**
 * "Donner les clés": seals every police key this keyring holds to the officer (PROTOCOL §5
 * key grants; a new grant replaces the previous one, so it lists every key to hold).
 * @throws RosterError
 */
export async function grantKeys(officer: Pick<OfficerItem, 'officerId' | 'publicKey'>): Promise<number> {
  if (!v.is(OfficerId, officer.officerId)) throw new RosterError('gone');
  const police = heldPoliceKeys();
  try {
    const sealed = await sealGrant({ v: 1, police: police.map((k) => ({ ...k })) }, officer.publicKey);
    await signedJson(deployment.apiOrigin, heldOfficer(), { method: 'POST', target: `/api/v1/officers/${officer.officerId}/grant`, body: JSON.stringify({ sealed }) }, GrantStoredAnswer);
    return police.length;
  } catch (e) {
    throw new RosterError(rosterFailureOf(e));
  }
}

/** Revokes an officer at once (`DELETE /api/v1/officers/{id}`). @throws RosterError */
export async function revokeOfficer(officerId: string): Promise<void> {
  if (!v.is(OfficerId, officerId)) throw new RosterError('gone');
  try {
    await signedJson(deployment.apiOrigin, heldOfficer(), { method: 'DELETE', target: `/api/v1/officers/${officerId}` }, v.any());
    await refreshRoster();
  } catch (e) {
    throw new RosterError(rosterFailureOf(e));
  }
}

/** Starts after unlock (session/start.ts): the roster says this officer's role. */
export function startRoster(): void {
  void refreshRoster();
}

/** On lock: forgets the roster and the role. */
export function stopRoster(): void {
  generation++;
  myRole.value = 'unknown';
  roster.value = null;
  rosterFailure.value = null;
}
