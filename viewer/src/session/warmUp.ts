/**
 * Loads and compiles libsodium while the officer picks a keyring and types the
 * passphrase, so that "déverrouillage…" measures Argon2id only: on the page (unlock,
 * signatures) and in the report workers (reports/openPool.ts).
 */
import { randomB64 } from '../../../crypto/index.ts';
import { warmOpenPool } from '../reports/openPool.ts';

export function warmUpCrypto(): void {
  void randomB64(1).catch(() => undefined);
  warmOpenPool();
}
