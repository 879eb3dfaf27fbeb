/**
 * Follow-up messages (PROTOCOL §4): JSON padded like reports, then
 * `nonce ‖ crypto_box_easy(p, nonce, theirPublic, mySecret)` with a random 24-byte nonce.
 * Police → reporter: (reporter public, police secret); reporter → police: (police public,
 * reporter secret). Authenticated both ways, so neither side nor the Worker can forge.
 */
import * as v from 'valibot';
import { SEALED_MESSAGE_SIZES } from '../schemas/limits.ts';
import { MessagePlaintext, type MessagePlaintextInput } from '../schemas/message.ts';
import { concat, fromUtf8, utf8 } from './bytes.ts';
import { IntegrityError, InvalidContentError } from './errors.ts';
import { pad, unpad } from './padding.ts';
import { sodium } from './sodium.ts';

/** Seals one message from `mySecret` to `theirPublic`. */
export async function sealMessage(message: MessagePlaintextInput, theirPublic: Uint8Array, mySecret: Uint8Array): Promise<Uint8Array> {
  const s = await sodium();
  const m = utf8(JSON.stringify(v.parse(MessagePlaintext, message)));
  const p = pad(s, m);
  const nonce = s.randombytes_buf(24);
  const out = concat(nonce, s.crypto_box_easy(p, nonce, theirPublic, mySecret));
  s.memzero(p);
  return out;
}

/**
 * Opens one message sent by `theirPublic` to `mySecret`.
 * @throws IntegrityError (wrong key, altered, wrong length), InvalidContentError
 */
export async function openMessage(sealed: Uint8Array, theirPublic: Uint8Array, mySecret: Uint8Array): Promise<MessagePlaintext> {
  const s = await sodium();
  if (!SEALED_MESSAGE_SIZES.includes(sealed.length)) throw new IntegrityError('sealed message length is not a bucket');
  let p: Uint8Array;
  try {
    p = s.crypto_box_open_easy(sealed.subarray(24), sealed.subarray(0, 24), theirPublic, mySecret);
  } catch {
    throw new IntegrityError('message does not open');
  }
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(unpad(s, p)));
  } catch (e) {
    if (e instanceof IntegrityError) throw e;
    throw new InvalidContentError('message is not UTF-8 JSON');
  }
  const r = v.safeParse(MessagePlaintext, json);
  if (!r.success) throw new InvalidContentError('message does not match the protocol');
  return r.output;
}
