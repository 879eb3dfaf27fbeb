/**
 * The routes' side of the town's `FloodGate` (PROTOCOL §3, docs/flood.md): the effort now,
 * and admission of a store. Every answer the gate gives is remembered per isolate for up to
 * {@link EFFORT_CACHE_MS}, and the cheap answers (`/meta`, a proof below the base) read
 * that, so a flood of junk proofs or of `/meta` does not queue on the one object; admission
 * itself always asks the gate.
 */
import type { Deployment } from '../../../schemas/deployment.ts';
import type { Env } from '../env.ts';
import type { Admission } from './effortRule.ts';
import { effortPolicyOf } from './floodGate.ts';

/** How long an isolate may answer with the last effort it saw (docs/flood.md). */
export const EFFORT_CACHE_MS = 1000;

const seen = new Map<string, { effort: number; at: number }>();

function gateOf(env: Pick<Env, 'FLOOD_GATE'>, d: Deployment) {
  return env.FLOOD_GATE.get(env.FLOOD_GATE.idFromName(d.town.id));
}

/** The cache key: the town and its settings (a test or a redeploy may change them). */
function keyOf(d: Deployment): string {
  const p = effortPolicyOf(d);
  return `${d.town.id}/${p.base}/${p.ceiling}/${p.windowMs}/${p.target}`;
}

function remember(d: Deployment, effort: number): number {
  seen.set(keyOf(d), { effort, at: Date.now() });
  return effort;
}

/** The effort required now, possibly up to {@link EFFORT_CACHE_MS} old. */
export async function effortNow(env: Pick<Env, 'FLOOD_GATE'>, d: Deployment): Promise<number> {
  const last = seen.get(keyOf(d));
  const now = Date.now();
  if (last && now - last.at >= 0 && now - last.at < EFFORT_CACHE_MS) return last.effort;
  return remember(d, await gateOf(env, d).effort(effortPolicyOf(d)));
}

/** Asks the gate to admit a store whose proof has `bits` leading zero bits and adds `units`. */
export async function admit(env: Pick<Env, 'FLOOD_GATE'>, d: Deployment, bits: number, units: number): Promise<Admission> {
  const answer = await gateOf(env, d).admit(effortPolicyOf(d), bits, units);
  remember(d, answer.effort);
  return answer;
}
