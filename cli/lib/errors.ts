/**
 * The CLI's typed failures. `main` prints their message as one line and exits 1; a
 * message never contains a secret (passphrase, secret key, decrypted content).
 */

/** An expected failure with a message meant for the administrator. */
export class CliError extends Error {
  override name = 'CliError';
}

/** Wrong or missing arguments; the message points at the command's `--help`. */
export class UsageError extends CliError {
  override name = 'UsageError';
}

/** The API answered with an error body (PROTOCOL §3, §5 codes). */
export class ApiError extends CliError {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
