/**
 * Reports: submission by anyone (PROTOCOL §3), with a signed proof of submission
 * (docs/follow-up.md), and reading by officers (PROTOCOL §5).
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { ExpiryBody, ReportId, SubmitReportBody, type ReportListInput } from '../../../schemas/api.ts';
import { acceptedKids, type Deployment } from '../../../schemas/deployment.ts';
import { fromB64 } from '../../../schemas/encoding.ts';
import { PutExpiriesBody } from '../../../schemas/expiry-api.ts';
import { MAX_EXPIRIES_BODY, MAX_REPORT_BODY } from '../../../schemas/limits.ts';
import type { SubmitReportReceiptAnswer } from '../../../schemas/receipt-api.ts';
import { isoHour } from '../../../schemas/time.ts';
import { officerOnly } from '../auth/officer.ts';
import type { AppEnv } from '../context.ts';
import type { Env } from '../env.ts';
import { REPORT_UNITS } from '../flood/effortRule.ts';
import { admit, effortNow } from '../flood/gate.ts';
import { parseJsonBody } from '../http/body.ts';
import { Refusal, powInvalid } from '../http/errors.ts';
import { jsonBody } from '../http/jsonBody.ts';
import { otherMethods } from '../http/methods.ts';
import { listQueryOf } from '../http/query.ts';
import { announceReport, closeMailboxChannel } from '../live/notify.ts';
import { receiptSignerOf } from '../receipt/signer.ts';
import { deleteBlobs } from '../store/blobs.ts';
import { deleteReport, getReport, insertReport, listReports, setReportExpiries, setReportExpiry, storedSealedOf } from '../store/reports.ts';
import { powZeroBits } from '../verify/pow.ts';

export const reports = new Hono<AppEnv>();

/** A path id that is not a canonical 16-byte b64 names no report: `404` (docs/api.md). */
function reportIdParam(id: string): string {
  if (!v.is(ReportId, id)) throw new Refusal('not_found');
  return id;
}

// PROTOCOL §3: the first failing check decides, in the table's order. The proof is hashed
// once; its bits are compared with the base (order 5) and with the effort now (order 7).
reports.post('/', jsonBody(MAX_REPORT_BODY), async (c) => {
  const parsed = v.safeParse(SubmitReportBody, parseJsonBody(c.var.body));
  if (!parsed.success) throw new Refusal('bad_request');
  const body = parsed.output;
  const d = c.var.deployment;
  const now = new Date();
  if (!acceptedKids(d, now).includes(body.kid)) throw new Refusal('unknown_key');
  const sealed = fromB64(body.sealed);
  const bits = powZeroBits(fromB64(body.id), sealed, fromB64(body.pow));
  if (bits < d.powBits) throw powInvalid(Math.max(d.powBits, await effortNow(c.env, d)));
  // Order 6 before 7: a retry's proof was checked when it was stored, so a raised effort
  // never turns a lost 201 into a refusal.
  const existing = await storedSealedOf(c.env.DB, body.id);
  if (existing) {
    if (existing.sealed !== body.sealed) throw new Refusal('id_conflict');
    return c.json(await answerOf(c.env, d, body.id, existing.receivedAt, sealed), 200);
  }
  // Order 7: counted by the town's gate only when admitted; never a 429 for others' traffic.
  const admission = await admit(c.env, d, bits, REPORT_UNITS);
  if (!admission.ok) throw powInvalid(admission.effort);
  const outcome = await insertReport(c.env.DB, { id: body.id, kid: body.kid, sealed: body.sealed, mailbox: body.mailbox, blobs: body.blobs, receivedAt: isoHour(now) });
  // A concurrent twin may have stored the id since the lookup: the same 200/409 rule.
  if (outcome.kind === 'conflict') throw new Refusal('id_conflict');
  const answer = await answerOf(c.env, d, body.id, outcome.receivedAt, sealed);
  if (outcome.kind === 'stored') announceReport(c, outcome.seq, body.id);
  return c.json(answer, outcome.kind === 'stored' ? 201 : 200);
});

/** `{id, receivedAt, receipt?}`; Ed25519 is deterministic, so a retry gets the same receipt. */
async function answerOf(env: Env, d: Deployment, id: string, receivedAt: string, sealed: Uint8Array): Promise<SubmitReportReceiptAnswer> {
  const answer: SubmitReportReceiptAnswer = { id, receivedAt };
  const signer = await receiptSignerOf(env, d);
  if (signer) answer.receipt = await signer.sign(id, receivedAt, sealed);
  return answer;
}

reports.get('/', officerOnly({ role: 'officer' }), async (c) => {
  const q = listQueryOf(c.req.url);
  const page: ReportListInput = await listReports(c.env.DB, q.after, q.limit);
  return c.json(page);
});
reports.all('/', otherMethods(['GET', 'POST']));

reports.get('/:id', officerOnly({ role: 'officer' }), async (c) => {
  const report = await getReport(c.env.DB, reportIdParam(c.req.param('id')));
  if (!report) throw new Refusal('not_found');
  return c.json(report);
});

// "its messages, events and blobs go with it" (PROTOCOL §5): messages, events and blob rows
// in the same D1 batch, then the R2 objects no other report names; its mailbox's sockets close.
reports.delete('/:id', officerOnly({ role: 'admin' }), async (c) => {
  const id = reportIdParam(c.req.param('id'));
  const deleted = await deleteReport(c.env.DB, id);
  if (!deleted) throw new Refusal('not_found');
  await deleteBlobs(c.env.BLOBS, deleted.blobs);
  if (deleted.mailbox) closeMailboxChannel(c, id);
  return c.body(null, 204);
});
reports.all('/:id', otherMethods(['GET', 'DELETE']));

reports.put('/:id/expiry', officerOnly({ role: 'officer', json: true }), async (c) => {
  const parsed = v.safeParse(ExpiryBody, parseJsonBody(c.var.body));
  if (!parsed.success) throw new Refusal('bad_request');
  if (!(await setReportExpiry(c.env.DB, reportIdParam(c.req.param('id')), parsed.output.expiresAt))) throw new Refusal('not_found');
  return c.body(null, 204);
});
reports.all('/:id/expiry', otherMethods(['PUT']));

/**
 * Mounted at `/v1/expiries` (docs/api.md "Bulk expiries"): the expiries of a group closed in
 * one action, up to 500 at once, all or nothing, with the single endpoint's checks and order
 * (413 at the bulk cap, 415, 401, 403, 400, 404 when any report is unknown).
 */
export const expiries = new Hono<AppEnv>();

expiries.put('/', officerOnly({ role: 'officer', json: true, maxBody: MAX_EXPIRIES_BODY }), async (c) => {
  const parsed = v.safeParse(PutExpiriesBody, parseJsonBody(c.var.body));
  if (!parsed.success) throw new Refusal('bad_request');
  if (!(await setReportExpiries(c.env.DB, parsed.output.expiries))) throw new Refusal('not_found');
  return c.body(null, 204);
});
expiries.all('/', otherMethods(['PUT']));
