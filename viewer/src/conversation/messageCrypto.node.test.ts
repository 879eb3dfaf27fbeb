import { sodium as loadSodium } from '../../../crypto/sodium.ts';
import { describe, expect, it } from 'vitest';
import { deriveFromReceipt, generatePoliceKey, newReceiptSecret, openMessage, sealMessage } from '../../../crypto/index.ts';
import type { PoliceKeyEntry } from '../../../schemas/deployment.ts';
import { fromB64, toB64 } from '../../../schemas/encoding.ts';
import type { PoliceKeyPairEntry } from '../../../schemas/keyring.ts';
import type { MessageItem } from '../../../schemas/mailbox-api.ts';
import { openConversationMessage, sealingKey, sealQuestion } from './messageCrypto.ts';

async function resident() {
  const keys = await deriveFromReceipt(await newReceiptSecret());
  return { ...keys, replyTo: toB64(keys.replyPublicKey) };
}

const item = (seq: number, from: 'police' | 'reporter', kid: string, sealed: Uint8Array): MessageItem => ({ seq, from, kid, sealed: toB64(sealed), at: '2026-11-23T21:41:00Z' });

/** An answer boxed as the reporter app does: (police public key, reporter secret key). */
async function answer(body: string, police: { publicKey: string }, reporterSecret: Uint8Array) {
  return sealMessage({ v: 1, at: '2026-11-23T21:40:30Z', body, attachments: [] }, fromB64(police.publicKey), reporterSecret);
}

describe('follow-up messages, officers’ side', () => {
  it('opens a reporter’s answer with replyTo and the police secret key of its kid', async () => {
    const [police, r] = [await generatePoliceKey(), await resident()];
    const opened = await openConversationMessage(item(2, 'reporter', police.kid, await answer('Trois hommes, veste rouge.', police, r.replySecretKey)), r.replyTo, [police]);
    expect(opened).toEqual({ seq: 2, from: 'reporter', kid: police.kid, at: '2026-11-23T21:41:00Z', ok: true, body: 'Trois hommes, veste rouge.', writtenAt: '2026-11-23T21:40:30Z' });
  });

  it('seals a question the reporter opens, and that officers can open again (crypto_box is symmetric)', async () => {
    const [police, r] = [await generatePoliceKey(), await resident()];
    const body = await sealQuestion('Pouvez-vous décrire les personnes ?', r.replyTo, police, new Date('2026-11-23T21:42:05.123Z'));
    expect(body.kid).toBe(police.kid);
    expect(fromB64(body.sealed).length).toBe(1064);
    // The resident, with the police public key of the kid and the reply secret key.
    const read = await openMessage(fromB64(body.sealed), fromB64(police.publicKey), r.replySecretKey);
    expect(read).toEqual({ v: 1, at: '2026-11-23T21:42:05Z', body: 'Pouvez-vous décrire les personnes ?', attachments: [] });
    const again = await openConversationMessage({ seq: 1, from: 'police', kid: body.kid, sealed: body.sealed, at: '2026-11-23T21:42:00Z' }, r.replyTo, [police]);
    expect(again).toMatchObject({ ok: true, body: 'Pouvez-vous décrire les personnes ?' });
  });

  it('uses the key the message’s kid names among several (rotation)', async () => {
    const [old, current, r] = [await generatePoliceKey(), await generatePoliceKey(), await resident()];
    const opened = await openConversationMessage(item(1, 'reporter', old.kid, await answer('ancien', old, r.replySecretKey)), r.replyTo, [current, old]);
    expect(opened).toMatchObject({ ok: true, body: 'ancien' });
  });

  it('says why a message cannot be read, and keeps its facts', async () => {
    const [police, stranger, r, other] = [await generatePoliceKey(), await generatePoliceKey(), await resident(), await resident()];
    // Sealed to another police key under a held kid.
    const wrongKey = item(3, 'reporter', police.kid, await answer('x', stranger, r.replySecretKey));
    expect(await openConversationMessage(wrongKey, r.replyTo, [police])).toEqual({ seq: 3, from: 'reporter', kid: police.kid, at: '2026-11-23T21:41:00Z', ok: false, reason: 'integrity' });
    // Written by someone else than the report's reporter.
    expect(await openConversationMessage(item(4, 'reporter', police.kid, await answer('x', police, other.replySecretKey)), r.replyTo, [police])).toMatchObject({ ok: false, reason: 'integrity' });
    // A kid the keyring does not hold.
    expect(await openConversationMessage(item(5, 'reporter', stranger.kid, await answer('x', stranger, r.replySecretKey)), r.replyTo, [police])).toMatchObject({ ok: false, reason: 'unknown-key' });
    // No reporter key to open with.
    expect(await openConversationMessage(item(6, 'reporter', police.kid, await answer('x', police, r.replySecretKey)), null, [police])).toMatchObject({ ok: false, reason: 'no-reply-key' });
    // Bit flipped.
    const flipped = await answer('x', police, r.replySecretKey);
    flipped[60] = flipped[60]! ^ 1;
    expect(await openConversationMessage(item(7, 'reporter', police.kid, flipped), r.replyTo, [police])).toMatchObject({ ok: false, reason: 'integrity' });
  });

  it('flags a message that opens but is not a protocol message', async () => {
    const [police, r] = [await generatePoliceKey(), await resident()];
    // What no honest app sends: a well-boxed, well-padded JSON that is not `{v:1, at, body, attachments}`.
    const sodiumLib = await loadSodium();
    const p = sodiumLib.pad(new TextEncoder().encode('{"v":2,"body":"x"}'), 1024);
    const nonce = sodiumLib.randombytes_buf(24);
    const boxed = new Uint8Array([...nonce, ...sodiumLib.crypto_box_easy(p, nonce, fromB64(police.publicKey), r.replySecretKey)]);
    expect(await openConversationMessage(item(1, 'reporter', police.kid, boxed), r.replyTo, [police])).toMatchObject({ ok: false, reason: 'invalid-content' });
  });

  it('seals with the newest active deployment key the keyring holds', async () => {
    const [a, b, c] = [await generatePoliceKey(), await generatePoliceKey(), await generatePoliceKey()];
    const dep = (k: PoliceKeyPairEntry, status: 'active' | 'retired', createdAt: string): PoliceKeyEntry => ({ kid: k.kid, publicKey: k.publicKey, status, createdAt });
    const keys = [dep(a, 'retired', '2026-01-01T00:00:00Z'), dep(b, 'active', '2026-02-01T00:00:00Z'), dep(c, 'active', '2026-03-01T00:00:00Z')];
    expect(sealingKey(keys, [a, b, c])?.kid).toBe(c.kid);
    expect(sealingKey(keys, [a, b])?.kid).toBe(b.kid);
    expect(sealingKey(keys, [a])).toBeNull();
    // A held entry whose public key differs from the deployment's is not the same key.
    expect(sealingKey(keys, [{ ...c, publicKey: a.publicKey }])).toBeNull();
  });
});
