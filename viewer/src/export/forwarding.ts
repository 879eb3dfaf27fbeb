/**
 * Forwarding to investigator units (issue 4 "Export and forward"). An officer picks a unit
 * (its public key pasted, or one of the units kept on this workstation: name, public key and
 * kid, which say nothing about any report), and the selected reports are re-sealed with their
 * case files, conversations and attachments' keys into a dossier file for that unit's key
 * alone (crypto `sealDossier`, signed by the officer), with the attachments' blobs beside the
 * seal (services/dossierBlobs.ts, docs/attachments.md "Forwarding"), downloaded, and the
 * forwarding is recorded as an event in each case file (services/caseFile.ts).
 *
 * The other side: a viewer given an investigator unit's keyring (PROTOCOL §7: the unit's own
 * key only, no officer key) opens a dossier file in memory (crypto `openDossier`).
 */
import { signal } from '@preact/signals';
import * as v from 'valibot';
import {
  blobIdOf, IntegrityError, InvalidContentError, kidOf, KeyringFormatError, openDossier, sealDossier, UnknownKeyError, unlockKeyring, WrongPassphraseError,
} from '../../../crypto/index.ts';
import { blobTarget } from '../../../schemas/blob-api.ts';
import { DossierFile, type BlobLeftOutReason, type DossierBody } from '../../../schemas/dossier.ts';
import { b64Bytes, fromB64, toB64 } from '../../../schemas/encoding.ts';
import type { KeyringFile, KeyringInner } from '../../../schemas/keyring.ts';
import { CaseChangeError, eventRecords, recordForward, type CaseJob } from '../caseFile/caseFile.ts';
import { ApiError, NetworkError, signedBytes } from '../shared/api.ts';
import { BlobFetchError, gatherBlobs, wantedBlobs, type BlobSource } from './dossierBlobs.ts';
import { planDossier, DOSSIER_MAX_REPORTS } from './dossierBody.ts';
import { fetchConversation, inboxState, threads } from '../conversation/inbox.ts';
import { openConversationMessage, sealingKey, type OpenedMessage } from '../conversation/messageCrypto.ts';
import { deployment } from '../shared/deployment.ts';
import { displayName } from '../session/profile.ts';
import type { ReportEntry } from '../reports/reportEntry.ts';
import { rosterIds } from '../admin/roster.ts';
import { fileDate, saveFile } from '../shared/saveFile.ts';
import { heldOfficer, heldPoliceKeys, onLock } from '../session/session.ts';

// ---- Units kept on this workstation ----

const UNITS_KEY = 'stopdeal-viewer-units';
const UNIT_NAME_MAX = 120;

const Unit = v.object({ name: v.pipe(v.string(), v.minLength(1), v.maxLength(UNIT_NAME_MAX)), publicKey: b64Bytes(32), kid: b64Bytes(16) });
export type Unit = v.InferOutput<typeof Unit>;

function loadUnits(): Unit[] {
  try {
    const r = v.safeParse(v.array(Unit), JSON.parse(localStorage.getItem(UNITS_KEY) ?? '[]'));
    return r.success ? r.output : [];
  } catch {
    return [];
  }
}

/** Investigator units kept on this workstation (name, public key, kid: not report data). */
export const units = signal<readonly Unit[]>(loadUnits());

function storeUnits(list: readonly Unit[]): void {
  units.value = list;
  try {
    localStorage.setItem(UNITS_KEY, JSON.stringify(list));
  } catch {
    // Storage disabled: the list lasts until the next reload.
  }
}

export type UnitProblem = 'no-name' | 'not-a-key' | 'no-unit';

export class UnitError extends Error {
  override name = 'UnitError';
  constructor(readonly reason: UnitProblem) {
    super(`unit: ${reason}`);
  }
}

/** A unit from a name and a pasted public key (b64 X25519 key), with its kid. @throws UnitError */
export async function unitFrom(name: string, publicKeyText: string): Promise<Unit> {
  const clean = name.replace(/\s+/g, ' ').trim().slice(0, UNIT_NAME_MAX);
  if (!clean) throw new UnitError('no-name');
  const publicKey = publicKeyText.replace(/\s+/g, '');
  let bytes: Uint8Array;
  try {
    bytes = fromB64(publicKey);
  } catch {
    throw new UnitError('not-a-key');
  }
  if (bytes.length !== 32) throw new UnitError('not-a-key');
  return { name: clean, publicKey, kid: await kidOf(publicKey) };
}

/** Keeps a unit for next time (replacing one with the same key). */
export function keepUnit(unit: Unit): void {
  storeUnits([...units.peek().filter((u) => u.kid !== unit.kid), unit].sort((a, b) => a.name.localeCompare(b.name, 'fr')));
}

export function forgetUnit(kid: string): void {
  storeUnits(units.peek().filter((u) => u.kid !== kid));
}

// ---- Sealing a dossier ----

export type ForwardFailure = 'no-readable' | 'too-many' | 'seal-failed' | 'no-police-key';

export class ForwardError extends Error {
  override name = 'ForwardError';
  constructor(readonly reason: ForwardFailure) {
    super(`forward: ${reason}`);
  }
}

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

/** An attachment the dossier file does not carry: which report (from 1, in the dossier), which attachment (from 1), why. */
export interface LeftOutAttachment {
  report: number;
  receivedAt: string;
  attachment: number;
  name?: string;
  reason: BlobLeftOutReason;
}

export interface ForwardOutcome {
  included: number;
  /** Attachment blobs carried in the file. */
  carried: number;
  leftOut: LeftOutAttachment[];
  skipped: number;
  skippedMessages: number;
  bytes: number;
  /** The case-file job that records the forwarding (it may have failed: retry from the panel). */
  job: CaseJob;
}

/**
 * Re-seals `entries` for `unit`, downloads the dossier file, then records the forwarding in
 * each included report's case file (and "transmis" if asked).
 * @throws ForwardError
 */
export async function forwardReports(entries: readonly ReportEntry[], unit: Unit, markTransmitted: boolean): Promise<ForwardOutcome> {
  if (entries.length > DOSSIER_MAX_REPORTS) throw new ForwardError('too-many');
  // The forwarding must be recordable before anything leaves: no sealing key, no dossier.
  if (!sealingKey(deployment.policeKeys, heldPoliceKeys())) throw new ForwardError('no-police-key');
  const messages = await openedConversations(entries);
  const name = displayName.peek();
  // The attachments' blobs ride along (docs/attachments.md "Forwarding"); one that cannot be had is recorded, not fatal.
  const readable = entries.filter((e) => e.report);
  const gathered = readable.length ? await gatherBlobs(wantedBlobs(readable.map((e) => e.report!)), officerBlobSource()) : { blobs: new Map<string, Uint8Array>(), leftOut: new Map<string, BlobLeftOutReason>(), bytes: 0 };
  const plan = planDossier({ entries, records: eventRecords.peek(), messages, roster: rosterIds.peek(), unit: unit.name, fromName: name || undefined, now: new Date(), leftOut: gathered.leftOut });
  if (!plan.included.length) throw new ForwardError('no-readable');
  let file: DossierFile;
  try {
    file = await sealDossier(plan.body, heldOfficer(), unit);
  } catch {
    throw new ForwardError('seal-failed');
  }
  const blobs: Record<string, string> = {};
  for (const [id, bytes] of gathered.blobs) blobs[id] = toB64(bytes);
  const text = JSON.stringify({ ...file, blobs }, null, 2) + '\n';
  saveFile(`dossier-stopdeal-${fileDate()}.json`, new Blob([text], { type: 'application/json' }));
  const leftOut: LeftOutAttachment[] = [];
  plan.included.forEach((e, i) =>
    (e.report!.attachments ?? []).forEach((a, n) => {
      const reason = gathered.leftOut.get(a.blob);
      if (reason) leftOut.push({ report: i + 1, receivedAt: e.receivedAt, attachment: n + 1, ...(a.name ? { name: a.name } : {}), reason });
    }),
  );
  let job: CaseJob;
  try {
    job = await recordForward(plan.included, { name: unit.name, kid: unit.kid }, markTransmitted);
  } catch (e) {
    if (e instanceof CaseChangeError) throw new ForwardError('no-police-key');
    throw e;
  }
  return { included: plan.included.length, carried: gathered.blobs.size, leftOut, skipped: plan.skipped.length, skippedMessages: plan.skippedMessages, bytes: text.length, job };
}

/** Attachment blobs as the Worker stores them, downloaded with a signed GET (PROTOCOL §5, §6). */
function officerBlobSource(): BlobSource {
  const officer = heldOfficer();
  return {
    async fetch(id) {
      try {
        return await signedBytes(deployment.apiOrigin, officer, { target: blobTarget(id) });
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) throw new BlobFetchError('missing');
        if (e instanceof ApiError || e instanceof NetworkError) throw new BlobFetchError('unavailable');
        throw e;
      }
    },
    idOf: blobIdOf,
  };
}

// ---- Opening a dossier (investigator unit) ----

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
    const opened = await openDossier(dossier, inner.police);
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
    for (const k of inner.police) k.secretKey = '';
    if (inner.officer) inner.officer.secretKey = '';
  }
}

onLock(() => {
  openedDossier.value = null;
});
