/**
 * `sd export --attachments <dir>` and `sd decrypt --attachments <dir>` against the real local
 * instance (workerd, D1, R2): a report sealed by an outside client lists a photo, an HTML file
 * claiming to be a PNG under a path-laden name, and a blob never uploaded. The photo is
 * written byte for byte, the HTML under a harmless name, the missing one reported on its
 * own line, and the export still completes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/sd.ts';
import { testIo } from '../cli/test/io.ts';
import { useSumo } from '../crypto/index.ts';
import type { AttachmentRef } from '../schemas/report.ts';
import { testEnv } from './env.ts';
import { officerFetch, seedReport, uploadBlob } from './officer.ts';

useSumo();
const env = testEnv();
const run = Date.now().toString(36);
// Not an image the CLI has to render: any bytes do; a JPEG signature makes it a verified JPEG.
const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode(`JPEG-BODY-${run}`), 0xff, 0xd9]);
const HTML = new TextEncoder().encode(`<script>alert('${run}')</script>`);
let dir: string;
let reportId = '';

async function sd(argv: string[]) {
  const io = testIo({ SD_PASSPHRASE: env.passphrase });
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sd-attach-'));
  const photo = await uploadBlob(PHOTO);
  const html = await uploadBlob(HTML);
  const missing = await uploadBlob(PHOTO.slice(1), { upload: false });
  expect([200, 201]).toContain(photo.status);
  expect([200, 201]).toContain(html.status);
  const attachments: AttachmentRef[] = [
    { blob: photo.sealed.id, key: photo.sealed.key, mime: 'image/jpeg', size: PHOTO.length, name: `scène ${run}.jpg` },
    { blob: html.sealed.id, key: html.sealed.key, mime: 'image/png', size: HTML.length, name: '../../../.bashrc/evil.png' },
    { blob: missing.sealed.id, key: missing.sealed.key, mime: 'image/jpeg', size: PHOTO.length - 1 },
  ];
  const r = await seedReport({ district: 'centre-ville', place: `CLI-ATTACH-${run}`, date: '2026-11-20', frequency: 'daily', activities: ['selling'] }, { attachments });
  expect(r.status).toBe(201);
  reportId = r.id;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sd --attachments', () => {
  it('export writes each attachment decrypted, byte for byte, under a safe name, and reports the missing one', async () => {
    const out = join(dir, 'export.json');
    const files = join(dir, 'files');
    const r = await sd(['export', '--api', env.apiUrl, '--keyring', env.keyringFile, '--format', 'json', '--out', out, '--attachments', files]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).some((e: { id: string }) => e.id === reportId)).toBe(true);
    const folder = join(files, reportId);
    expect(readdirSync(folder).sort()).toEqual(['evil.png.bin', `scène ${run}.jpg`]);
    expect(Buffer.compare(readFileSync(join(folder, `scène ${run}.jpg`)), Buffer.from(PHOTO))).toBe(0);
    expect(Buffer.compare(readFileSync(join(folder, 'evil.png.bin')), Buffer.from(HTML))).toBe(0);
    expect(statSync(join(folder, `scène ${run}.jpg`)).mode & 0o777).toBe(0o600);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(r.err).toContain(`(${reportId}) attachment 3: not on the server`);
    expect(r.out).toMatch(/Attachments: \d+ saved to .*, \d+ failed/);
  });

  it('decrypt writes the attachments of one report, and refuses to overwrite without --force', async () => {
    const res = await officerFetch('GET', `/api/v1/reports/${reportId}`);
    expect(res.status).toBe(200);
    const item = join(dir, 'item.json');
    writeFileSync(item, await res.text());
    const files = join(dir, 'one');
    const args = ['decrypt', '--keyring', env.keyringFile, '--api', env.apiUrl, '--attachments', files, item];
    const r = await sd(args);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).id).toBe(reportId);
    expect(Buffer.compare(readFileSync(join(files, reportId, `scène ${run}.jpg`)), Buffer.from(PHOTO))).toBe(0);
    expect(r.err).toContain('Attachments: 2 saved');
    const again = await sd(args);
    expect(again.code).toBe(0);
    expect(again.err).toContain('already exists (add --force to overwrite)');
    expect((await sd([...args.slice(0, -1), '--force', item])).err).toContain('Attachments: 2 saved');
    // --attachments needs --api.
    const noApi = await sd(['decrypt', '--keyring', env.keyringFile, '--attachments', files, item]);
    expect(noApi.code).not.toBe(0);
    expect(noApi.err).toContain('--api');
  });
});
