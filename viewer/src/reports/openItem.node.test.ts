import { describe, expect, it } from 'vitest';
import { deriveFromReceipt, generatePoliceKey, IntegrityError, InvalidContentError, newReceiptSecret, sealReport, UnknownKeyError } from '../../../crypto/index.ts';
import type { ReportItem } from '../../../schemas/api.ts';
import type { PoliceKeyPairEntry } from '../../../schemas/keyring.ts';
import { toB64 } from '../../../schemas/encoding.ts';
import { FORMS } from '../../../schemas/forms/index.ts';
import { openItem, problemOf } from './openItem.ts';

const DISTRICTS = ['centre-ville'];
const ANSWERS = { district: 'centre-ville', place: 'Hall B', date: '2026-11-20', frequency: 'daily', activities: ['selling'] };

async function newId() {
  return (await deriveFromReceipt(await newReceiptSecret())).id;
}

async function sealed(police: Pick<PoliceKeyPairEntry, 'kid' | 'publicKey'>, opts: { innerId?: string; outerId?: string; form?: string; answers?: Record<string, unknown> } = {}): Promise<ReportItem> {
  const outer = opts.outerId ?? (await newId());
  const s = await sealReport(
    { v: 1, id: opts.innerId ?? outer, form: opts.form ?? 'stop-deal', formVersion: 1, createdAt: '2026-11-23T21:40:00Z', answers: opts.answers ?? ANSWERS, contact: null, replyTo: null, attachments: [] },
    police,
  );
  return { seq: 7, id: outer, kid: police.kid, sealed: toB64(s.sealed), mailbox: false, blobs: [], receivedAt: '2026-11-23T21:00:00Z' };
}

describe('openItem', () => {
  it('opens a report sealed to a held key, with no problem', async () => {
    const police = await generatePoliceKey();
    const item = await sealed(police);
    const e = await openItem(item, [police], FORMS, DISTRICTS);
    expect(e.problems).toEqual([]);
    expect(e.report?.answers).toEqual(ANSWERS);
    expect(e).toMatchObject({ seq: 7, id: item.id, kid: police.kid, receivedAt: '2026-11-23T21:00:00Z' });
  });

  it('picks the key its kid names among several (rotation)', async () => {
    const [old, current] = [await generatePoliceKey(), await generatePoliceKey()];
    expect((await openItem(await sealed(old), [current, old], FORMS, DISTRICTS)).problems).toEqual([]);
  });

  it('flags a kid the keyring does not hold', async () => {
    const e = await openItem(await sealed(await generatePoliceKey()), [await generatePoliceKey()], FORMS, DISTRICTS);
    expect(e).toMatchObject({ report: null, problems: ['unknown_key'] });
  });

  it('flags a report sealed to another key under a held kid', async () => {
    const [held, other] = [await generatePoliceKey(), await generatePoliceKey()];
    const item = await sealed({ kid: held.kid, publicKey: other.publicKey });
    expect(await openItem(item, [held], FORMS, DISTRICTS)).toMatchObject({ report: null, problems: ['undecryptable'] });
  });

  it('flags a bit-flipped or truncated report', async () => {
    const police = await generatePoliceKey();
    const item = await sealed(police);
    const bytes = Buffer.from(item.sealed, 'base64url');
    bytes[100] = bytes[100]! ^ 1;
    expect((await openItem({ ...item, sealed: toB64(bytes) }, [police], FORMS, DISTRICTS)).problems).toEqual(['undecryptable']);
    expect((await openItem({ ...item, sealed: toB64(bytes.subarray(0, 1000)) }, [police], FORMS, DISTRICTS)).problems).toEqual(['undecryptable']);
  });

  it('flags an inner/outer id mismatch and keeps the content to show', async () => {
    const police = await generatePoliceKey();
    const innerId = await newId();
    const e = await openItem(await sealed(police, { innerId }), [police], FORMS, DISTRICTS);
    expect(e.problems).toEqual(['id_mismatch']);
    expect(e.report?.id).toBe(innerId);
  });

  it('flags answers the form refuses, and an unknown form', async () => {
    const police = await generatePoliceKey();
    expect((await openItem(await sealed(police, { answers: { ...ANSWERS, frequency: 'hourly' } }), [police], FORMS, DISTRICTS)).problems).toEqual(['invalid_answers']);
    expect((await openItem(await sealed(police, { form: 'stop-graffiti' }), [police], FORMS, DISTRICTS)).problems).toEqual(['unknown_form']);
  });

  it('maps each typed crypto error to its flag', () => {
    expect(problemOf(new UnknownKeyError('k'))).toBe('unknown_key');
    expect(problemOf(new IntegrityError('x'))).toBe('undecryptable');
    expect(problemOf(new InvalidContentError('x'))).toBe('invalid_content');
    expect(problemOf(new Error('anything else'))).toBe('undecryptable');
  });
});
