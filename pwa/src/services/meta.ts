/**
 * The proof-of-work difficulty (PROTOCOL §3): the app carries the deployment's `powBits`
 * in its build so it can prove work offline, and refreshes it from `/api/v1/meta`
 * whenever it is online. The police key is never taken from the Worker (§1).
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

/** Asks the Worker for the current `powBits` and remembers it; falls back to what is known. */
export async function refreshPowBits(): Promise<number> {
  try {
    const meta = await fetchMeta((input, init) => fetch(input, init));
    await (await db()).settings.put({ name: SETTING, value: meta.powBits });
    return meta.powBits;
  } catch {
    return knownPowBits();
  }
}
