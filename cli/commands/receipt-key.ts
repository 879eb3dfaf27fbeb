/**
 * `sd receipt-key new`: the Worker's receipt-signing key (issue 3, docs/follow-up.md §5).
 * The secret half becomes the Worker secret `RECEIPT_SIGNING_KEY`; the public half is pinned
 * in the deployment file as `receiptPublicKey`, so installed apps can verify every proof.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { checkDeployment } from '../../client/deploymentFile.ts';
import { generateReceiptKey, kidOf } from '../../crypto/index.ts';
import { str, type Command } from '../lib/command.ts';
import { CliError } from '../lib/errors.ts';
import { say } from '../lib/io.ts';
import { refuseExisting } from '../lib/keyringFile.ts';

export const receiptKeyNew: Command = {
  name: 'receipt-key new',
  summary: "create the Worker's receipt-signing key and pin its public half",
  help: `Usage: sd receipt-key new --deploy deploy/<town>.json --secret-out <file>

Creates an Ed25519 key pair for the Worker's proofs of submission. Writes the secret half
(b64 of libsodium's 64-byte secret key) to --secret-out, owner-only, for
"wrangler secret put RECEIPT_SIGNING_KEY"; sets "receiptPublicKey" in the deployment file.
Delete the secret file once the Worker secret is set. Refuses to overwrite an existing file.

Options:
  --deploy <file>       the town's deployment file (updated in place)
  --secret-out <file>   where to write the secret half`,
  options: { deploy: { type: 'string' }, 'secret-out': { type: 'string' } },
  required: ['deploy', 'secret-out'],
  async run({ values }, io) {
    const deployFile = str(values.deploy)!;
    const secretOut = str(values['secret-out'])!;
    refuseExisting(secretOut);
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(readFileSync(deployFile, 'utf8'));
    } catch (e) {
      throw new CliError(`cannot read deployment file ${deployFile}: ${(e as Error).message}`);
    }
    const key = await generateReceiptKey();
    const updated = { ...json, receiptPublicKey: key.publicKey };
    // The template (no police key yet) is accepted: only a finished file must validate fully.
    if (Array.isArray(json.policeKeys) && json.policeKeys.length) {
      try {
        await checkDeployment(updated, kidOf, deployFile);
      } catch (e) {
        throw new CliError((e as Error).message);
      }
    }
    writeFileSync(secretOut, key.secretKey + '\n', { mode: 0o600, flag: 'wx' });
    const tmp = `${deployFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(updated, null, 2) + '\n');
    renameSync(tmp, deployFile);
    say(io, `receiptPublicKey: ${key.publicKey} (pinned in ${deployFile})`);
    say(io, `secret written to ${secretOut}: run "wrangler secret put RECEIPT_SIGNING_KEY" with its content, then delete the file.`);
  },
};
