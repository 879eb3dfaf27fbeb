/**
 * Keyring files (PROTOCOL §7) and key grants (PROTOCOL §5), shared by viewer and CLI.
 * Limits on Argon2id parameters are checked before any work, so a hostile file cannot
 * make a workstation hash with 16 GiB.
 */
import * as v from 'valibot';
import { b64Bytes, fromB64 } from './encoding.ts';
import { firstIssuePath } from './issues.ts';
import { Kid, OfficerId, OfficerPublicKey, OfficerSecretKey, PolicePublicKey, PoliceSecretKey, UnitPublicKey, UnitSecretKey } from './keys.ts';

export const OPSLIMIT_MIN = 2;
export const OPSLIMIT_MAX = 10;
export const MEMLIMIT_MIN = 64 * 1024 * 1024;
export const MEMLIMIT_MAX = 1024 * 1024 * 1024;

export const KeyringFile = v.object({
  v: v.literal(1),
  kdf: v.object({
    alg: v.literal('argon2id13'),
    opslimit: v.pipe(v.number(), v.integer(), v.minValue(OPSLIMIT_MIN), v.maxValue(OPSLIMIT_MAX)),
    memlimit: v.pipe(v.number(), v.integer(), v.minValue(MEMLIMIT_MIN), v.maxValue(MEMLIMIT_MAX)),
    salt: b64Bytes(16),
  }),
  nonce: b64Bytes(24),
  box: v.pipe(v.string(), v.minLength(1), v.maxLength(1_000_000)),
});
export type KeyringFile = v.InferOutput<typeof KeyringFile>;

/**
 * Why parsed JSON is not a keyring file. `field` is the first invalid field's dotted path
 * (`kdf.salt`; '' when the value is not even an object); `keyringLike` says whether it has
 * any of a keyring's own fields (`kdf`, `nonce`, `box`), so a screen can say "not a keyring"
 * rather than name a field of some other file.
 */
export class KeyringShapeError extends Error {
  override name = 'KeyringShapeError';
  constructor(
    readonly field: string,
    readonly keyringLike: boolean,
  ) {
    super(field ? `keyring field "${field}" is missing or invalid` : 'not a Stop Deal keyring file');
  }
}

/**
 * Checks parsed JSON as a keyring file before any Argon2id work (the viewer and the CLI,
 * through crypto's `parseKeyringFile`). The schema only bounds `box`; decoding it here names
 * the field instead of failing after the key derivation.
 *
 * @throws KeyringShapeError
 */
export function checkKeyringShape(json: unknown): KeyringFile {
  const keyringLike = typeof json === 'object' && json !== null && !Array.isArray(json) && ['kdf', 'nonce', 'box'].some((k) => Object.hasOwn(json, k));
  const r = v.safeParse(KeyringFile, json);
  if (!r.success) throw new KeyringShapeError(firstIssuePath(r.issues), keyringLike);
  try {
    fromB64(r.output.box);
  } catch {
    throw new KeyringShapeError('box', true);
  }
  return r.output;
}

export const PoliceKeyPairEntry = v.object({ kid: Kid, publicKey: PolicePublicKey, secretKey: PoliceSecretKey });
export type PoliceKeyPairEntry = v.InferOutput<typeof PoliceKeyPairEntry>;

export const OfficerKeyEntry = v.object({ officerId: OfficerId, publicKey: OfficerPublicKey, secretKey: OfficerSecretKey });
export type OfficerKeyEntry = v.InferOutput<typeof OfficerKeyEntry>;

/** The decrypted content of a keyring. An investigator unit's keyring has no `officer`. */
export const KeyringInner = v.object({
  v: v.literal(1),
  police: v.array(PoliceKeyPairEntry),
  officer: v.pipe(v.nullish(OfficerKeyEntry), v.transform((x) => x ?? undefined)),
});
export type KeyringInner = v.InferOutput<typeof KeyringInner>;
/** What a keyring is made from: keys of any X25519 role (police, or a unit's own) as plain b64. */
export type KeyringInnerInput = v.InferInput<typeof KeyringInner>;

/** What an admin seals to a new officer (PROTOCOL §5 key grants). */
export const GrantInner = v.object({ v: v.literal(1), police: v.pipe(v.array(PoliceKeyPairEntry), v.minLength(1)) });
export type GrantInner = v.InferOutput<typeof GrantInner>;

/** An investigator unit's key pair (issue 4 "Export and forward"): dossiers are sealed to it. */
export const UnitKeyPairEntry = v.object({ kid: Kid, publicKey: UnitPublicKey, secretKey: UnitSecretKey });
export type UnitKeyPairEntry = v.InferOutput<typeof UnitKeyPairEntry>;

/**
 * A unit's keyring keeps its key pair where an officer's keeps police keys (PROTOCOL §7: the
 * file format is one); this reads them, parsed again, as the unit keys the caller says they are.
 */
export function unitKeysOf(inner: Pick<KeyringInner, 'police'>): UnitKeyPairEntry[] {
  return v.parse(v.array(UnitKeyPairEntry), inner.police);
}
