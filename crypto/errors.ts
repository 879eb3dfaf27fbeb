/**
 * Typed failures of the crypto verbs: a failed decryption never quietly returns `null`.
 */

/** Ciphertext that does not authenticate: wrong key, truncated, altered. */
export class IntegrityError extends Error {
  override name = 'IntegrityError';
}

/** No key held for the `kid` a ciphertext names. */
export class UnknownKeyError extends Error {
  override name = 'UnknownKeyError';
  constructor(readonly kid: string) {
    super('no key held for this kid');
  }
}

/** Decrypted, but not a valid report / message / event. */
export class InvalidContentError extends Error {
  override name = 'InvalidContentError';
}

/** A plaintext too large for the largest padding bucket (PROTOCOL §2: 65536 bytes or more). */
export class TooLargeError extends Error {
  override name = 'TooLargeError';
  constructor(readonly bytes: number) {
    super('plaintext too large to seal');
  }
}

/** A keyring file that is not a valid keyring (says which part, never the secret). */
export class KeyringFormatError extends Error {
  override name = 'KeyringFormatError';
}

/** The passphrase does not open the keyring. */
export class WrongPassphraseError extends Error {
  override name = 'WrongPassphraseError';
  constructor() {
    super('wrong passphrase');
  }
}

/** A receipt code that cannot be read (length, alphabet, first digit above 7). */
export class ReceiptCodeError extends Error {
  override name = 'ReceiptCodeError';
}
