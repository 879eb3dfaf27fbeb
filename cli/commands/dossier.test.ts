import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring, generateOfficerKey, generatePoliceKey, generateUnitKey, KDF_INTERACTIVE, sealBlob, sealDossier, useSumo } from '../../crypto/index.ts';
import { toB64 } from '../../schemas/encoding.ts';
import type { DossierBodyInput } from '../../schemas/dossier.ts';
import type { OfficerKeyEntry, UnitKeyPairEntry } from '../../schemas/keyring.ts';
import { main } from '../sd.ts';
import { testIo } from '../test/io.ts';
import { fingerprint } from '../../client/fingerprint.ts';

useSumo();
const PASS = 'dossier test passphrase';
const ID = 'AAECAwQFBgcICQoLDA0ODw';
let dir: string;
let unitKeyring: string;
let policeKeyring: string;
let dossierFile: string;
let unit: UnitKeyPairEntry;
let officer: OfficerKeyEntry;

const body = (): DossierBodyInput => ({
  v: 1,
  createdAt: '2026-11-24T08:00:00Z',
  unit: 'BRI Beauvais',
  fromName: 'Brigadier Martin',
  reports: [
    {
      id: ID,
      receivedAt: '2026-11-23T21:00:00Z',
      kid: ID,
      report: {
        v: 1, id: ID, form: 'stop-deal', formVersion: 1, createdAt: '2026-11-23T20:40:00Z',
        answers: { district: 'centre-ville', place: 'CANARY-dossier hall C', date: '2026-11-23', frequency: 'daily', activities: ['selling'] },
        contact: null, replyTo: null,
        attachments: [{ blob: 'A'.repeat(43), key: 'E'.repeat(43), mime: 'image/jpeg', size: 1234, name: 'photo.jpg' }],
      },
      caseFile: [{ officerId: officer.officerId, authorName: 'Brigadier Martin', event: { v: 1, reportId: ID, at: '2026-11-23T22:00:00Z', type: 'status', status: 'verifie' } }],
      messages: [{ seq: 1, from: 'reporter', at: '2026-11-23T22:10:00Z', body: 'CANARY-answer une Clio grise' }],
    },
  ],
});

async function sd(argv: string[]) {
  const io = testIo({ SD_PASSPHRASE: PASS });
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sd-dossier-'));
  unit = await generateUnitKey();
  officer = await generateOfficerKey();
  unitKeyring = join(dir, 'unit.json');
  policeKeyring = join(dir, 'police.json');
  writeFileSync(unitKeyring, JSON.stringify(await createKeyring({ v: 1, police: [unit] }, PASS, KDF_INTERACTIVE)));
  writeFileSync(policeKeyring, JSON.stringify(await createKeyring({ v: 1, police: [await generatePoliceKey()], officer: await generateOfficerKey() }, PASS, KDF_INTERACTIVE)));
  dossierFile = join(dir, 'dossier.json');
  writeFileSync(dossierFile, JSON.stringify(await sealDossier(body(), officer, unit)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sd dossier open', () => {
  it('opens a dossier with the unit keyring, in plain words', async () => {
    const r = await sd(['dossier', 'open', '--keyring', unitKeyring, dossierFile]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Dossier for unit:  BRI Beauvais');
    expect(r.out).toContain(`sealed by:         Brigadier Martin [${fingerprint(officer.officerId)}]`);
    expect(r.out).toContain('signature verified');
    expect(r.out).toContain('Rue, adresse ou repère: CANARY-dossier hall C');
    expect(r.out).toContain('Ce que vous avez vu: Vente');
    expect(r.out).toContain(`attachment: blob ${'A'.repeat(43)}  key ${'E'.repeat(43)}  image/jpeg  1234 bytes  "photo.jpg"`);
    expect(r.out).toContain('status → Vérifié');
    expect(r.out).toContain('resident: CANARY-answer une Clio grise');
  });

  it('prints JSON with --json', async () => {
    const r = await sd(['dossier', 'open', '--keyring', unitKeyring, '--json', dossierFile]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.officerId).toBe(officer.officerId);
    expect(out.dossier.reports[0].report.answers.place).toBe('CANARY-dossier hall C');
  });

  it('refuses any other keyring, saying which unit key it needs', async () => {
    const r = await sd(['dossier', 'open', '--keyring', policeKeyring, dossierFile]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`this dossier is sealed for the unit key ${unit.kid} (${fingerprint(unit.kid)})`);
    expect(r.err).not.toContain('CANARY');
  });

  it('says what is wrong with a file that is not a dossier, or was altered', async () => {
    const notJson = join(dir, 'notes.txt');
    writeFileSync(notJson, 'hello');
    expect((await sd(['dossier', 'open', '--keyring', unitKeyring, notJson])).err).toContain('is not a Stop Deal dossier: not JSON');
    const other = join(dir, 'other.json');
    writeFileSync(other, '{"hello":1}');
    expect((await sd(['dossier', 'open', '--keyring', unitKeyring, other])).err).toContain('is not a Stop Deal dossier');
    const file = JSON.parse(JSON.stringify(await sealDossier(body(), officer, unit)));
    file.sealed = file.sealed.slice(0, 100) + (file.sealed[100] === 'A' ? 'B' : 'A') + file.sealed.slice(101);
    const altered = join(dir, 'altered.json');
    writeFileSync(altered, JSON.stringify(file));
    const r = await sd(['dossier', 'open', '--keyring', unitKeyring, altered]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('does not open with this keyring, or was altered');
  });
});

describe('sd dossier open --attachments (docs/attachments.md "Forwarding")', () => {
  const PHOTO = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new TextEncoder().encode('CANARY-photo-bytes')]);
  const HTML = new TextEncoder().encode('<html><script>x()</script></html>');

  async function dossierWithBlobs(dirName: string) {
    const photo = await sealBlob(PHOTO);
    const html = await sealBlob(HTML);
    const gone = await sealBlob(new Uint8Array([1, 2, 3]));
    const old = await sealBlob(new Uint8Array([4, 5, 6]));
    const b = body();
    const r = b.reports[0]!;
    r.report.attachments = [
      { blob: photo.id, key: photo.key, mime: 'image/png', size: PHOTO.length, name: '../facade.png' },
      { blob: html.id, key: html.key, mime: 'image/png', size: HTML.length, name: 'vacances.png' },
      { blob: gone.id, key: gone.key, mime: 'image/jpeg', size: 3, name: 'perdue.jpg' },
      { blob: old.id, key: old.key, mime: 'image/jpeg', size: 3 },
    ];
    r.blobsLeftOut = [{ blob: gone.id, reason: 'missing' }];
    const file = { ...(await sealDossier(b, officer, unit)), blobs: { [photo.id]: toB64(photo.blob), [html.id]: toB64(html.blob) } };
    const path = join(dir, `${dirName}.json`);
    writeFileSync(path, JSON.stringify(file));
    return { path, file, photo, html, out: join(dir, dirName) };
  }

  it('writes the attachments the dossier carries, byte for byte, under safe names, and names the others', async () => {
    const d = await dossierWithBlobs('with-blobs');
    const r = await sd(['dossier', 'open', '--keyring', unitKeyring, '--attachments', d.out, d.path]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Attachments: 2 saved to ${d.out}, 2 not saved (see above).`);
    expect(r.out).toContain('perdue.jpg"  (not in this dossier: the server no longer had it');
    expect(readFileSync(join(d.out, ID, 'facade.png'))).toEqual(Buffer.from(PHOTO));
    expect(readFileSync(join(d.out, ID, 'vacances.png.bin'))).toEqual(Buffer.from(HTML));
    expect(readdirSync(join(d.out, ID)).sort()).toEqual(['facade.png', 'vacances.png.bin']);
    expect(r.err).toContain(`report 1 (${ID}) attachment 3: not in this dossier: the server no longer had it when it was forwarded`);
    expect(r.err).toContain(`report 1 (${ID}) attachment 4: not in this dossier file (made by an older version`);
    expect(statSync(join(d.out, ID, 'facade.png')).mode & 0o777).toBe(0o600);
    // Not overwritten without --force.
    const again = await sd(['dossier', 'open', '--keyring', unitKeyring, '--attachments', d.out, d.path]);
    expect(again.err).toContain('already exists (add --force to overwrite)');
    expect((await sd(['dossier', 'open', '--keyring', unitKeyring, '--attachments', d.out, '--force', d.path])).out).toContain('Attachments: 2 saved');
  });

  it('refuses a blob swapped in the file (its id is named inside the signed, sealed body)', async () => {
    const d = await dossierWithBlobs('swapped');
    const file = { ...d.file, blobs: { [d.photo.id]: toB64(d.html.blob), [d.html.id]: toB64(d.html.blob) } };
    writeFileSync(d.path, JSON.stringify(file));
    const r = await sd(['dossier', 'open', '--keyring', unitKeyring, '--attachments', d.out, d.path]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('attachment 1: the dossier file holds other bytes than the blob the report names');
    expect(readdirSync(join(d.out, ID))).toEqual(['vacances.png.bin']);
  });

  it('opens an older dossier without blobs as before, saying its attachments are not in the file', async () => {
    const out = join(dir, 'old-attachments');
    const r = await sd(['dossier', 'open', '--keyring', unitKeyring, '--attachments', out, dossierFile]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Rue, adresse ou repère: CANARY-dossier hall C');
    expect(r.out).toContain('Attachments: 0 saved');
    expect(r.err).toContain('attachment 1: not in this dossier file');
  });
});
