import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring, generateOfficerKey, generatePoliceKey, KDF_INTERACTIVE, sealReport, useSumo } from '../../crypto/index.ts';
import { toB64 } from '../../schemas/encoding.ts';
import type { PoliceKeyPairEntry } from '../../schemas/keyring.ts';
import { main } from '../sd.ts';
import { testIo } from '../test/io.ts';

useSumo();
const PASS = 'decrypt test passphrase';
let dir: string;
let keyringFile: string;
let police: PoliceKeyPairEntry;

const plaintext = (id: string) => ({
  v: 1 as const, id, form: 'stop-deal', formVersion: 1, createdAt: '2026-11-23T21:40:00Z',
  answers: { district: 'centre-ville', place: 'CANARY-decrypt', date: '2026-11-23', frequency: 'daily', activities: ['selling'] },
  contact: null, replyTo: null, attachments: [],
});

async function itemFile(name: string, outerId: string, innerId = outerId, key: Pick<PoliceKeyPairEntry, 'kid' | 'publicKey'> = police) {
  const { sealed, kid } = await sealReport(plaintext(innerId), key);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ seq: 7, id: outerId, kid, sealed: toB64(sealed), mailbox: false, blobs: [], receivedAt: '2026-11-23T21:00:00Z' }));
  return file;
}

async function sd(argv: string[]) {
  const io = testIo({ SD_PASSPHRASE: PASS });
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sd-decrypt-'));
  police = await generatePoliceKey();
  keyringFile = join(dir, 'k.json');
  writeFileSync(keyringFile, JSON.stringify(await createKeyring({ v: 1, police: [police], officer: await generateOfficerKey() }, PASS, KDF_INTERACTIVE)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ID = toB64(new Uint8Array(16).fill(1));
const OTHER = toB64(new Uint8Array(16).fill(2));

describe('sd decrypt', () => {
  it('opens a report item to stdout', async () => {
    const r = await sd(['decrypt', '--keyring', keyringFile, await itemFile('ok.json', ID)]);
    expect(r.code, r.err).toBe(0);
    const entry = JSON.parse(r.out);
    expect(entry).toMatchObject({ seq: 7, id: ID, flag: null, report: { id: ID, answers: { place: 'CANARY-decrypt' } } });
  });
  it('flags an inner/outer id mismatch (PROTOCOL §2) and still shows it', async () => {
    const r = await sd(['decrypt', '--keyring', keyringFile, await itemFile('mismatch.json', ID, OTHER)]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).flag).toBe('id_mismatch');
    expect(r.err).toBe(`warning: report ${ID} is flagged id_mismatch\n`);
  });
  it('fails clearly on a key it does not hold, and on a file that is not an item', async () => {
    const stranger = await generatePoliceKey();
    const r = await sd(['decrypt', '--keyring', keyringFile, await itemFile('stranger.json', ID, ID, stranger)]);
    expect(r).toMatchObject({ code: 1, out: '', err: `sd: report ${ID} cannot be read: unknown_key\n` });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ id: ID }));
    expect((await sd(['decrypt', '--keyring', keyringFile, bad])).err).toBe(`sd: ${bad} is not a report item as the API returns it (field "seq")\n`);
  });
});
