/**
 * Load (issue 7 "Proof"): autocannon against a local `wrangler dev` with valid reports,
 * pre-sealed and pre-solved (PROTOCOL §3 bodies): distinct ids, each sent twice in a row so
 * that two connections race the same id, and, once every id is used, byte-identical retries
 * of the whole set again. 0 5xx, only 200/201, and D1 (read through the officer API) holds
 * exactly the ids that got a 201, each once.
 *
 * 60 s, only with `STRESS=1` (npm run test:stress): the file needs ~30 s even for 5 s of load
 * (its own Worker starts), too long for `npm test`; `LOAD_SECONDS=5` for a quick check. No timing is asserted.
 * The Worker is the test's own (e2e/own-worker.ts) with the effort fixed at the base
 * (ceiling = powBits): this measures the server under load, not the effort rule (the flood
 * benchmark does that), and stored reports here must not raise the shared instance's effort.
 */
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomB64, sealReport, solvePow } from '../crypto/index.ts';
import { activePoliceKey } from '../schemas/deployment.ts';
import { toB64 } from '../schemas/encoding.ts';
import { deployment, listReports } from './officer.ts';
import { startOwnWorker, type OwnWorker } from './own-worker.ts';

const STRESS = process.env.STRESS === '1';
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const DISTINCT = Math.max(400, SECONDS * 100);
const CONNECTIONS = 8;

let worker: OwnWorker;

beforeAll(async () => {
  if (!STRESS && !process.env.LOAD_SECONDS) return;
  const d = deployment();
  worker = await startOwnWorker('load', 300, { windowSeconds: 60, targetPerWindow: 10, ceilingBits: d.powBits });
}, 180_000);
afterAll(async () => {
  await worker?.stop();
});

async function bodies(n: number): Promise<Array<{ id: string; body: string }>> {
  const d = deployment();
  const police = activePoliceKey(d);
  const out: Array<{ id: string; body: string }> = [];
  for (let i = 0; i < n; i++) {
    const id = await randomB64(16);
    const plaintext = {
      v: 1 as const, id, form: 'stop-deal', formVersion: 1, createdAt: '2026-11-23T21:40:00Z',
      answers: { district: 'argentine', place: `charge ${i}` }, contact: null, replyTo: null, attachments: [],
    };
    const { kid, sealed } = await sealReport(plaintext, police);
    out.push({ id, body: JSON.stringify({ v: 1, id, kid, sealed: toB64(sealed), pow: await solvePow(id, sealed, d.powBits) }) });
  }
  return out;
}

describe.skipIf(!STRESS && !process.env.LOAD_SECONDS)('the Worker under load', () => {
  it(`answers ${SECONDS} s of autocannon with valid reports and retries: no 5xx, D1 rows = 201s`, async () => {
    const set = await bodies(DISTINCT);
    /** Status codes seen per body index. */
    const seen = set.map(() => [] as number[]);
    const sends = set.map(() => 0);
    let k = 0;
    const result = await autocannon({
      url: worker.apiUrl,
      connections: CONNECTIONS,
      duration: SECONDS,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/reports',
          headers: { 'content-type': 'application/json' },
          // Each body twice in a row (two connections race one id), then the whole set again.
          setupRequest: (req, context) => {
            const i = Math.floor(k++ / 2) % set.length;
            (context as { i?: number }).i = i;
            sends[i]!++;
            return { ...req, body: set[i]!.body };
          },
          onResponse: (status, _body, context) => {
            seen[(context as { i: number }).i]!.push(status);
          },
        },
      ],
    });
    // Answers still in flight when autocannon stopped are dropped: the client then does what
    // the protocol says (PROTOCOL §3), a byte-identical retry, whose 200 or 201 settles it.
    // A 201 lost that way shows as no 201 and a 200 to the retry: counted as the id's creation.
    const lost201 = new Set<number>();
    for (const [i, n] of sends.entries()) {
      if (seen[i]!.length >= n) continue;
      const had201 = seen[i]!.includes(201);
      const res = await fetch(worker.apiUrl + '/api/v1/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: set[i]!.body });
      await res.body?.cancel();
      seen[i]!.push(res.status);
      if (res.status === 200 && !had201) lost201.add(i);
    }
    const statuses = new Map<number, number>();
    for (const s of seen.flat()) statuses.set(s, (statuses.get(s) ?? 0) + 1);
    console.log(`load: ${result.requests.total} requests (+${seen.flat().length - result.requests.total} retries after the end) in ${SECONDS} s (${result.requests.average}/s), statuses ${JSON.stringify(Object.fromEntries(statuses))}, errors ${result.errors}, timeouts ${result.timeouts}, p99 latency ${result.latency.p99} ms`);

    expect(result.requests.total).toBeGreaterThan(0);
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect([...statuses.keys()].filter((s) => s !== 200 && s !== 201)).toEqual([]);
    // Exactly one creation per id that was sent (a 201, or the 201 lost at the end), 200 for every other send.
    const sentIds = set.filter((_, i) => seen[i]!.length > 0);
    for (const [i, codes] of seen.entries()) if (codes.length) expect(codes.filter((c) => c === 201).length + (lost201.has(i) ? 1 : 0), `creations of body ${i}`).toBe(1);
    const created = seen.flat().filter((s) => s === 201).length + lost201.size;
    expect(lost201.size).toBeLessThanOrEqual(CONNECTIONS);

    const stored = await listReports(worker.apiUrl);
    expect(stored).toHaveLength(created);
    expect(new Set(stored.map((r) => r.id)).size).toBe(stored.length);
    expect(new Set(stored.map((r) => r.id))).toEqual(new Set(sentIds.map((b) => b.id)));
  }, 300_000);
});
