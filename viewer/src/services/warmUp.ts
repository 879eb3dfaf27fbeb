/**
 * Loads and compiles libsodium while the officer picks a keyring and types the
 * passphrase, so that "déverrouillage…" measures Argon2id only.
 */
import { randomB64 } from '../../../crypto/index.ts';

export function warmUpCrypto(): void {
  void randomB64(1).catch(() => undefined);
}
