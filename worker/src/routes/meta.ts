/**
 * `GET /api/v1/meta` (PROTOCOL §3): what a client needs to submit: pow difficulty, kids;
 * plus, additively, `receiptPublicKey` when the Worker signs receipts (docs/follow-up.md).
 */
import { Hono } from 'hono';
import type { MetaAnswer } from '../../../schemas/api.ts';
import type { MetaReceiptFields } from '../../../schemas/receipt-api.ts';
import { acceptedKids } from '../../../schemas/deployment.ts';
import { MAX_SEALED_BYTES } from '../../../schemas/limits.ts';
import type { AppEnv } from '../context.ts';
import { otherMethods } from '../http/methods.ts';
import { receiptSignerOf } from '../receipt/signer.ts';

export const meta = new Hono<AppEnv>();

meta.get('/', async (c) => {
  const d = c.var.deployment;
  const answer: MetaAnswer & MetaReceiptFields = { v: 1, powBits: d.powBits, kids: acceptedKids(d, new Date()), maxSealedBytes: MAX_SEALED_BYTES };
  const signer = await receiptSignerOf(c.env, d);
  if (signer) answer.receiptPublicKey = signer.publicKey;
  return c.json(answer);
});
meta.all('/', otherMethods(['GET']));
