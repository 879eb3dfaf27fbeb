/**
 * `npm run bench`: speed figures as ratios against a baseline measured in the same run
 * (non-negotiable 6), so that they mean the same on a fast laptop and on a CI runner.
 * Each line: our verb, the raw libsodium work it wraps, and the ratio (1.00 = no overhead).
 */
import { createKeyring, generatePoliceKey, KDF_INTERACTIVE, openBlob, openReport, sealBlob, sealReport, solvePow, unlockKeyring, useSumo } from '../crypto/index.ts';
import { blake2b } from '@noble/hashes/blake2.js';
import { blake2bWasmModule } from '../scripts/gen-blake2b-wasm.ts';
import { blake2bOf } from '../worker/src/verify/blake2b.ts';
import { toB64 } from '../schemas/encoding.ts';
import { sodium } from '../crypto/sodium.ts';

// `npm run bench -- flood`: the flood benchmark alone (bench/flood.ts, issue 7).
if (process.argv.slice(2).includes('flood')) {
  await (await import('./flood.ts')).floodBench();
  process.exit(0);
}

// The raw baseline uses the very libsodium instance crypto/ loads (only crypto/ imports it).
useSumo();
const s = await sodium();

async function time(fn: () => unknown | Promise<unknown>, rounds: number): Promise<number> {
  for (let i = 0; i < Math.min(rounds, 20); i++) await fn(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) await fn();
  return (performance.now() - t0) / rounds;
}

const rows: Array<[string, number, number]> = [];
const police = await generatePoliceKey();
const pk = s.from_base64(police.publicKey, 7);
const sk = s.from_base64(police.secretKey, 7);
const id = toB64(new Uint8Array(16).fill(1));
const plaintext = {
  v: 1 as const, id, form: 'stop-deal', formVersion: 1, createdAt: '2026-11-23T21:40:00Z',
  answers: { district: 'centre-ville', place: '12 rue des Lilas, cage B', frequency: 'daily', activities: ['selling', 'lookouts'], details: 'x'.repeat(600) },
  contact: null, replyTo: null, attachments: [],
};
const padded = s.pad(new TextEncoder().encode(JSON.stringify(plaintext)), 1024);

const { sealed } = await sealReport(plaintext, police);
rows.push(['seal a report (1 KiB bucket)', await time(() => sealReport(plaintext, police), 300), await time(() => s.crypto_box_seal(padded, pk), 300)]);
rows.push(['open a report (1 KiB bucket)', await time(() => openReport({ id, kid: police.kid, sealed }, [police]), 300), await time(() => s.crypto_box_seal_open(sealed, pk, sk), 300)]);

const bits = 12;
const raw = new Uint8Array(15 + 16 + 32 + 8);
rows.push([
  `proof of work, ${bits} bits (vs 2^${bits} raw BLAKE2b)`,
  await time(() => solvePow(id, sealed, bits), 20),
  await time(() => {
    for (let i = 0; i < 1 << bits; i++) {
      raw[raw.length - 1] = i;
      s.crypto_generichash(32, raw, null);
    }
  }, 20),
]);

const file = await createKeyring({ v: 1, police: [police] }, 'bench passphrase', KDF_INTERACTIVE);
const salt = s.from_base64(file.kdf.salt, 7);
rows.push([
  'unlock a keyring, Argon2id INTERACTIVE',
  await time(() => unlockKeyring(file, 'bench passphrase'), 5),
  await time(() => s.crypto_pwhash(32, 'bench passphrase', salt, 2, 64 * 1024 * 1024, s.crypto_pwhash_ALG_ARGON2ID13), 5),
]);

// A photo as the reporter app sends it: about 600 KB of JPEG, padded to the 1 MiB bucket (PROTOCOL §6).
const photo = s.randombytes_buf(600_000);
const bucket = 1 << 20;
const { blob, key } = await sealBlob(photo);
const rawKey = s.crypto_secretstream_xchacha20poly1305_keygen();
const rawPadded = s.pad(photo, bucket);
const rawPush = () => {
  const { state } = s.crypto_secretstream_xchacha20poly1305_init_push(rawKey);
  for (let i = 0; i < bucket; i += 65536) {
    const tag = i + 65536 >= bucket ? s.crypto_secretstream_xchacha20poly1305_TAG_FINAL : s.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    s.crypto_secretstream_xchacha20poly1305_push(state, rawPadded.subarray(i, i + 65536), null, tag);
  }
};
rows.push(['seal a photo (1 MiB bucket)', await time(() => sealBlob(photo), 20), await time(rawPush, 20)]);
rows.push(['open a photo (1 MiB bucket)', await time(() => openBlob(blob, key), 20), await time(rawPush, 20)]);
// The Worker checks a blob's id with the WebAssembly BLAKE2b (libsodium cannot run in
// workerd), here the same binary compiled by Node; the JavaScript one it replaced for scale.
const wasmH = blake2bOf(blake2bWasmModule());
rows.push(['Worker: hash a 1 MiB blob (wasm BLAKE2b)', await time(() => wasmH(32, blob), 20), await time(() => s.crypto_generichash(32, blob, null), 20)]);
rows.push(['  (was: JS BLAKE2b, @noble/hashes)', await time(() => blake2b(blob, { dkLen: 32 }), 20), await time(() => s.crypto_generichash(32, blob, null), 20)]);

console.log('Stop Deal benchmarks (Node, libsodium wasm); ratio = ours / raw libsodium baseline, same run\n');
console.log('what'.padEnd(48), 'ours ms'.padStart(10), 'baseline ms'.padStart(12), 'ratio'.padStart(8));
for (const [what, ours, base] of rows) {
  console.log(what.padEnd(48), ours.toFixed(3).padStart(10), base.toFixed(3).padStart(12), (ours / base).toFixed(2).padStart(8));
}

// The viewer at scale in Chromium, 1,000 and 10,000 reports against the same run's raw baseline (issue 4).
await import('./viewer.ts');

// The flood benchmark (issue 7): attackers against a local Worker, adaptive effort vs base effort, same run.
await (await import('./flood.ts')).floodBench();
