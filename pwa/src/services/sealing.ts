/**
 * "Envoyer" (issue 2, PROTOCOL §2–4): everything that turns a finished draft into a sealed
 * outbox entry, at once and offline. The sealing itself runs in the crypto worker, where
 * libsodium is loaded lazily: the form is usable before it arrives, and {@link warmCrypto}
 * has it fetched in the background meanwhile.
 */
import deployment from 'virtual:deployment';
import * as v from 'valibot';
import { activePoliceKey } from '../../../schemas/deployment.ts';
import { answersSchema, type Answers, type FormDefinition } from '../../../schemas/form.ts';
import { PAD_BUCKETS } from '../../../schemas/limits.ts';
import type { ReportPlaintextInput } from '../../../schemas/report.ts';
import { isoMinute } from '../../../schemas/time.ts';
import { plaintextSize } from '../../../crypto/sealReport.ts';
import type { UnsealedReport } from '../workers/cryptoMessages.ts';
import { cleanAnswers, type RawAnswers } from '../form/answers.ts';
import { REPORTS_URL } from './api.ts';
import { announceChange } from './changes.ts';
import { CryptoWorkerError, sealInWorker, warmCryptoWorker } from './cryptoWorker.ts';
import { attachmentList } from '../workers/photoRules.ts';
import { db, localDay, rowsOf } from './db.ts';
import { knownPowBits } from './meta.ts';

/** PROTOCOL §2: a plaintext of 65536 bytes or more is refused by the client. */
export const MAX_PLAINTEXT_BYTES = PAD_BUCKETS[PAD_BUCKETS.length - 1]!;

export class ReportTooLargeError extends Error {
  override name = 'ReportTooLargeError';
  constructor(readonly bytes: number) {
    super('report too large to seal');
  }
}

/** The answers do not pass the form's own schema (should not happen after step checks). */
export class InvalidAnswersError extends Error {
  override name = 'InvalidAnswersError';
}

/** Starts the crypto worker and libsodium in the background; the form does not wait for it. */
export function warmCrypto(): void {
  warmCryptoWorker();
}

export const districtIds = (): string[] => deployment.districts.features.map((f) => f.properties.id);

/** The answers that will be sealed, checked by `answersSchema` (schemas/form.ts). */
export function finalAnswers(form: FormDefinition, raw: RawAnswers): Answers {
  const result = v.safeParse(answersSchema(form, districtIds()), cleanAnswers(form, raw));
  if (!result.success) throw new InvalidAnswersError(result.issues[0]?.message ?? 'invalid answers');
  return result.output as Answers;
}

/** The report plaintext (PROTOCOL §2) but its receipt-derived `id` and `replyTo`; the worker lists the photos. */
function unsealed(form: FormDefinition, answers: Answers, contact: string): UnsealedReport {
  return { v: 1, form: form.id, formVersion: form.version, createdAt: isoMinute(new Date()), answers, contact: contact.trim() || null, attachments: [] };
}

/**
 * The size the report's JSON will have once sealed. Ids and keys have fixed lengths in
 * b64, so placeholders give the exact figure before libsodium has even loaded (a photo's
 * `size` is counted at 8 digits, more than any photo has).
 */
export function reportBytes(form: FormDefinition, raw: RawAnswers, contact: string, photos = 0): number {
  const placeholder = { id: 'A'.repeat(43), key: 'A'.repeat(43), size: 99_999_999 };
  const attachments = attachmentList(Array.from({ length: photos }, () => placeholder));
  const pt: ReportPlaintextInput = { ...unsealed(form, finalAnswers(form, raw), contact), id: 'A'.repeat(22), replyTo: 'A'.repeat(43), attachments };
  return plaintextSize(pt);
}

/** A photo listed by the draft could not be read back (device key wiped meanwhile): nothing is sent. */
export class PhotoMissingError extends Error {
  override name = 'PhotoMissingError';
}

export interface SealedResult {
  reportId: string;
  /** PROTOCOL §4: shown once, never stored by this function. */
  receiptCode: string;
  /** Tap on "Envoyer" to sealed-in-outbox, in milliseconds. */
  elapsedMs: number;
}

/**
 * Seals a report and puts its exact POST body in the outbox, deleting the draft in the
 * same transaction: from then on only ciphertext remains on the phone.
 * Throws {@link ReportTooLargeError} before any sealing; the draft is then untouched.
 */
export async function sealToOutbox(input: { form: FormDefinition; raw: RawAnswers; contact: string; draftId?: string; photos?: readonly string[]; startedAt?: number }): Promise<SealedResult> {
  const t0 = input.startedAt ?? performance.now();
  const { form } = input;
  const photoIds = input.draftId ? (input.photos ?? []) : [];
  const report = unsealed(form, finalAnswers(form, input.raw), input.contact);
  const early = reportBytes(form, input.raw, input.contact, photoIds.length);
  if (early >= MAX_PLAINTEXT_BYTES) throw new ReportTooLargeError(early);

  // Exactly the photos the review showed, read back from their boxes (the code is loaded only if there are some).
  const photos = photoIds.length ? await (await import('./photos.ts')).loadDraftPhotos(input.draftId!, photoIds) : [];
  if (photos.length !== photoIds.length) throw new PhotoMissingError('a photo of the draft does not open');

  let sealed;
  // The newest effort known (from /meta or a pow_invalid, issue 7); the entry keeps it.
  const powBits = await knownPowBits();
  try {
    sealed = await sealInWorker(report, activePoliceKey(deployment), powBits, photos.map((p) => p.bytes));
  } catch (e) {
    if (e instanceof CryptoWorkerError && e.reason === 'TooLargeError') throw new ReportTooLargeError(e.bytes ?? early);
    throw e;
  }
  // PROTOCOL §3 body, in this order; the outbox posts this exact string on every retry.
  const blobIds = sealed.blobs.map((b) => b.id);
  const body = JSON.stringify({ v: 1, id: sealed.id, kid: sealed.kid, sealed: sealed.sealed, mailbox: sealed.mailbox, ...(blobIds.length ? { blobs: blobIds } : {}), pow: sealed.pow });

  const database = await db();
  await database.transaction('rw', [database.outbox, database.outboxBlobs, database.drafts, database.draftPhotos], async () => {
    await database.outbox.add({
      id: sealed.id, kind: 'report', target: REPORTS_URL, body, state: 'waiting', day: localDay(), attempts: 0, nextAttemptAt: 0, order: Date.now(), powBits,
      ...(blobIds.length ? { blobs: sealed.blobs.map((b) => ({ id: b.id, pow: b.pow })) } : {}),
    });
    // Ciphertext only: the photos' plaintext went to the worker and was zeroed there.
    if (sealed.blobs.length) await database.outboxBlobs.bulkAdd(sealed.blobs.map((b) => ({ id: `${sealed.id}:${b.id}`, bytes: b.bytes })));
    if (input.draftId) {
      await database.drafts.delete(input.draftId);
      await database.draftPhotos.where(':id').between(...rowsOf(input.draftId)).delete();
    }
  });
  const elapsedMs = performance.now() - t0;
  performance.measure('stopdeal:tap-to-outbox', { start: t0, end: t0 + elapsedMs });
  announceChange();
  return { reportId: sealed.id, receiptCode: sealed.receiptCode, elapsedMs };
}
