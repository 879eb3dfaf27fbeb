/**
 * Key roles as types (PROTOCOL §1). Every key and key id travels as b64 text, so at run time
 * they are all strings; a valibot brand makes each role its own type, so a police public key
 * passed where an officer key is wanted, or a kid where an officerId is wanted, does not
 * compile. Branded values come only from these schemas: parse at the boundary (keyring
 * unlock, deployment file, API answers), never cast.
 *
 * @example
 * const police = v.parse(PolicePublicKey, text) // PolicePublicKey, not string
 */
import * as v from 'valibot';
import { b64Bytes } from './encoding.ts';

/** `kid = b64(H(16, publicKey))` of an X25519 key that reports, events or dossiers are sealed to (police or unit). */
export const Kid = v.pipe(b64Bytes(16), v.brand('Kid'));
export type Kid = v.InferOutput<typeof Kid>;

/** `officerId = b64(H(16, officerPublicKey))`: the same rule as a kid, a different role. */
export const OfficerId = v.pipe(b64Bytes(16), v.brand('OfficerId'));
export type OfficerId = v.InferOutput<typeof OfficerId>;

/** A police X25519 public key: residents seal reports to it. */
export const PolicePublicKey = v.pipe(b64Bytes(32), v.brand('PolicePublicKey'));
export type PolicePublicKey = v.InferOutput<typeof PolicePublicKey>;

/** A police X25519 secret key: only keyrings and grants hold it. */
export const PoliceSecretKey = v.pipe(b64Bytes(32), v.brand('PoliceSecretKey'));
export type PoliceSecretKey = v.InferOutput<typeof PoliceSecretKey>;

/** An officer's Ed25519 public key: the roster lists it, grants are sealed to it. */
export const OfficerPublicKey = v.pipe(b64Bytes(32), v.brand('OfficerPublicKey'));
export type OfficerPublicKey = v.InferOutput<typeof OfficerPublicKey>;

/** An officer's Ed25519 secret key (64 bytes): signs requests, case events and dossiers. */
export const OfficerSecretKey = v.pipe(b64Bytes(64), v.brand('OfficerSecretKey'));
export type OfficerSecretKey = v.InferOutput<typeof OfficerSecretKey>;

/** An investigator unit's X25519 public key: forwarded dossiers are sealed to it. */
export const UnitPublicKey = v.pipe(b64Bytes(32), v.brand('UnitPublicKey'));
export type UnitPublicKey = v.InferOutput<typeof UnitPublicKey>;

/** An investigator unit's X25519 secret key: only the unit's keyring holds it. */
export const UnitSecretKey = v.pipe(b64Bytes(32), v.brand('UnitSecretKey'));
export type UnitSecretKey = v.InferOutput<typeof UnitSecretKey>;
