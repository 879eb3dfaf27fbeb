/**
 * The load-adaptive proof-of-work effort (PROTOCOL §3 "The effort adapts to load";
 * docs/flood.md): pure logic with the clock passed in, so it is tested with a fake one and
 * run by the town's `FloodGate` Durable Object with `Date.now()`.
 *
 * Effort E = base + raise. Each stored item adds units to the current window. When the
 * window's units reach `target`, raise += 1 (up to the ceiling) and a new window starts at
 * once. A window that ends by time with fewer than target/2 units drops the raise by 1, and
 * every fully quiet window after it by 1 more (k idle windows: k bits). Nothing about a
 * request is kept: only counts.
 */

/** The rule's settings, from the deployment (`powBits` and `effort`). */
export interface EffortPolicy {
  /** The floor: the deployment's `powBits`. */
  base: number;
  /** The most the effort can rise to (>= base). */
  ceiling: number;
  windowMs: number;
  /** Units per window that raise the effort by one bit. */
  target: number;
}

/** What the gate persists: only the raise and when its window started (no request data). */
export interface EffortState {
  raise: number;
  windowStart: number;
}

/** A report adds one unit. */
export const REPORT_UNITS = 1;

/** One unit per started MiB of a blob. */
export const BYTES_PER_UNIT = 1048576;

/** Units a blob of `bytes` adds: ceil(bytes / 1 MiB), at least 1. */
export function blobUnits(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / BYTES_PER_UNIT));
}

export interface Admission {
  ok: boolean;
  /** The effort required now (after this admission's raise, if any). */
  effort: number;
}

export class EffortRule {
  private raise = 0;
  private windowStart: number;
  private units = 0;

  constructor(
    private policy: EffortPolicy,
    now: number,
    saved?: EffortState,
  ) {
    this.windowStart = now;
    if (saved) {
      this.raise = saved.raise;
      this.windowStart = Math.min(saved.windowStart, now);
    }
    this.clamp();
  }

  /** A new deployment's settings (e.g. another ceiling): the raise is kept within them. */
  setPolicy(policy: EffortPolicy): void {
    this.policy = policy;
    this.clamp();
  }

  /** The effort required at `now`. */
  effort(now: number): number {
    this.advance(now);
    return this.policy.base + this.raise;
  }

  /**
   * A store attempt whose proof has `bits` leading zero bits: ok when it meets the effort
   * now; only then are its `units` counted (refused attempts cost the town nothing).
   */
  admit(now: number, bits: number, units: number): Admission {
    const required = this.effort(now);
    if (bits < required) return { ok: false, effort: required };
    this.units += units;
    if (this.units >= this.policy.target) {
      this.raise = Math.min(this.raise + 1, this.maxRaise());
      this.windowStart = now;
      this.units = 0;
    }
    return { ok: true, effort: this.policy.base + this.raise };
  }

  /** The state worth keeping across an eviction. */
  state(): EffortState {
    return { raise: this.raise, windowStart: this.windowStart };
  }

  private maxRaise(): number {
    return Math.max(0, this.policy.ceiling - this.policy.base);
  }

  private clamp(): void {
    this.raise = Math.min(Math.max(0, Math.floor(this.raise)), this.maxRaise());
  }

  /** Closes every window that has ended by `now`, decaying the raise for quiet ones. */
  private advance(now: number): void {
    const { windowMs, target } = this.policy;
    if (now < this.windowStart + windowMs) return;
    const ended = Math.floor((now - this.windowStart) / windowMs);
    // The first ended window is judged on its units; every later one held none.
    const decay = (2 * this.units < target ? 1 : 0) + (ended - 1);
    this.raise = Math.max(0, this.raise - decay);
    this.windowStart += ended * windowMs;
    this.units = 0;
  }
}
