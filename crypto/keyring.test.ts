import { describe, expect, it } from 'vitest';
import {
  createKeyring, generateOfficerKey, generatePoliceKey, KDF_INTERACTIVE, KeyringFormatError, openGrant, openMessage,
  sealGrant, sealMessage, deriveFromReceipt, IntegrityError, unlockKeyring, useSumo, WrongPassphraseError,
} from './index.ts';
import { fromB64 } from '../schemas/encoding.ts';

useSumo();

describe('keyrings (PROTOCOL §7)', () => {
  it('wraps and unlocks with the passphrase, and only with it', async () => {
    const police = await generatePoliceKey();
    const officer = await generateOfficerKey();
    const file = await createKeyring({ v: 1, police: [police], officer }, 'correct horse', KDF_INTERACTIVE);
    expect(file.kdf).toMatchObject({ alg: 'argon2id13', opslimit: 2, memlimit: 64 * 1024 * 1024 });
    expect(JSON.stringify(file)).not.toContain(police.secretKey);
    const inner = await unlockKeyring(JSON.parse(JSON.stringify(file)), 'correct horse');
    expect(inner.police[0]).toEqual(police);
    expect(inner.officer).toEqual(officer);
    await expect(unlockKeyring(file, 'wrong horse')).rejects.toThrow(WrongPassphraseError);
  });
  it('refuses out-of-range Argon2id parameters before any work, naming the field', async () => {
    const police = await generatePoliceKey();
    const file = await createKeyring({ v: 1, police: [police] }, 'p', KDF_INTERACTIVE);
    await expect(unlockKeyring({ ...file, kdf: { ...file.kdf, memlimit: 16 * 1024 ** 3 } }, 'p')).rejects.toThrow(/kdf\.memlimit/);
    await expect(unlockKeyring({ ...file, kdf: { ...file.kdf, opslimit: 1 } }, 'p')).rejects.toThrow(KeyringFormatError);
    await expect(unlockKeyring({ hello: 'world' }, 'p')).rejects.toThrow(KeyringFormatError);
    await expect(unlockKeyring({ ...file, box: file.box.slice(0, -4) }, 'p')).rejects.toThrow(WrongPassphraseError);
  });
});

describe('grants (PROTOCOL §5)', () => {
  it('seals police keys to an officer, who alone opens them', async () => {
    const police = await generatePoliceKey();
    const officer = await generateOfficerKey();
    const other = await generateOfficerKey();
    const sealed = await sealGrant({ v: 1, police: [police] }, officer.publicKey);
    expect((await openGrant(sealed, officer)).police).toEqual([police]);
    // Padded with JSON whitespace: one key or three, the same stored length.
    const three = await sealGrant({ v: 1, police: [police, await generatePoliceKey(), await generatePoliceKey()] }, officer.publicKey);
    expect(fromB64(sealed).length).toBe(1024 + 48);
    expect(fromB64(three).length).toBe(fromB64(sealed).length);
    await expect(openGrant(sealed, other)).rejects.toThrow(IntegrityError);
  });
});

describe('messages (PROTOCOL §4)', () => {
  it('boxes both ways, padded to bucket + 40, and refuses the wrong sender', async () => {
    const police = await generatePoliceKey();
    const reporter = await deriveFromReceipt(new Uint8Array(16).fill(5));
    const msg = { v: 1 as const, at: '2026-11-23T21:41:00Z', body: 'Pouvez-vous décrire les personnes ?', attachments: [] };
    const toReporter = await sealMessage(msg, reporter.replyPublicKey, fromB64(police.secretKey));
    expect(toReporter.length).toBe(1064);
    expect((await openMessage(toReporter, fromB64(police.publicKey), reporter.replySecretKey)).body).toBe(msg.body);
    const stranger = await generatePoliceKey();
    await expect(openMessage(toReporter, fromB64(stranger.publicKey), reporter.replySecretKey)).rejects.toThrow(IntegrityError);
    const toPolice = await sealMessage({ ...msg, body: 'Deux hommes, veste rouge.' }, fromB64(police.publicKey), reporter.replySecretKey);
    expect((await openMessage(toPolice, reporter.replyPublicKey, fromB64(police.secretKey))).body).toBe('Deux hommes, veste rouge.');
  });
});
