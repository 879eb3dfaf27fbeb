import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSubmissionReceipt, verifySubmissionReceipt } from '../../crypto/index.ts';
import { main } from '../sd.ts';
import { testIo } from '../test/io.ts';

let dir: string;
let deploy: string;

async function sd(argv: string[]) {
  const io = testIo({}, () => new Date('2026-11-23T10:00:00Z'));
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sd-receipt-'));
  deploy = join(dir, 'town.json');
  writeFileSync(deploy, readFileSync('deploy/demo.template.json'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sd receipt-key new', () => {
  it('pins the public half and writes a working secret half, owner-only', async () => {
    const secretFile = join(dir, 'receipt.secret');
    const r = await sd(['receipt-key', 'new', '--deploy', deploy, '--secret-out', secretFile]);
    expect(r.code, r.err).toBe(0);
    const pinned = JSON.parse(readFileSync(deploy, 'utf8')).receiptPublicKey as string;
    expect(pinned).toMatch(/^[\w-]{43}$/);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    const secret = readFileSync(secretFile, 'utf8').trim();
    const sealed = new Uint8Array(1072).fill(3);
    const signature = await signSubmissionReceipt('AAAAAAAAAAAAAAAAAAAAAA', '2026-11-23T10:00:00Z', sealed, secret);
    expect(await verifySubmissionReceipt({ id: 'AAAAAAAAAAAAAAAAAAAAAA', receivedAt: '2026-11-23T10:00:00Z', signature }, sealed, pinned)).toBe(true);
    expect(r.out).not.toContain(secret);
  });
  it('refuses to overwrite a secret file', async () => {
    const existing = join(dir, 'exists.secret');
    writeFileSync(existing, 'keep me');
    const r = await sd(['receipt-key', 'new', '--deploy', deploy, '--secret-out', existing]);
    expect(r.code).toBe(1);
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
  });
});
