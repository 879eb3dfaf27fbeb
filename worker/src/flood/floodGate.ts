/**
 * `FloodGate`: one Durable Object per town (named by the town id) holding the
 * {@link EffortRule} in memory with the real clock (PROTOCOL §3, docs/flood.md). One object
 * serialises every admission, so concurrent submissions cannot all pass at an old effort.
 *
 * Storage holds only `{raise, windowStart}`, written when the raise changes, so an eviction
 * under attack does not reset the effort to the base. Nothing about a request is stored or
 * logged: callers pass bits and units, never ids, bytes or headers.
 */
import { DurableObject } from 'cloudflare:workers';
import type { Deployment } from '../../../schemas/deployment.ts';
import type { Env } from '../env.ts';
import { EffortRule, type Admission, type EffortPolicy, type EffortState } from './effortRule.ts';

const STATE_KEY = 'effort';

/** The rule's settings from a parsed deployment. */
export function effortPolicyOf(d: Pick<Deployment, 'powBits' | 'effort'>): EffortPolicy {
  return { base: d.powBits, ceiling: d.effort.ceilingBits, windowMs: d.effort.windowSeconds * 1000, target: d.effort.targetPerWindow };
}

export class FloodGate extends DurableObject<Env> {
  private rule: EffortRule | undefined;
  private savedRaise = 0;

  /** The effort required now. */
  async effort(policy: EffortPolicy): Promise<number> {
    const rule = await this.ruleFor(policy);
    const effort = rule.effort(Date.now());
    await this.persist(rule);
    return effort;
  }

  /** Admits a store whose proof has `bits` leading zero bits; counts its `units` only when ok. */
  async admit(policy: EffortPolicy, bits: number, units: number): Promise<Admission> {
    const rule = await this.ruleFor(policy);
    const answer = rule.admit(Date.now(), bits, units);
    await this.persist(rule);
    return answer;
  }

  /** The policy travels with each call, so a redeployed setting applies at once. */
  private async ruleFor(policy: EffortPolicy): Promise<EffortRule> {
    if (!this.rule) {
      const saved = await this.ctx.storage.get<EffortState>(STATE_KEY);
      if (!this.rule) {
        this.savedRaise = saved?.raise ?? 0;
        this.rule = new EffortRule(policy, Date.now(), saved);
        return this.rule;
      }
    }
    this.rule.setPolicy(policy);
    return this.rule;
  }

  private async persist(rule: EffortRule): Promise<void> {
    const state = rule.state();
    if (state.raise === this.savedRaise) return;
    this.savedRaise = state.raise;
    await this.ctx.storage.put(STATE_KEY, state);
  }
}
