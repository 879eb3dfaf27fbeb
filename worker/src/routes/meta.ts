/** `GET /api/v1/meta` (PROTOCOL §3): what a client needs to submit: pow difficulty, kids. */
import { Hono } from 'hono';
import type { MetaAnswer } from '../../../schemas/api.ts';
import { acceptedKids } from '../../../schemas/deployment.ts';
import { MAX_SEALED_BYTES } from '../../../schemas/limits.ts';
import type { AppEnv } from '../context.ts';
import { otherMethods } from '../http/methods.ts';

export const meta = new Hono<AppEnv>();

meta.get('/', (c) => {
  const d = c.var.deployment;
  const answer: MetaAnswer = { v: 1, powBits: d.powBits, kids: acceptedKids(d, new Date()), maxSealedBytes: MAX_SEALED_BYTES };
  return c.json(answer);
});
meta.all('/', otherMethods(['GET']));
