/**
 * Writes crypto/fixtures/vectors.json: known answers computed by libsodium itself, from
 * fixed seeds, so that the Worker (which cannot load libsodium) and outside clients can
 * check their BLAKE2b, proof of work, Ed25519 signatures and receipt derivation.
 * Run: `npx tsx scripts/gen-vectors.ts`. Deterministic: re-running changes nothing (a sealed
 * box is randomised, so the committed sealed report is kept while it still opens to the same plaintext).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as v from 'valibot';
import { sodium } from '../crypto/sodium.ts';
import { OfficerKeyEntry, PoliceKeyPairEntry } from '../schemas/keyring.ts';
import { deriveFromReceipt, encodeReceiptCode, leadingZeroBits, sealReport, signRequest, signSubmissionReceipt } from '../crypto/index.ts';

const s = await sodium();
const b64 = (x: Uint8Array) => s.to_base64(x, s.base64_variants.URLSAFE_NO_PADDING);
const seeded = (label: string, n: number) => s.crypto_generichash(n, s.from_string(`stopdeal/test-vector/${label}`), null);

// BLAKE2b, unkeyed and keyed, lengths 16 and 32.
const blake2b = [
  { n: 16, msg: '', key: null },
  { n: 32, msg: '', key: null },
  { n: 32, msg: b64(s.from_string('stopdeal')), key: null },
  { n: 16, msg: b64(s.from_string('id')), key: b64(seeded('k', 32)) },
  { n: 32, msg: b64(seeded('long', 64).subarray(0, 64)), key: b64(seeded('k2', 64)) },
].map((c) => ({ ...c, out: b64(s.crypto_generichash(c.n, c.msg === '' ? new Uint8Array(0) : s.from_base64(c.msg, 7), c.key ? s.from_base64(c.key, 7) : null)) }));

// Proof of work: a fixed id and sealed, one proof found for 8 bits, and its count of zeros.
const powId = b64(seeded('pow-id', 16));
const powSealed = seeded('pow-sealed', 64);
const label = s.from_string('stopdeal/pow/v1');
const digest = s.crypto_generichash(32, powSealed, null);
const pow = [] as Array<{ id: string; sealed: string; sealedHash: string; pow: string; zeroBits: number }>;
let strong = 0;
for (let i = 0; strong < 2; i++) {
  const p = new Uint8Array(8);
  new DataView(p.buffer).setUint32(4, i);
  const h = s.crypto_generichash(32, new Uint8Array([...label, ...s.from_base64(powId, 7), ...digest, ...p]), null);
  const z = leadingZeroBits(h);
  if (i < 3 || z >= 10) pow.push({ id: powId, sealed: b64(powSealed), sealedHash: b64(digest), pow: b64(p), zeroBits: z });
  if (z >= 10) strong++;
}

// Officer signature over fixed inputs (Ed25519 is deterministic).
const officerKp = s.crypto_sign_seed_keypair(seeded('officer', 32));
const officer = v.parse(OfficerKeyEntry, { officerId: b64(s.crypto_generichash(16, officerKp.publicKey, null)), publicKey: b64(officerKp.publicKey), secretKey: b64(officerKp.privateKey) });
const signatures = [
  { method: 'GET', target: '/api/v1/reports?after=0&limit=100', ts: 1795000000, nonce: b64(seeded('nonce1', 16)), body: '' },
  { method: 'POST', target: '/api/v1/officers', ts: 1795000100, nonce: b64(seeded('nonce2', 16)), body: '{"publicKey":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","role":"officer"}' },
];
const signed = [];
for (const c of signatures) signed.push({ ...c, authorization: await signRequest({ ...c, officer }) });

// Receipt codes and what they derive.
const receipts = [];
for (const secret of [new Uint8Array(16), new Uint8Array(16).fill(255), seeded('receipt', 16)]) {
  const d = await deriveFromReceipt(secret);
  receipts.push({ secret: b64(secret), code: encodeReceiptCode(secret), id: d.id, mailboxSecret: b64(d.mailboxSecret), mailboxHash: d.mailboxHash, replyPublicKey: b64(d.replyPublicKey) });
}

// A sealed report that any client must open with the police key below.
const policeKp = s.crypto_box_seed_keypair(seeded('police', 32));
const police = v.parse(PoliceKeyPairEntry, { kid: b64(s.crypto_generichash(16, policeKp.publicKey, null)), publicKey: b64(policeKp.publicKey), secretKey: b64(policeKp.privateKey) });
const reportId = receipts[2]!.id;
const plaintext = { v: 1 as const, id: reportId, form: 'stop-deal', formVersion: 1, createdAt: '2026-11-23T21:40:00Z', answers: { district: 'centre', place: 'Hall du 12 rue des Lilas', frequency: 'daily' }, contact: null, replyTo: receipts[2]!.replyPublicKey, attachments: [] };
const out = new URL('../crypto/fixtures/vectors.json', import.meta.url);
let sealedB64 = b64((await sealReport(plaintext, police)).sealed);
if (existsSync(out)) {
  const old = JSON.parse(readFileSync(out, 'utf8'));
  try {
    const opened = s.crypto_box_seal_open(s.from_base64(old.report.sealed, 7), policeKp.publicKey, policeKp.privateKey);
    if (s.to_string(s.unpad(opened, opened.length)) === JSON.stringify(plaintext)) sealedB64 = old.report.sealed;
  } catch {
    /* regenerate */
  }
}

// The Worker's submission receipt over that report (issue 3): Ed25519 is deterministic.
const receiptKp = s.crypto_sign_seed_keypair(seeded('receipt-key', 32));
const receiptKey = { publicKey: b64(receiptKp.publicKey), secretKey: b64(receiptKp.privateKey) };
const receivedAt = '2026-11-23T21:00:00Z';
const submissionReceipt = { id: reportId, receivedAt, signature: await signSubmissionReceipt(reportId, receivedAt, s.from_base64(sealedB64, 7), receiptKey.secretKey) };

writeFileSync(
  out,
  JSON.stringify({ note: 'Generated by scripts/gen-vectors.ts with libsodium; do not edit.', blake2b, pow, officer, signatures: signed, receipts, police, report: { id: reportId, kid: police.kid, sealed: sealedB64, plaintext }, receiptKey, submissionReceipt }, null, 2) + '\n',
);
console.log('wrote crypto/fixtures/vectors.json');
