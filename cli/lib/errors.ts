/**
 * The CLI's typed failures. `main` prints their message as one line and exits 1; a
 * message never contains a secret (passphrase, secret key, decrypted content).
 */
import { ApiError } from '../../client/signedRequest.ts';

/** An expected failure with a message meant for the administrator. */
export class CliError extends Error {
  override name = 'CliError';
}

/** Wrong or missing arguments; the message points at the command's `--help`. */
export class UsageError extends CliError {
  override name = 'UsageError';
}

/**
 * A failure whose message is meant for the administrator: the CLI's own, or an API refusal
 * (client/signedRequest.ts's {@link ApiError}, worded by `ApiClient`).
 */
export function isCliFailure(e: unknown): e is CliError | ApiError {
  return e instanceof CliError || e instanceof ApiError;
}
