/**
 * The flood benchmark (issue 7, PROTOCOL §3 "The effort adapts to load"): attacker threads at
 * full speed against a local Worker while an honest client sends a report every 10 s.
 *
 * Two phases in the same run, each against its own `wrangler dev` (own ports and state
 * folder under the system's temporary folder, 127.0.0.1 only):
 * 1. baseline: the same attackers against a Worker whose effort cannot rise (ceiling = base),
 *    i.e. what they store at the BASE effort;
 * 2. flood: the production default effort policy (`effort` of the deployment file) with the
 *    demo's powBits, attackers and the honest client together.
 * Ratio convention of `npm run bench` (ratio = ours / baseline, same run): junk stored per
 * minute with the adaptive effort / at the base effort.
 *
 * `npm run bench -- flood` runs it alone; `FLOOD_SHORT=1` is a quick check (30 s + 10 s).
 * Settings (env): FLOOD_SECONDS, FLOOD_BASELINE_SECONDS, FLOOD_HONEST_EVERY_S, FLOOD_THREADS,
 * FLOOD_POW_BITS (12), FLOOD_WINDOW_S (60), FLOOD_TARGET (10), FLOOD_CEILING (26),
 * FLOOD_PORT_BASE (ports +350..+353; default E2E_PORT_BASE or 18787).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { KDF_INTERACTIVE, randomB64, sealReport, solvePow, useSumo } from '../crypto/index.ts';
import { activePoliceKey, type Deployment } from '../schemas/deployment.ts';
import { ensureInstance } from '../scripts/demo.ts';
import { devVarsFile, workerVars } from '../scripts/deployment.ts';
import { applyMigrations, startApiServer } from '../scripts/instance.ts';
import type { ClientData, ClientFigures, SolveTimes } from './flood-client.ts';

useSumo();
const env = (name: string, fallback: number): number => (process.env[name] ? Number(process.env[name]) : fallback);
const SHORT = process.env.FLOOD_SHORT === '1';
const FLOOD_S = env('FLOOD_SECONDS', SHORT ? 30 : 180);
const BASELINE_S = env('FLOOD_BASELINE_SECONDS', SHORT ? 10 : 30);
const HONEST_EVERY_S = env('FLOOD_HONEST_EVERY_S', SHORT ? 5 : 10);
const THREADS = env('FLOOD_THREADS', availableParallelism());
const POLICY = {
  powBits: env('FLOOD_POW_BITS', 12),
  effort: { windowSeconds: env('FLOOD_WINDOW_S', 60), targetPerWindow: env('FLOOD_TARGET', 10), ceilingBits: env('FLOOD_CEILING', 26) },
};
const PORT_BASE = env('FLOOD_PORT_BASE', env('E2E_PORT_BASE', 18787)) + 350;
const DIR = join(tmpdir(), `stopdeal-flood-${process.pid}`);
/** A phone is taken as a quarter of this machine's single-core speed (issue 7). */
const PHONE_SLOWDOWN = 4;

interface Phase {
  seconds: number;
  attackers: ClientFigures[];
  honest?: ClientFigures;
  /** /meta's powBits, sampled every 2 s. */
  effort: Array<{ t: number; bits: number }>;
  workerErrors: number;
}

/** The deployment the Worker reads (`DEPLOYMENT`): the town's file with this run's policy. */
function policyVars(d: Deployment, ceilingBits: number, extra: Record<string, string>): string {
  const { limits: _ignored, ...rest } = d as Deployment & { limits?: unknown };
  const deployment = { ...rest, powBits: POLICY.powBits, effort: { ...POLICY.effort, ceilingBits } };
  return devVarsFile({ ...workerVars(deployment as unknown as Deployment), ...extra });
}

function startClient(data: ClientData, onFigures: (f: ClientFigures) => void): Promise<ClientFigures> {
  // Node 20 does not pass tsx's loader to a thread: the thread registers it, then loads the TypeScript.
  const entry = new URL('./flood-client.ts', import.meta.url).href;
  const worker = new Worker(`import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(entry)}); })`, { eval: true, workerData: data });
  return new Promise((done, fail) => {
    let last: ClientFigures | undefined;
    worker.on('message', (f: ClientFigures) => {
      last = f;
      onFigures(f);
      if (f.final) void worker.terminate().then(() => done(f));
    });
    worker.on('error', fail);
    worker.on('exit', () => (last?.final ? undefined : last ? done(last) : fail(new Error(`${data.role} thread exited without figures`))));
  });
}

async function runPhase(name: string, port: number, persistTo: string, envFile: string, seconds: number, police: ClientData['police'], withHonest: boolean): Promise<Phase> {
  mkdirSync(persistTo, { recursive: true });
  await applyMigrations({ persistTo });
  let workerErrors = 0;
  const server = await startApiServer({
    port, inspectorPort: port + 1, persistTo, envFile, assets: join(DIR, 'assets'),
    log: (line) => {
      if (/error|restarted|exception/i.test(line) && !/Request\.cf|ENOTFOUND/.test(line)) workerErrors++;
    },
  });
  try {
    const deadline = Date.now() + seconds * 1000;
    const effort: Phase['effort'] = [];
    const t0 = Date.now();
    const sampler = setInterval(() => {
      fetch(`${server.apiUrl}/api/v1/meta`, { signal: AbortSignal.timeout(5000) })
        .then((r) => r.json() as Promise<{ powBits: number }>)
        .then((m) => effort.push({ t: (Date.now() - t0) / 1000, bits: m.powBits }))
        .catch(() => undefined);
    }, 2000);
    const live: Record<string, ClientFigures> = {};
    const progress = setInterval(() => {
      const junk = Object.entries(live).filter(([k]) => k !== 'honest').reduce((n, [, f]) => n + f.stored, 0);
      const h = live.honest;
      const bits = effort.at(-1)?.bits ?? POLICY.powBits;
      const line = `  ${name}: ${Math.round((Date.now() - t0) / 1000)}/${seconds} s, effort ${bits} bits, junk stored ${junk}${h ? `, honest ${h.stored}/${h.sent}` : ''}`;
      // A terminal gets one updating line; a log one line every 30 s.
      if (process.stderr.isTTY) process.stderr.write(`\r${line}   `);
      else if (Math.round((Date.now() - t0) / 1000) % 30 === 0) process.stderr.write(`${line}\n`);
    }, 1000);
    const clients = Array.from({ length: THREADS }, (_, i) => startClient({ role: 'attacker', apiUrl: server.apiUrl, police, deadline }, (f) => (live[`a${i}`] = f)));
    const honest = withHonest ? startClient({ role: 'honest', apiUrl: server.apiUrl, police, deadline, everyMs: HONEST_EVERY_S * 1000 }, (f) => (live.honest = f)) : undefined;
    const attackers = await Promise.all(clients);
    const h = await honest;
    clearInterval(sampler);
    clearInterval(progress);
    if (process.stderr.isTTY) process.stderr.write('\n');
    return { seconds, attackers, honest: h, effort, workerErrors };
  } finally {
    await server.stop();
  }
}

/** Hashes per second of crypto/'s solvePow on one core of this machine, now. */
async function hashRate(): Promise<number> {
  const police = activePoliceKey(JSON.parse(readFileSync(join(DIR, 'deployment.json'), 'utf8')) as Deployment);
  const id = await randomB64(16);
  const { sealed } = await sealReport({ v: 1, id, form: 'stop-deal', formVersion: 1, createdAt: '2026-11-23T21:40:00Z', answers: {}, contact: null, replyTo: null, attachments: [] }, police);
  const bits = 12;
  const rounds = SHORT ? 100 : 400;
  const t0 = performance.now();
  // Each solve tries 2^bits hashes on average (a fresh random start every time).
  for (let i = 0; i < rounds; i++) await solvePow(id, sealed, bits);
  return (rounds * 2 ** bits) / ((performance.now() - t0) / 1000);
}

const pct = (xs: number[], p: number): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const fmtS = (ms: number) => (Number.isNaN(ms) ? '–' : ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`);
const stored = (p: Phase) => sum(p.attackers.map((a) => a.stored));
const perMinute = (p: Phase) => (stored(p) * 60) / p.seconds;

function mergeSolves(all: SolveTimes[]): SolveTimes {
  const out: SolveTimes = {};
  for (const s of all) for (const [b, v] of Object.entries(s)) {
    const o = (out[Number(b)] ??= { n: 0, ms: 0 });
    o.n += v.n;
    o.ms += v.ms;
  }
  return out;
}

export async function floodBench(): Promise<void> {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(join(DIR, 'assets'), { recursive: true });
  writeFileSync(join(DIR, 'assets', 'index.html'), '<!doctype html><title>flood bench</title>');
  const origin = `http://127.0.0.1:${PORT_BASE}`;
  const inst = await ensureInstance({ dir: DIR, apiOrigin: origin, viewerOrigin: `http://127.0.0.1:${PORT_BASE + 10}`, devVars: join(DIR, 'base.vars'), kdf: KDF_INTERACTIVE, powBits: POLICY.powBits });
  const d = JSON.parse(readFileSync(inst.deploymentFile, 'utf8')) as Deployment;
  const police = activePoliceKey(d);
  const secrets = { BOOTSTRAP_ADMIN_PUBLIC_KEY: inst.officerPublicKey, RECEIPT_SIGNING_KEY: (JSON.parse(readFileSync(inst.receiptKeyFile, 'utf8')) as { secretKey: string }).secretKey };
  writeFileSync(join(DIR, 'baseline.vars'), policyVars(d, POLICY.powBits, secrets));
  writeFileSync(join(DIR, 'adaptive.vars'), policyVars(d, POLICY.effort.ceilingBits, secrets));

  console.log(`\nFlood (issue 7): ${THREADS} attacker threads at full speed (crypto/ solvePow, one core each), 127.0.0.1 only`);
  console.log(`policy: powBits ${POLICY.powBits}, window ${POLICY.effort.windowSeconds} s, target ${POLICY.effort.targetPerWindow}, ceiling ${POLICY.effort.ceilingBits}; baseline ${BASELINE_S} s at the base effort (ceiling = base), then ${FLOOD_S} s adaptive with an honest report every ${HONEST_EVERY_S} s`);
  try {
    const rate = await hashRate();
    const baseline = await runPhase('baseline', PORT_BASE, join(DIR, 'state-baseline'), join(DIR, 'baseline.vars'), BASELINE_S, police, false);
    const flood = await runPhase('flood', PORT_BASE + 2, join(DIR, 'state-flood'), join(DIR, 'adaptive.vars'), FLOOD_S, police, true);
    const h = flood.honest!;
    const maxEffort = Math.max(POLICY.powBits, ...flood.effort.map((e) => e.bits), ...flood.attackers.map((a) => a.maxBits), h.maxBits);

    console.log('\nwhat'.padEnd(49), 'flood'.padStart(12), 'baseline'.padStart(12), 'ratio'.padStart(8));
    const row = (what: string, ours: number, base: number, digits = 1) =>
      console.log(what.padEnd(48), ours.toFixed(digits).padStart(12), base.toFixed(digits).padStart(12), (ours / base).toFixed(3).padStart(8));
    row('junk reports stored per minute', perMinute(flood), perMinute(baseline));
    const minutes = Math.ceil(FLOOD_S / 60);
    for (let m = 0; m < minutes && FLOOD_S > 60; m++) {
      const inMinute = sum(flood.attackers.map((a) => sum(a.storedAt.slice(m * 60, (m + 1) * 60).map((x) => x ?? 0))));
      console.log(`  minute ${m + 1} of the flood`.padEnd(48), String(inMinute).padStart(12));
    }
    console.log('\nhonest client (one report every %d s, protocol of PROTOCOL §3)', HONEST_EVERY_S);
    console.log(`  delivered / sent                              ${h.stored} / ${h.sent}${h.sent > h.stored ? ` (${h.sent - h.stored} still in progress when the flood stopped)` : ''}`);
    console.log(`  delay seal → 2xx p50 / p95                     ${fmtS(pct(h.delays, 50))} / ${fmtS(pct(h.delays, 95))}`);
    console.log(`  pow_invalid answers re-solved                  ${h.powInvalid}; 5xx ${h.fivexx}; network errors ${h.networkErrors}; other ${JSON.stringify(h.other)}`);
    console.log(`highest effort reached                           ${maxEffort} bits (ceiling ${POLICY.effort.ceilingBits})`);
    const trace = flood.effort.filter((e, i, all) => i === 0 || all[i - 1]!.bits !== e.bits).map((e) => `${e.t.toFixed(0)} s: ${e.bits}`);
    console.log(`effort over time (/meta)                         ${trace.join(', ') || '–'}`);
    const a5 = sum(flood.attackers.map((a) => a.fivexx)) + sum([baseline].flatMap((p) => p.attackers.map((a) => a.fivexx)));
    console.log(`attackers: 5xx ${a5}, network errors ${sum(flood.attackers.map((a) => a.networkErrors))}, pow_invalid ${sum(flood.attackers.map((a) => a.powInvalid))}, other ${JSON.stringify(Object.assign({}, ...flood.attackers.map((a) => a.other)))}`);

    console.log(`\nsolving time at each effort reached (one core: ${(rate / 1e6).toFixed(2)} M hashes/s measured idle; phone = ${PHONE_SLOWDOWN}x slower)`);
    console.log('bits'.padEnd(6), 'expected here'.padStart(14), 'phone (est.)'.padStart(14), 'honest measured (n, mean, under flood)'.padStart(40));
    const honestSolves = h.solves;
    const attackSolves = mergeSolves(flood.attackers.map((a) => a.solves));
    const reached = [...new Set([POLICY.powBits, ...Object.keys(attackSolves).map(Number), ...Object.keys(honestSolves).map(Number), maxEffort])].sort((a, b) => a - b);
    for (const b of reached) {
      const expected = (2 ** b / rate) * 1000;
      const m = honestSolves[b];
      console.log(String(b).padEnd(6), fmtS(expected).padStart(14), fmtS(expected * PHONE_SLOWDOWN).padStart(14), (m ? `${m.n}, ${fmtS(m.ms / m.n)}` : '–').padStart(40));
    }
    console.log('CPU caveat: attackers, the honest client and the Worker share this machine\'s cores (and other work running on it); a real phone has its own.');
  } finally {
    rmSync(DIR, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await floodBench();
