/**
 * Checking a town's deployment file (DESIGN "Configuration"), for every program that reads or
 * writes one: `scripts/` (builds, `npm start`, `configure`) and the CLI (`sd police-key new`,
 * `sd receipt-key new`), so that a file one accepts the others accept too. Reading the file is
 * each program's own business (their messages differ); this only judges its content.
 */
import * as v from 'valibot';
import { Deployment } from '../schemas/deployment.ts';
import { firstIssuePath } from '../schemas/issues.ts';
import type { PolicePublicKey } from '../schemas/keys.ts';

/** A deployment file that does not hold; the message names the file (`label`) and the field. */
export class DeploymentFileError extends Error {
  override name = 'DeploymentFileError';
}

/**
 * Checks parsed JSON as a deployment file: its shape (schemas/deployment.ts), then that each
 * police key's `kid` is its public key's (PROTOCOL §1: `kid = H(16, publicKey)`). `kidOf` is
 * crypto's, passed in: client/ imports no crypto.
 *
 * @example
 * const d = await checkDeployment(JSON.parse(text), kidOf, 'deploy/demo.json');
 * @throws DeploymentFileError
 */
export async function checkDeployment(json: unknown, kidOf: (publicKey: PolicePublicKey) => Promise<string>, label = 'deployment'): Promise<Deployment> {
  const r = v.safeParse(Deployment, json);
  if (!r.success) throw new DeploymentFileError(`${label}: ${firstIssuePath(r.issues) || '(root)'}: ${r.issues[0]!.message}`);
  for (const k of r.output.policeKeys) {
    if ((await kidOf(k.publicKey)) !== k.kid) throw new DeploymentFileError(`${label}: police key ${k.kid} does not match its public key`);
  }
  return r.output;
}
