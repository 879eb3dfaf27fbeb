/**
 * Creates a local instance's keys and configuration on first run, and keeps them after:
 * a deployment file (from `deploy/demo.template.json`, with a fresh police key pinned),
 * an admin officer keyring and its passphrase (PROTOCOL §7 names `.dev/demo-keyring.json`
 * and `.dev/demo-passphrase.txt`), and the `.dev.vars` that `wrangler dev` reads.
 * `npm start` uses `.dev/`; the browser tests use their own folder and ports.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKeyring, generateOfficerKey, generatePoliceKey, generateReceiptKey, KDF_MODERATE, kidOf, randomB64, useSumo, type KdfStrength } from '../crypto/index.ts';
import { checkDeployment } from '../client/deploymentFile.ts';
import { isoSeconds } from '../schemas/time.ts';
import { devVarsFile, workerVars } from './deployment.ts';

export interface Instance {
  dir: string;
  deploymentFile: string;
  keyringFile: string;
  passphraseFile: string;
  devVarsFile: string;
  /** Public half of the demo officer key: `{officerId, publicKey}`. */
  officerFile: string;
  /** The Worker's receipt-signing key pair (`RECEIPT_SIGNING_KEY` in `.dev.vars`). */
  receiptKeyFile: string;
  passphrase: string;
  officerPublicKey: string;
}

export interface InstanceOptions {
  /** Folder for the instance's files (`.dev` for `npm start`). */
  dir: string;
  apiOrigin: string;
  viewerOrigin: string;
  /** Where `.dev.vars` goes (the root for `npm start`, so that `wrangler dev` finds it). */
  devVars: string;
  kdf?: KdfStrength;
  powBits?: number;
  /**
   * The deployment's `effort` settings (docs/flood.md), applied on every run. Test and bench
   * instances set a high `targetPerWindow` so that their many submissions never raise the
   * effort; a test of the rise can ask for a small one. `npm start` leaves the defaults.
   */
  effort?: { windowSeconds?: number; targetPerWindow?: number; ceilingBits?: number };
  template?: string;
}

/** A passphrase a person can type: 5 groups of 4 lowercase letters and digits (100 bits). */
async function newPassphrase(): Promise<string> {
  const alphabet = 'abcdefghjkmnpqrstvwxyz0123456789';
  const bytes = Buffer.from(await randomB64(20), 'base64url');
  let out = '';
  for (let i = 0; i < 20; i++) out += (i && i % 4 === 0 ? '-' : '') + alphabet[bytes[i]! & 31];
  return out;
}

export async function ensureInstance(o: InstanceOptions): Promise<Instance> {
  useSumo();
  const inst = {
    dir: o.dir,
    deploymentFile: join(o.dir, 'deployment.json'),
    keyringFile: join(o.dir, 'demo-keyring.json'),
    passphraseFile: join(o.dir, 'demo-passphrase.txt'),
    devVarsFile: o.devVars,
    officerFile: join(o.dir, 'demo-officer.json'),
    receiptKeyFile: join(o.dir, 'receipt-signing-key.json'),
  };
  mkdirSync(o.dir, { recursive: true });
  if (!existsSync(inst.deploymentFile) || !existsSync(inst.keyringFile) || !existsSync(inst.passphraseFile) || !existsSync(inst.officerFile)) {
    const police = await generatePoliceKey();
    const officer = await generateOfficerKey();
    const passphrase = await newPassphrase();
    const template = JSON.parse(readFileSync(o.template ?? 'deploy/demo.template.json', 'utf8'));
    const deployment = await checkDeployment({
      ...template,
      apiOrigin: o.apiOrigin,
      viewerOrigins: [o.viewerOrigin],
      powBits: o.powBits ?? template.powBits,
      policeKeys: [{ kid: police.kid, publicKey: police.publicKey, status: 'active', createdAt: isoSeconds(new Date()) }],
    }, kidOf);
    const keyring = await createKeyring({ v: 1, police: [police], officer }, passphrase, o.kdf ?? KDF_MODERATE);
    writeFileSync(inst.deploymentFile, JSON.stringify(deployment, null, 2) + '\n');
    writeFileSync(inst.keyringFile, JSON.stringify(keyring, null, 2) + '\n', { mode: 0o600 });
    writeFileSync(inst.passphraseFile, passphrase + '\n', { mode: 0o600 });
    // Public half only: lets the start script name the bootstrap admin without the passphrase.
    writeFileSync(inst.officerFile, JSON.stringify({ officerId: officer.officerId, publicKey: officer.publicKey }) + '\n');
  }
  // The Worker's receipt-signing key (issue 3): secret for `.dev.vars`, public half pinned in
  // the deployment. Added to instances created before it existed.
  let deployment = await checkDeployment(JSON.parse(readFileSync(inst.deploymentFile, 'utf8')), kidOf);
  if (deployment.apiOrigin !== o.apiOrigin || deployment.viewerOrigins.join() !== o.viewerOrigin) {
    // Same keys, other ports (e.g. a second checkout's tests): only the origins change.
    deployment = await checkDeployment({ ...deployment, apiOrigin: o.apiOrigin, viewerOrigins: [o.viewerOrigin] }, kidOf);
    writeFileSync(inst.deploymentFile, JSON.stringify(deployment, null, 2) + '\n');
  }
  if (o.effort && Object.entries(o.effort).some(([k, val]) => deployment.effort[k as keyof typeof deployment.effort] !== val)) {
    deployment = await checkDeployment({ ...deployment, effort: { ...deployment.effort, ...o.effort } }, kidOf);
    writeFileSync(inst.deploymentFile, JSON.stringify(deployment, null, 2) + '\n');
  }
  if (!existsSync(inst.receiptKeyFile) || !deployment.receiptPublicKey) {
    const receiptKey = await generateReceiptKey();
    deployment = await checkDeployment({ ...deployment, receiptPublicKey: receiptKey.publicKey }, kidOf);
    writeFileSync(inst.receiptKeyFile, JSON.stringify(receiptKey) + '\n', { mode: 0o600 });
    writeFileSync(inst.deploymentFile, JSON.stringify(deployment, null, 2) + '\n');
  }
  const receiptKey = JSON.parse(readFileSync(inst.receiptKeyFile, 'utf8')) as { publicKey: string; secretKey: string };
  const officer = JSON.parse(readFileSync(inst.officerFile, 'utf8')) as { publicKey: string };
  // Rewritten every run, so that it always matches the deployment file.
  writeFileSync(o.devVars, devVarsFile({ ...workerVars(deployment), BOOTSTRAP_ADMIN_PUBLIC_KEY: officer.publicKey, RECEIPT_SIGNING_KEY: receiptKey.secretKey }), { mode: 0o600 });
  const passphrase = readFileSync(inst.passphraseFile, 'utf8').replace(/\n$/, '');
  return { ...inst, passphrase, officerPublicKey: officer.publicKey };
}
