import { describe, expect, it } from 'vitest';
import sodiumLib from 'libsodium-wrappers';
import { fromB64, toB64 } from '../schemas/encoding.ts';
import { SEALED_REPORT_SIZES } from '../schemas/limits.ts';
import { unitKeysOf } from '../schemas/keyring.ts';
import { generateOfficerKey, generatePoliceKey, generateUnitKey, IntegrityError, InvalidContentError, openCaseEvent, openDossier, sealCaseEvent, sealDossier, UnknownKeyError } from './index.ts';

const reportId = toB64(new Uint8Array(16).fill(2));
const report = { v: 1 as const, id: reportId, form: 'stop-deal', formVersion: 1, createdAt: '2026-11-23T21:40:00Z', answers: { place: 'DOSSIER-CANARY' }, contact: null, replyTo: null, attachments: [] };

describe('case-file events (PROTOCOL §5)', () => {
  it('seal, open, and prove the author', async () => {
    const police = await generatePoliceKey();
    const officer = await generateOfficerKey();
    const posted = await sealCaseEvent({ v: 1, reportId, at: '2026-11-23T22:00:00Z', type: 'status', status: 'verifie', authorName: 'Brigadier Martin' }, officer, police);
    expect(SEALED_REPORT_SIZES).toContain(fromB64(posted.sealed).length);
    const opened = await openCaseEvent(posted, [police]);
    expect(opened.officerId).toBe(officer.officerId);
    expect(opened.event).toMatchObject({ type: 'status', status: 'verifie', reportId });
    await expect(openCaseEvent(posted, [await generatePoliceKey()])).rejects.toThrow(UnknownKeyError);
  });
  it('refuses an event whose signature or author was changed inside a valid seal', async () => {
    await sodiumLib.ready;
    const s = sodiumLib;
    const police = await generatePoliceKey();
    const officer = await generateOfficerKey();
    const other = await generateOfficerKey();
    const posted = await sealCaseEvent({ v: 1, reportId, at: '2026-11-23T22:00:00Z', type: 'note', text: 'vu deux fois' }, officer, police);
    const padded = s.crypto_box_seal_open(fromB64(posted.sealed), fromB64(police.publicKey), fromB64(police.secretKey));
    const envelope = JSON.parse(s.to_string(s.unpad(padded, padded.length)));
    const reseal = (e: unknown) => ({ kid: police.kid, sealed: toB64(s.crypto_box_seal(s.pad(new TextEncoder().encode(JSON.stringify(e)), 1024), fromB64(police.publicKey))) });
    await expect(openCaseEvent(reseal({ ...envelope, body: envelope.body.replace('deux', 'trois') }), [police])).rejects.toThrow(IntegrityError);
    await expect(openCaseEvent(reseal({ ...envelope, officerId: other.officerId }), [police])).rejects.toThrow(IntegrityError);
    await expect(openCaseEvent(reseal({ ...envelope, publicKey: other.publicKey, officerId: other.officerId }), [police])).rejects.toThrow(IntegrityError);
    await expect(openCaseEvent(reseal({ hello: 1 }), [police])).rejects.toThrow(InvalidContentError);
    expect((await openCaseEvent(reseal(envelope), [police])).event).toMatchObject({ type: 'note', text: 'vu deux fois' });
  });
  it('refuses invalid event bodies before sealing', async () => {
    const police = await generatePoliceKey();
    const officer = await generateOfficerKey();
    await expect(sealCaseEvent({ v: 1, reportId, at: '2026-11-23T22:00:00Z', type: 'status', status: 'perdu' } as never, officer, police)).rejects.toThrow();
  });
});

describe('forwarding dossiers', () => {
  it('open only with the unit key, and prove who forwarded', async () => {
    const unit = await generateUnitKey();
    const police = await generatePoliceKey();
    const officer = await generateOfficerKey();
    const body = {
      v: 1 as const, createdAt: '2026-11-23T22:00:00Z', unit: 'Cellule renseignement', reports: [
        { id: reportId, receivedAt: '2026-11-23T21:00:00Z', kid: police.kid, report, caseFile: [{ officerId: officer.officerId, event: { v: 1 as const, reportId, at: '2026-11-23T22:00:00Z', type: 'status' as const, status: 'transmis' as const } }], messages: [{ seq: 1, from: 'police' as const, at: '2026-11-23T21:30:00Z', body: 'Combien de personnes ?' }] },
      ],
    };
    const file = await sealDossier(body, officer, unit);
    expect(JSON.stringify(file)).not.toContain('DOSSIER-CANARY');
    expect(fromB64(file.sealed).length % 65536).toBe(48);
    const opened = await openDossier(JSON.parse(JSON.stringify(file)), [unit]);
    expect(opened.officerId).toBe(officer.officerId);
    expect(opened.body.reports[0]!.report.answers).toEqual({ place: 'DOSSIER-CANARY' });
    // A police keyring given where the unit's is wanted: read as unit keys, as the CLI would.
    await expect(openDossier(file, unitKeysOf({ police: [police] }))).rejects.toThrow(UnknownKeyError);
    await expect(openDossier(file, unitKeysOf({ police: [{ ...police, kid: unit.kid }] }))).rejects.toThrow(IntegrityError);
    await expect(openDossier({ nope: true }, [unit])).rejects.toThrow(InvalidContentError);
  });
});
