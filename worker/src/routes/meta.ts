/**
 * `GET /api/v1/meta` (PROTOCOL §3): what a client needs to submit: the effort required now
 * (`powBits`, which adapts to load), kids; plus, additively, `powBase` and `powCeiling`
 * (docs/flood.md) and `receiptPublicKey` when the Worker signs receipts (docs/follow-up.md).
 * `no-store`: the effort changes from one minute to the next.
 */
import { Hono } from 'hono';
import type { MetaAnswerInput } from '../../../schemas/api.ts';
import type { MetaReceiptFields } from '../../../schemas/receipt-api.ts';
import { acceptedKids } from '../../../schemas/deployment.ts';
import { MAX_SEALED_BYTES } from '../../../schemas/limits.ts';
import type { AppEnv } from '../context.ts';
import { effortNow } from '../flood/gate.ts';
import { otherMethods } from '../http/methods.ts';
import { receiptSignerOf } from '../receipt/signer.ts';

export const meta = new Hono<AppEnv>();

meta.get('/', async (c) => {
  const d = c.var.deployment;
  const answer: MetaAnswerInput & MetaReceiptFields = {
    v: 1,
    powBits: Math.max(d.powBits, await effortNow(c.env, d)),
    kids: acceptedKids(d, new Date()),
    maxSealedBytes: MAX_SEALED_BYTES,
    powBase: d.powBits,
    powCeiling: d.effort.ceilingBits,
  };
  const signer = await receiptSignerOf(c.env, d);
  if (signer) answer.receiptPublicKey = signer.publicKey;
  return c.json(answer, 200, { 'Cache-Control': 'no-store' });
});
meta.all('/', otherMethods(['GET']));
