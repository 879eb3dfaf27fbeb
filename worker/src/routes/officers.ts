/**
 * The officer roster and key grants (PROTOCOL §5). Roster changes need `admin`; fetching
 * one's own grant needs only a valid officer signature.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { EnrolOfficerBody, type EnrolOfficerAnswerInput, type OfficerListInput } from '../../../schemas/api.ts';
import { fromB64 } from '../../../schemas/encoding.ts';
import { GrantBody, type GrantAnswer, type GrantStoredAnswerInput } from '../../../schemas/grant-api.ts';
import { OfficerId } from '../../../schemas/keys.ts';
import { isoSeconds } from '../../../schemas/time.ts';
import { officerOnly } from '../auth/officer.ts';
import { disconnectOfficer } from '../live/notify.ts';
import type { AppEnv } from '../context.ts';
import { bootstrapKeyOf } from '../env.ts';
import { parseJsonBody } from '../http/body.ts';
import { Refusal } from '../http/errors.ts';
import { otherMethods } from '../http/methods.ts';
import { addOfficer, getOfficer, listOfficers, revokeOfficer } from '../store/officers.ts';
import { getGrant, putGrant } from '../store/grants.ts';
import { officerIdOf } from '../verify/signature.ts';

export const officers = new Hono<AppEnv>();

/** A path officerId that is not a canonical 16-byte b64 names nobody: `404`. */
function officerIdParam(id: string): string {
  if (!v.is(OfficerId, id)) throw new Refusal('not_found');
  return id;
}

officers.get('/', officerOnly({ role: 'admin' }), async (c) => {
  const answer: OfficerListInput = { officers: await listOfficers(c.env.DB) };
  return c.json(answer);
});

// Enrolling the same key again with the same role is an idempotent retry (200); a known
// key with another role, or a revoked one, is `409 id_conflict` (docs/api.md).
officers.post('/', officerOnly({ role: 'admin', json: true }), async (c) => {
  const parsed = v.safeParse(EnrolOfficerBody, parseJsonBody(c.var.body));
  if (!parsed.success) throw new Refusal('bad_request');
  const { publicKey, role } = parsed.output;
  const officerId = officerIdOf(fromB64(publicKey));
  const { officer, created } = await addOfficer(c.env.DB, { officerId, publicKey, role, createdAt: isoSeconds(new Date()) });
  if (!created && (officer.role !== role || officer.revokedAt !== null)) throw new Refusal('id_conflict');
  const answer: EnrolOfficerAnswerInput = { officerId, role };
  return c.json(answer, created ? 201 : 200);
});
officers.all('/', otherMethods(['GET', 'POST']));

// Must come before `/:officerId/grant`, which would otherwise take "me" for an id.
officers.get('/me/grant', officerOnly({ role: 'officer' }), async (c) => {
  const grant = await getGrant(c.env.DB, c.var.officer.officerId);
  if (!grant) throw new Refusal('not_found');
  const answer: GrantAnswer = { sealed: grant.sealed };
  return c.json(answer);
});
officers.all('/me/grant', otherMethods(['GET']));

officers.post('/:officerId/grant', officerOnly({ role: 'admin', json: true }), async (c) => {
  const parsed = v.safeParse(GrantBody, parseJsonBody(c.var.body));
  if (!parsed.success) throw new Refusal('bad_request');
  const officerId = officerIdParam(c.req.param('officerId'));
  // A revoked officer gets nothing new: as unknown as an id never enrolled.
  const target = await getOfficer(c.env.DB, officerId);
  if (!target || target.revokedAt !== null) throw new Refusal('not_found');
  const createdAt = isoSeconds(new Date());
  await putGrant(c.env.DB, officerId, parsed.output.sealed, createdAt);
  const answer: GrantStoredAnswerInput = { officerId, createdAt };
  return c.json(answer, 201);
});
officers.all('/:officerId/grant', otherMethods(['POST']));

// Revoked at once; the row stays for history. The bootstrap admin can be revoked before
// its first request: a revoked row is written, and the row rules from then on.
officers.delete('/:officerId', officerOnly({ role: 'admin' }), async (c) => {
  const officerId = officerIdParam(c.req.param('officerId'));
  const now = isoSeconds(new Date());
  // Their live sockets close too: a revoked officer hears nothing more.
  if (await revokeOfficer(c.env.DB, officerId, now)) {
    disconnectOfficer(c, officerId);
    return c.body(null, 204);
  }
  const key = bootstrapKeyOf(c.env);
  if (key && officerIdOf(fromB64(key)) === officerId) {
    await addOfficer(c.env.DB, { officerId, publicKey: key, role: 'admin', createdAt: now, revokedAt: now });
    await revokeOfficer(c.env.DB, officerId, now);
    return c.body(null, 204);
  }
  throw new Refusal('not_found');
});
officers.all('/:officerId', otherMethods(['DELETE']));
