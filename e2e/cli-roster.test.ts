/**
 * The administrator's command-line tool against the real local instance (workerd, D1):
 * enrol an officer with a grant, list the roster, accept the grant, export a report sealed
 * by an outside client (JSON and CSV, canary decrypted on this side only), revoke, and see
 * the revoked officer refused. The CLI runs in-process through its exported `main`.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockKeyring } from '../crypto/index.ts';
import type { KeyringInner } from '../schemas/keyring.ts';
import { activePoliceKey } from '../schemas/deployment.ts';
import { main } from '../cli/sd.ts';
import { testIo } from '../cli/test/io.ts';
import { testEnv } from './env.ts';
import { deployment, officerFetch, seedReport } from './officer.ts';

const env = testEnv();
const NEW_PASS = 'new officer passphrase for the e2e test';
const CANARY = `CANARY-cli-${Date.now()}`;
let dir: string;
let officerKeyring: string;
let officer: NonNullable<KeyringInner['officer']>;

async function sd(argv: string[], passphrase = env.passphrase) {
  const io = testIo({ SD_PASSPHRASE: passphrase });
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}
const asAdmin = ['--api', env.apiUrl, '--keyring', env.keyringFile];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sd-e2e-'));
  officerKeyring = join(dir, 'officer.json');
  const made = await sd(['keyring', 'new', '--out', officerKeyring, '--kdf', 'interactive'], NEW_PASS);
  expect(made.code, made.err).toBe(0);
  officer = (await unlockKeyring(JSON.parse(readFileSync(officerKeyring, 'utf8')), NEW_PASS)).officer!;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sd against a running Worker', () => {
  it('enrols an officer with a grant, and the roster lists it', async () => {
    const added = await sd(['officer', 'add', ...asAdmin, '--public-key', officer.publicKey, '--role', 'officer', '--grant']);
    expect(added.code, added.err).toBe(0);
    expect(added.out).toContain(`Enrolled ${officer.officerId} as officer`);
    expect(added.out).toContain(`Granted police key(s) ${activePoliceKey(deployment()).kid}`);
    const list = await sd(['officer', 'list', ...asAdmin]);
    expect(list.code, list.err).toBe(0);
    expect(list.out).toMatch(new RegExp(`${officer.officerId}\\s+officer\\s+\\S+\\s+active`));
    const json = await sd(['officer', 'list', ...asAdmin, '--json']);
    expect(JSON.parse(json.out)).toContainEqual(expect.objectContaining({ officerId: officer.officerId, role: 'officer', revokedAt: null }));
  });

  it('lets the new officer accept the grant into their own keyring', async () => {
    const r = await sd(['grant', 'accept', '--api', env.apiUrl, '--keyring', officerKeyring], NEW_PASS);
    expect(r.code, r.err).toBe(0);
    const inner = await unlockKeyring(JSON.parse(readFileSync(officerKeyring, 'utf8')), NEW_PASS);
    expect(inner.police.map((k) => k.kid)).toContain(activePoliceKey(deployment()).kid);
    expect(inner.officer).toEqual(officer);
    const again = await sd(['grant', 'accept', '--api', env.apiUrl, '--keyring', officerKeyring], NEW_PASS);
    expect(again.out).toMatch(/^Nothing new/);
    // An officer without the admin role cannot read the roster (PROTOCOL §5: 403).
    const roster = await sd(['officer', 'list', '--api', env.apiUrl, '--keyring', officerKeyring], NEW_PASS);
    expect(roster).toMatchObject({ code: 1, err: 'sd: the API refused GET /api/v1/officers: 403 forbidden (this officer does not have the admin role)\n' });
  });

  it('exports a report sealed by an outside client, decrypted, as JSON and CSV', async () => {
    const seeded = await seedReport({
      district: 'centre-ville', place: CANARY, date: '2026-11-22', frequency: 'daily', activities: ['selling', 'lookouts'],
      people: [{ count: 2, role: 'seller', description: 'veste noire' }], details: '=HYPERLINK("http://example.invalid","x")',
    });
    expect(seeded.status).toBe(201);

    const jsonOut = join(dir, 'reports.json');
    const j = await sd(['export', '--api', env.apiUrl, '--keyring', officerKeyring, '--format', 'json', '--out', jsonOut], NEW_PASS);
    expect(j.code, j.err).toBe(0);
    expect(statSync(jsonOut).mode & 0o777).toBe(0o600);
    const entries = JSON.parse(readFileSync(jsonOut, 'utf8')) as Array<{ id: string; flag: string | null; report: { answers: Record<string, unknown> } | null }>;
    const mine = entries.find((e) => e.id === seeded.id);
    expect(mine).toMatchObject({ flag: null, report: { answers: { place: CANARY } } });

    const csvOut = join(dir, 'reports.csv');
    const c = await sd(['export', '--api', env.apiUrl, '--keyring', officerKeyring, '--format', 'csv', '--out', csvOut, '--deploy', env.deploymentFile], NEW_PASS);
    expect(c.code, c.err).toBe(0);
    const csv = readFileSync(csvOut, 'utf8');
    const row = csv.split('\r\n').find((l) => l.includes(seeded.id))!;
    expect(row).toContain(CANARY);
    expect(row).toContain('Centre-ville');
    expect(row).toContain('Vente, Guetteurs');
    expect(row).toContain(`"'=HYPERLINK(""http://example.invalid"",""x"")"`);
    expect(csv.split('\r\n')[0]).toContain('Rue, adresse ou repère');

    const refused = await sd(['export', '--api', env.apiUrl, '--keyring', officerKeyring, '--format', 'csv', '--out', csvOut], NEW_PASS);
    expect(refused).toMatchObject({ code: 1, err: `sd: ${csvOut} already exists; choose another file or add --force\n` });
  });

  it('revokes the officer, whose next signed request is refused with 401', async () => {
    const r = await sd(['officer', 'revoke', officer.officerId, ...asAdmin]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('Rotate now');
    const list = await sd(['officer', 'list', ...asAdmin]);
    expect(list.out).toMatch(new RegExp(`${officer.officerId}\\s+officer\\s+\\S+\\s+revoked `));
    const denied = await sd(['export', '--api', env.apiUrl, '--keyring', officerKeyring, '--format', 'json', '--out', '-'], NEW_PASS);
    expect(denied.code).toBe(1);
    expect(denied.out).toBe('');
    expect(denied.err).toMatch(/^sd: the API refused GET \/api\/v1\/reports: 401 unauthorized/);
    expect((await officerFetch('GET', '/api/v1/reports', undefined, officer)).status).toBe(401);
  });
});
