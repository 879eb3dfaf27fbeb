/**
 * The proof-of-work difficulty (PROTOCOL §3): the app carries the deployment's `powBits`
 * in its build so it can prove work offline, and refreshes it from `/api/v1/meta`
 * whenever it is online, and from a `pow_invalid` that names the effort required now
 * (issue 7: the effort adapts to load). The police key is never taken from the Worker (§1).
 */
import deployment from 'virtual:deployment';
import { fetchMeta } from './api.ts';
import { db } from './db.ts';

const SETTING = 'powBits';

/** The freshest `powBits` known on this device, without going online. */
export async function knownPowBits(): Promise<number> {
  const row = await db()
    .then((d) => d.settings.get(SETTING))
    .catch(() => undefined);
  return typeof row?.value === 'number' ? row.value : deployment.powBits;
}

/**
 * Remembers the effort a `pow_invalid` named (issue 7): the newest known, so new reports
 * are sealed at it until `/meta` says otherwise.
 */
export async function rememberPowBits(powBits: number): Promise<void> {
  await (await db()).settings.put({ name: SETTING, value: powBits }).catch(() => undefined);
}

/** Asks the Worker for the current `powBits` and remembers it; falls back to what is known. */
export async function refreshPowBits(): Promise<number> {
  try {
    const meta = await fetchMeta((input, init) => fetch(input, init));
    await rememberPowBits(meta.powBits);
    return meta.powBits;
  } catch {
    return knownPowBits();
  }
}
