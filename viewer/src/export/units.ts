/**
 * Investigator units kept on this workstation (issue 4 "Export and forward"): name, public key
 * and kid, which say nothing about any report. An officer pastes a unit's public key once;
 * the forward dialog offers it next time, the settings screen can forget it.
 */
import { signal } from '@preact/signals';
import * as v from 'valibot';
import { kidOf } from '../../../crypto/index.ts';
import { Kid, UnitPublicKey } from '../../../schemas/keys.ts';

const UNITS_KEY = 'stopdeal-viewer-units';
const UNIT_NAME_MAX = 120;

const Unit = v.object({ name: v.pipe(v.string(), v.minLength(1), v.maxLength(UNIT_NAME_MAX)), publicKey: UnitPublicKey, kid: Kid });
export type Unit = v.InferOutput<typeof Unit>;

function loadUnits(): Unit[] {
  try {
    const r = v.safeParse(v.array(Unit), JSON.parse(localStorage.getItem(UNITS_KEY) ?? '[]'));
    return r.success ? r.output : [];
  } catch {
    return [];
  }
}

/** Investigator units kept on this workstation (name, public key, kid: not report data). */
export const units = signal<readonly Unit[]>(loadUnits());

function storeUnits(list: readonly Unit[]): void {
  units.value = list;
  try {
    localStorage.setItem(UNITS_KEY, JSON.stringify(list));
  } catch {
    // Storage disabled: the list lasts until the next reload.
  }
}

export type UnitProblem = 'no-name' | 'not-a-key' | 'no-unit';

export class UnitError extends Error {
  override name = 'UnitError';
  constructor(readonly reason: UnitProblem) {
    super(`unit: ${reason}`);
  }
}

/** A unit from a name and a pasted public key (b64 X25519 key), with its kid. @throws UnitError */
export async function unitFrom(name: string, publicKeyText: string): Promise<Unit> {
  const clean = name.replace(/\s+/g, ' ').trim().slice(0, UNIT_NAME_MAX);
  if (!clean) throw new UnitError('no-name');
  // Canonical b64 of 32 bytes, parsed into the unit key role it is given as.
  const key = v.safeParse(UnitPublicKey, publicKeyText.replace(/\s+/g, ''));
  if (!key.success) throw new UnitError('not-a-key');
  return { name: clean, publicKey: key.output, kid: await kidOf(key.output) };
}

/** Keeps a unit for next time (replacing one with the same key). */
export function keepUnit(unit: Unit): void {
  storeUnits([...units.peek().filter((u) => u.kid !== unit.kid), unit].sort((a, b) => a.name.localeCompare(b.name, 'fr')));
}

export function forgetUnit(kid: string): void {
  storeUnits(units.peek().filter((u) => u.kid !== kid));
}
