/** Random bytes from libsodium (used for report receipt secrets and request nonces). */
import { b64 } from './bytes.ts';
import { sodium } from './sodium.ts';

export async function randomB64(n: number): Promise<string> {
  const s = await sodium();
  return b64(s, s.randombytes_buf(n));
}
