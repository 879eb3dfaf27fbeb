/**
 * Attachment blobs (PROTOCOL §6): anyone uploads `header ‖ chunks` of a secretstream with a
 * proof of work; officers download. The Worker checks only the size (a padding bucket), that
 * the id is the content's hash, and the work; it stores the bytes in R2 under the id with no
 * metadata, and a D1 row with the size and the upload hour. No request header is stored.
 *
 * Upload checks, the first failing one decides (like PROTOCOL §3, §6): `413` (read while
 * streaming), `415`, `400`, `400 pow_invalid` below the base, `200` (already stored),
 * `400 pow_invalid` below the effort now, then `201`. Never a `429` (docs/flood.md).
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { BlobId } from '../../../schemas/api.ts';
import { BLOB_MEDIA_TYPE, BLOB_POW_HEADER, MAX_BLOB_BYTES, type PutBlobAnswer } from '../../../schemas/blob-api.ts';
import { b64Bytes, fromB64 } from '../../../schemas/encoding.ts';
import { BLOB_SIZES } from '../../../schemas/limits.ts';
import { isoHour } from '../../../schemas/time.ts';
import { officerOnly } from '../auth/officer.ts';
import type { AppEnv } from '../context.ts';
import { blobUnits } from '../flood/effortRule.ts';
import { admit, effortNow } from '../flood/gate.ts';
import { hasMediaType, readCappedBody } from '../http/body.ts';
import { Refusal, powInvalid } from '../http/errors.ts';
import { otherMethods } from '../http/methods.ts';
import { recordBlob } from '../store/blobs.ts';
import { blobDigest, blobPowZeroBits, idMatches } from '../verify/blob.ts';

export const blobs = new Hono<AppEnv>();

const Pow = b64Bytes(8);

blobs.put('/:blobId', async (c) => {
  // 413 first (PROTOCOL §3 order), counted on the bytes read: a lying length cannot pass.
  const body = await readCappedBody(c.req.raw, MAX_BLOB_BYTES);
  if (!hasMediaType(c.req.header('Content-Type') ?? null, BLOB_MEDIA_TYPE)) throw new Refusal('unsupported_media_type');
  const id = c.req.param('blobId');
  const pow = c.req.header(BLOB_POW_HEADER);
  // A malformed id is a claim about the content that cannot hold: 400, like a mismatch.
  if (!v.is(BlobId, id) || !v.is(Pow, pow) || !BLOB_SIZES.includes(body.length)) throw new Refusal('bad_request');
  const idBytes = fromB64(id);
  const digest = blobDigest(body);
  if (!idMatches(idBytes, digest)) throw new Refusal('bad_request');
  const d = c.var.deployment;
  // Hashed once; compared with the base, then (a new blob only) with the effort now.
  const bits = blobPowZeroBits(idBytes, digest, fromB64(pow));
  if (bits < d.powBits) throw powInvalid(Math.max(d.powBits, await effortNow(c.env, d)));
  const hour = isoHour(new Date());
  // Already stored: `200` whatever the effort now (its proof was checked when it was stored);
  // an unnamed blob's 24 hours restart (docs/api.md).
  if ((await c.env.BLOBS.head(id)) !== null) {
    await recordBlob(c.env.DB, id, body.length, hour);
    return c.json({ blob: id } satisfies PutBlobAnswer, 200);
  }
  // One unit per started MiB (docs/flood.md); counted only when admitted; never a 429.
  const admission = await admit(c.env, d, bits, blobUnits(body.length));
  if (!admission.ok) throw powInvalid(admission.effort);
  // The row first: R2 never holds bytes that retention and the orphan rule cannot see.
  await recordBlob(c.env.DB, id, body.length, hour);
  // No metadata: R2 keeps the key and the bytes, nothing of the request.
  await c.env.BLOBS.put(id, body);
  return c.json({ blob: id } satisfies PutBlobAnswer, 201);
});

// Officer download (PROTOCOL §5 auth and order): the bytes as stored, streamed from R2.
blobs.get('/:blobId', officerOnly({ role: 'officer' }), async (c) => {
  const id = c.req.param('blobId');
  if (!v.is(BlobId, id)) throw new Refusal('not_found');
  const object = await c.env.BLOBS.get(id);
  if (!object) throw new Refusal('not_found');
  return new Response(object.body, { headers: { 'Content-Type': BLOB_MEDIA_TYPE } });
});
blobs.all('/:blobId', otherMethods(['GET', 'PUT']));
