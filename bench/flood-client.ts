/**
 * One thread of the flood benchmark (bench/flood.ts), started with worker_threads:
 *
 * - `attacker`: seals junk with the real police public key (it is public: it is in the app),
 *   solves the proof of work with crypto/'s solvePow (libsodium's BLAKE2b, full speed, one
 *   core) always at the effort the Worker asks (PROTOCOL §3: `/meta`'s powBits, refreshed
 *   every 2 s, and the `powBits` of every `pow_invalid`), posts, and starts again.
 * - `honest`: a resident's client following the protocol: every `everyMs` it seals a report,
 *   solves at `/meta`'s powBits, posts; on `pow_invalid` it solves again at that answer's
 *   powBits with the same id and sealed bytes; on a network error or a 5xx it retries after
 *   1 s. Its delay is from sealing to the 2xx.
 *
 * Both stop at `deadline` (epoch ms) and post their figures to the parent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { randomB64, sealReport, solvePow } from '../crypto/index.ts';
import { toB64 } from '../schemas/encoding.ts';
import type { PoliceKeyEntry } from '../schemas/deployment.ts';

export interface ClientData {
  role: 'attacker' | 'honest';
  apiUrl: string;
  police: Pick<PoliceKeyEntry, 'kid' | 'publicKey'>;
  deadline: number;
  /** Honest client: one report every this many ms. */
  everyMs?: number;
}

/** Solves at one effort: how many, and the total time (ms), for the per-effort table. */
export type SolveTimes = Record<number, { n: number; ms: number }>;

export interface ClientFigures {
  role: ClientData['role'];
  /** 201s (attacker: junk stored; honest: reports delivered, 200s counted too). */
  stored: number;
  /** 201s per elapsed second since the phase began (attacker), for the per-minute table. */
  storedAt: number[];
  powInvalid: number;
  fivexx: number;
  networkErrors: number;
  other: Record<string, number>;
  maxBits: number;
  solves: SolveTimes;
  /** Honest: reports sealed, and each delivered one's delay seal → 2xx in ms. */
  sent: number;
  delays: number[];
  final: boolean;
}

const TIMEOUT_MS = 30_000;

async function metaBits(apiUrl: string): Promise<number | null> {
  try {
    const res = await fetch(`${apiUrl}/api/v1/meta`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!res.ok) return null;
    return ((await res.json()) as { powBits: number }).powBits;
  } catch {
    return null;
  }
}

async function seal(police: ClientData['police'], place: string): Promise<{ id: string; kid: string; sealed: Uint8Array }> {
  const id = await randomB64(16);
  const plaintext = {
    v: 1 as const, id, form: 'stop-deal', formVersion: 1, createdAt: new Date().toISOString().slice(0, 19) + 'Z',
    answers: { district: 'centre-ville', place, frequency: 'daily', activities: ['selling'] }, contact: null, replyTo: null, attachments: [],
  };
  const { kid, sealed } = await sealReport(plaintext, police);
  return { id, kid, sealed };
}

type PostResult = { kind: 'stored'; status: number } | { kind: 'pow_invalid'; powBits: number | null } | { kind: 'fivexx' } | { kind: 'network' } | { kind: 'other'; code: string };

async function post(apiUrl: string, body: string): Promise<PostResult> {
  let res: Response;
  try {
    res = await fetch(`${apiUrl}/api/v1/reports`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    return { kind: 'network' };
  }
  const text = await res.text().catch(() => '');
  if (res.status === 200 || res.status === 201) return { kind: 'stored', status: res.status };
  if (res.status >= 500) return { kind: 'fivexx' };
  let err: { code?: string; powBits?: number } = {};
  try {
    err = (JSON.parse(text) as { error: typeof err }).error ?? {};
  } catch {
    /* not JSON */
  }
  if (err.code === 'pow_invalid') return { kind: 'pow_invalid', powBits: typeof err.powBits === 'number' ? err.powBits : null };
  return { kind: 'other', code: `${res.status} ${err.code ?? ''}`.trim() };
}

async function main(d: ClientData): Promise<void> {
  const f: ClientFigures = { role: d.role, stored: 0, storedAt: [], powInvalid: 0, fivexx: 0, networkErrors: 0, other: {}, maxBits: 0, solves: {}, sent: 0, delays: [], final: false };
  const began = Date.now();
  const signal = AbortSignal.timeout(Math.max(0, d.deadline - Date.now()));
  const solve = async (id: string, sealed: Uint8Array, bits: number): Promise<string> => {
    const t0 = performance.now();
    const pow = await solvePow(id, sealed, bits, signal);
    const s = (f.solves[bits] ??= { n: 0, ms: 0 });
    s.n++;
    s.ms += performance.now() - t0;
    f.maxBits = Math.max(f.maxBits, bits);
    return pow;
  };
  const report = setInterval(() => parentPort?.postMessage(f), 1000);
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  /** Delivers one sealed report following PROTOCOL §3; true once a 2xx came back. */
  const deliver = async (r: { id: string; kid: string; sealed: Uint8Array }, startBits: number, onStored: () => void): Promise<boolean> => {
    let bits = startBits;
    while (Date.now() < d.deadline) {
      const pow = await solve(r.id, r.sealed, bits);
      const body = JSON.stringify({ v: 1, id: r.id, kid: r.kid, sealed: toB64(r.sealed), pow });
      for (;;) {
        const out = await post(d.apiUrl, body);
        if (out.kind === 'stored') {
          onStored();
          return true;
        }
        if (out.kind === 'pow_invalid') {
          f.powInvalid++;
          // Solve again at the effort the answer names (older Workers: ask /meta).
          bits = out.powBits ?? (await metaBits(d.apiUrl)) ?? bits + 1;
          f.maxBits = Math.max(f.maxBits, bits);
          break;
        }
        if (out.kind === 'other') {
          f.other[out.code] = (f.other[out.code] ?? 0) + 1;
          return false;
        }
        if (out.kind === 'fivexx') f.fivexx++;
        else f.networkErrors++;
        if (Date.now() >= d.deadline) return false;
        await pause(1000);
      }
    }
    return false;
  };

  try {
    if (d.role === 'attacker') {
      let bits = (await metaBits(d.apiUrl)) ?? 1;
      let metaAt = Date.now();
      for (let i = 0; Date.now() < d.deadline; i++) {
        if (Date.now() - metaAt > 2000) {
          bits = (await metaBits(d.apiUrl)) ?? bits;
          metaAt = Date.now();
        }
        const junk = await seal(d.police, `junk ${i}`);
        await deliver(junk, bits, () => {
          f.stored++;
          const sec = Math.floor((Date.now() - began) / 1000);
          f.storedAt[sec] = (f.storedAt[sec] ?? 0) + 1;
        });
      }
    } else {
      const every = d.everyMs ?? 10_000;
      for (let next = Date.now(); next < d.deadline; next += every) {
        await pause(Math.max(0, next - Date.now()));
        if (Date.now() >= d.deadline) break;
        const r = await seal(d.police, `honest ${f.sent}`);
        f.sent++;
        const bits = (await metaBits(d.apiUrl)) ?? 1;
        // One phone: reports go one after another, as from an outbox; a late one delays the
        // next, and that wait counts in the next one's delay (measured from its planned seal).
        await deliver(r, bits, () => {
          f.stored++;
          f.delays.push(Date.now() - next);
        });
      }
    }
  } catch (e) {
    if (!(e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError'))) throw e;
  } finally {
    clearInterval(report);
    parentPort?.postMessage({ ...f, final: true });
  }
}

if (parentPort && workerData) await main(workerData as ClientData);
