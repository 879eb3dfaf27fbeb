/**
 * `GET /api/v1/receipt-key` (docs/follow-up.md): the public key that verifies submission
 * receipts, `{"publicKey"}`; `404 not_found` when the Worker gives no receipts.
 */
import { Hono } from 'hono';
import type { ReceiptKeyAnswer } from '../../../schemas/receipt-api.ts';
import type { AppEnv } from '../context.ts';
import { Refusal } from '../http/errors.ts';
import { otherMethods } from '../http/methods.ts';
import { receiptSignerOf } from '../receipt/signer.ts';

export const receiptKey = new Hono<AppEnv>();

receiptKey.get('/', async (c) => {
  const signer = await receiptSignerOf(c.env, c.var.deployment);
  if (!signer) throw new Refusal('not_found');
  const answer: ReceiptKeyAnswer = { publicKey: signer.publicKey };
  return c.json(answer);
});
receiptKey.all('/', otherMethods(['GET']));
