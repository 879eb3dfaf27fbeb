/**
 * Non-negotiable 3: no plaintext and no request header reaches storage or the Worker's
 * output. Reports carry plaintext canaries, requests carry header canaries; then every file
 * of the instance's state (SQLite with its -wal) and the Worker's log are scanned. A positive
 * control (the stored report id) proves the scan reads the live data.
 */
import { describe, expect, it } from 'vitest';
import { activePoliceKey } from '../schemas/deployment.ts';
import { toB64 } from '../schemas/encoding.ts';
import { deriveFromReceipt, newReceiptSecret, sealReport, solvePow } from '../crypto/index.ts';
import { testEnv } from './env.ts';
import { deployment, listReports, officerFetch, seedReport } from './officer.ts';
import { filesUnder, findCanaries } from './scan.ts';

const run = Date.now().toString(36);
const PLAIN = `CANARY-PLAINTEXT-${run}`;
const CONTACT = `canary-contact-${run}@example.org`;
const UA = `CanaryAgent/${run}`;
const IP = `203.0.113.${(Date.now() % 200) + 1}`;
const XFF = `198.51.100.${(Date.now() % 200) + 1}`;

describe('privacy: state and Worker output hold no plaintext and no header', () => {
  it('stores only ciphertext and no request header', async () => {
    const env = testEnv();
    const seeded = await seedReport({ district: 'centre-ville', place: PLAIN, frequency: 'daily', activities: ['selling'], date: '2026-11-20' }, { contact: CONTACT });
    expect(seeded.status).toBe(201);

    // A second report posted with header canaries, as a browser behind a proxy would send.
    const d = deployment();
    const keys = await deriveFromReceipt(await newReceiptSecret());
    const { sealed, kid } = await sealReport(
      { v: 1, id: keys.id, form: 'stop-deal', formVersion: 1, createdAt: '2026-11-23T21:00:00Z', answers: { place: PLAIN }, contact: null, replyTo: null, attachments: [] },
      activePoliceKey(d),
    );
    const res = await fetch(env.apiUrl + '/api/v1/reports', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'User-Agent': UA, 'CF-Connecting-IP': IP, 'X-Forwarded-For': XFF, 'X-Real-IP': IP },
      body: JSON.stringify({ v: 1, id: keys.id, kid, sealed: toB64(sealed), mailbox: keys.mailboxHash, pow: await solvePow(keys.id, sealed, d.powBits) }),
    });
    expect(res.status).toBe(201);
    // An officer request goes through the same Worker.
    expect((await officerFetch('GET', '/api/v1/reports')).status).toBe(200);

    const stored = await listReports();
    expect(stored.map((r) => r.id)).toEqual(expect.arrayContaining([seeded.id, keys.id]));

    const files = filesUnder(env.stateDir);
    expect(files.some((f) => f.endsWith('.sqlite'))).toBe(true);
    // Positive control: the scan sees what the Worker stored (ids are stored in clear).
    expect(findCanaries(env.stateDir, [keys.id]).length).toBeGreaterThan(0);
    expect(findCanaries(env.stateDir, [PLAIN, CONTACT, UA, IP, XFF], [env.workerLog])).toEqual([]);
  });
});
