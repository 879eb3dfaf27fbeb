import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kidOf, unlockKeyring, useSumo } from '../../crypto/index.ts';
import { activePoliceKey, type PoliceKeyEntry } from '../../schemas/deployment.ts';
import { checkDeployment } from '../../client/deploymentFile.ts';
import { main } from '../sd.ts';
import { testIo } from '../test/io.ts';

useSumo();
const PASS = 'police key ceremony passphrase';
let dir: string;
let deploy: string;
let admin: string;
let clock = new Date('2026-11-23T10:00:00Z');

async function sd(argv: string[]) {
  const io = testIo({ SD_PASSPHRASE: PASS }, () => clock);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}
const keys = () => JSON.parse(readFileSync(deploy, 'utf8')).policeKeys as PoliceKeyEntry[];
const keyring = async () => unlockKeyring(JSON.parse(readFileSync(admin, 'utf8')), PASS);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sd-police-'));
  deploy = join(dir, 'town.json');
  admin = join(dir, 'admin.json');
  // The committed template has no police key yet: exactly the key ceremony's starting point.
  writeFileSync(deploy, readFileSync('deploy/demo.template.json'));
  expect((await sd(['keyring', 'new', '--out', admin, '--kdf', 'interactive'])).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sd police-key new', () => {
  it('puts the secret half in the keyring and pins the public half as active', async () => {
    const r = await sd(['police-key', 'new', '--deploy', deploy, '--keyring', admin]);
    expect(r.code, r.err).toBe(0);
    const [pinned] = keys();
    expect(pinned).toMatchObject({ status: 'active', createdAt: '2026-11-23T10:00:00Z' });
    expect(await kidOf(pinned!.publicKey)).toBe(pinned!.kid);
    const inner = await keyring();
    expect(inner.police.map((k) => k.kid)).toEqual([pinned!.kid]);
    expect(inner.police[0]!.publicKey).toBe(pinned!.publicKey);
    expect(r.out).toContain(`New police key ${pinned!.kid}`);
    expect(r.out).toMatch(/fingerprint: ([0-9A-F]{4} ){7}[0-9A-F]{4}/);
    expect(r.out + r.err).not.toContain(inner.police[0]!.secretKey);
    // The file still loads and keeps the rest of the template.
    const d = await checkDeployment(JSON.parse(readFileSync(deploy, 'utf8')), kidOf, deploy);
    expect(d.town.id).toBe('demo');
    expect(activePoliceKey(d).kid).toBe(pinned!.kid);
  });

  it('keeps older keys active unless --retire-old, newest first in the keyring', async () => {
    clock = new Date('2026-12-01T08:00:00Z');
    const second = await sd(['police-key', 'new', '--deploy', deploy, '--keyring', admin]);
    expect(second.code).toBe(0);
    expect(second.err).toContain('1 older key(s) stay active');
    expect(keys().map((k) => k.status)).toEqual(['active', 'active']);
    clock = new Date('2027-01-01T08:00:00Z');
    const third = await sd(['police-key', 'new', '--deploy', deploy, '--keyring', admin, '--retire-old']);
    expect(third.code, third.err).toBe(0);
    const pinned = keys();
    expect(pinned.map((k) => [k.status, k.retiredAt])).toEqual([
      ['retired', '2027-01-01T08:00:00Z'],
      ['retired', '2027-01-01T08:00:00Z'],
      ['active', undefined],
    ]);
    expect((await keyring()).police.map((k) => k.kid)).toEqual([pinned[2]!.kid, pinned[1]!.kid, pinned[0]!.kid]);
    expect(activePoliceKey(await checkDeployment(JSON.parse(readFileSync(deploy, 'utf8')), kidOf, deploy)).kid).toBe(pinned[2]!.kid);
  });

  it('writes nothing when the deployment file would not load', async () => {
    const broken = join(dir, 'broken.json');
    const template = JSON.parse(readFileSync('deploy/demo.template.json', 'utf8'));
    writeFileSync(broken, JSON.stringify({ ...template, forms: ['no-such-form'] }));
    const before = readFileSync(admin, 'utf8');
    const r = await sd(['police-key', 'new', '--deploy', broken, '--keyring', admin]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^sd: .*forms\.0: unknown form \(nothing was written\)\n$/);
    expect(readFileSync(admin, 'utf8')).toBe(before);
  });

  it('says clearly when the deployment file or keyring is missing or wrong', async () => {
    expect((await sd(['police-key', 'new', '--deploy', join(dir, 'nope.json'), '--keyring', admin])).err).toBe(`sd: cannot read deployment file ${join(dir, 'nope.json')}: no such file\n`);
    expect((await sd(['police-key', 'new', '--deploy', deploy])).err).toBe('sd: missing --keyring (see: sd police-key new --help)\n');
    const io = testIo({ SD_PASSPHRASE: 'a different passphrase' });
    expect(await main(['police-key', 'new', '--deploy', deploy, '--keyring', admin], io)).toBe(1);
    expect(io.err).toBe(`sd: wrong passphrase for keyring ${admin} (or the file is damaged)\n`);
  });
});
