/**
 * Test-side officer and reporter tools, in Node with the real crypto/: signed requests with
 * the test admin keyring, and reports sealed and posted exactly as an outside client would.
 */
import { readFileSync } from 'node:fs';
import {
  deriveFromReceipt, newReceiptSecret, openReport, sealBlob, sealReport, signRequest, solveBlobPow, solvePow, unlockKeyring, useSumo, type SealedBlob,
} from '../crypto/index.ts';
import { BLOB_MEDIA_TYPE, BLOB_POW_HEADER, blobTarget } from '../schemas/blob-api.ts';
import type { AttachmentRef } from '../schemas/report.ts';
import { toB64 } from '../schemas/encoding.ts';
import type { KeyringInner } from '../schemas/keyring.ts';
import { activePoliceKey, Deployment } from '../schemas/deployment.ts';
import type { ReportItem } from '../schemas/api.ts';
import * as v from 'valibot';
import { testEnv } from './env.ts';

useSumo();
let keyring: Promise<KeyringInner> | undefined;

/** The test admin's unlocked keyring (INTERACTIVE Argon2id, unlocked once per file). */
export function adminKeyring(): Promise<KeyringInner> {
  const env = testEnv();
  keyring ??= unlockKeyring(JSON.parse(readFileSync(env.keyringFile, 'utf8')), env.passphrase);
  return keyring;
}

export function deployment(): Deployment {
  return v.parse(Deployment, JSON.parse(readFileSync(testEnv().deploymentFile, 'utf8')));
}

/** A request signed by `officer` (default: the test admin), PROTOCOL §5; `apiUrl` for a test's own Worker. */
export async function officerFetch(method: string, target: string, body?: unknown, officer?: KeyringInner['officer'], apiUrl = testEnv().apiUrl): Promise<Response> {
  const who = officer ?? (await adminKeyring()).officer!;
  const text = body === undefined ? '' : JSON.stringify(body);
  const headers: Record<string, string> = { Authorization: await signRequest({ method, target, body: text, officer: who }) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(apiUrl + target, { method, headers, body: body === undefined ? undefined : text });
}

/** Every stored report, all pages (of the e2e instance, or of the Worker at `apiUrl`). */
export async function listReports(apiUrl?: string): Promise<ReportItem[]> {
  const out: ReportItem[] = [];
  for (let after = 0; ; ) {
    const res = await officerFetch('GET', `/api/v1/reports?after=${after}&limit=500`, undefined, undefined, apiUrl);
    if (res.status !== 200) throw new Error(`list reports: ${res.status}`);
    const page = (await res.json()) as { reports: ReportItem[]; next: number | null };
    out.push(...page.reports);
    if (page.next === null) return out;
    after = page.next;
  }
}

/** Opens a stored report with the test keyring. */
export async function openStored(item: ReportItem) {
  return openReport(item, (await adminKeyring()).police);
}

/** Seals and posts a Stop Deal report from Node, as an outside client written from PROTOCOL.md. */
export async function seedReport(
  answers: Record<string, unknown>,
  opts: { form?: string; contact?: string | null; attachments?: AttachmentRef[]; blobs?: string[] } = {},
) {
  const d = deployment();
  const police = activePoliceKey(d);
  const secret = await newReceiptSecret();
  const keys = await deriveFromReceipt(secret);
  const plaintext = {
    v: 1 as const, id: keys.id, form: opts.form ?? 'stop-deal', formVersion: 1, createdAt: new Date().toISOString().slice(0, 19) + 'Z',
    answers, contact: opts.contact ?? null, replyTo: toB64(keys.replyPublicKey), attachments: opts.attachments ?? [],
  };
  const { sealed, kid } = await sealReport(plaintext, police);
  const pow = await solvePow(keys.id, sealed, d.powBits);
  const res = await fetch(testEnv().apiUrl + '/api/v1/reports', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ v: 1, id: keys.id, kid, sealed: toB64(sealed), mailbox: keys.mailboxHash, blobs: opts.blobs ?? opts.attachments?.map((a) => a.blob), pow }),
  });
  return { status: res.status, answer: await res.json(), id: keys.id, secret, keys };
}

/**
 * Seals `plain` as an attachment and uploads it like an outside client (PROTOCOL §6: proof
 * of work in `X-Pow`), unless `upload` is false. Returns the sealed blob and the PUT status.
 */
export async function uploadBlob(plain: Uint8Array, opts: { upload?: boolean } = {}): Promise<{ sealed: SealedBlob; status: number | null }> {
  const sealed = await sealBlob(plain);
  if (opts.upload === false) return { sealed, status: null };
  const pow = await solveBlobPow(sealed, deployment().powBits);
  const res = await fetch(testEnv().apiUrl + blobTarget(sealed.id), {
    method: 'PUT',
    headers: { 'Content-Type': BLOB_MEDIA_TYPE, [BLOB_POW_HEADER]: pow },
    body: sealed.blob as Uint8Array<ArrayBuffer>,
  });
  await res.body?.cancel();
  return { sealed, status: res.status };
}
