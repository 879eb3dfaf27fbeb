/**
 * The Worker's bindings (wrangler.toml) and its settings, read once per isolate
 * (STYLE: "settings validated once at start-up"). `DEPLOYMENT` is the town's deployment
 * file as one JSON string (scripts/deployment.ts `workerVars`); a JSON object binding is
 * accepted too, so tests and `[vars]` tables can pass it either way.
 */
import * as v from 'valibot';
import { Deployment } from '../../schemas/deployment.ts';
import { b64Bytes } from '../../schemas/encoding.ts';
import type { MailboxLive } from './live/mailboxLive.ts';
import type { FloodGate } from './flood/floodGate.ts';
import type { OfficerHub } from './live/officerHub.ts';

export interface Env {
  DB: D1Database;
  BLOBS: R2Bucket;
  /** The reporter app's static files; non-`/api` paths never reach the Worker in production. */
  ASSETS: Fetcher;
  /** Live channel of one mailbox, named `mailbox:<report id>` (docs/api.md "Live channel"). */
  MAILBOX_LIVE: DurableObjectNamespace<MailboxLive>;
  /** The officers' live channel: one object per town, named `officers`. */
  OFFICER_HUB: DurableObjectNamespace<OfficerHub>;
  /** The town's load-adaptive proof-of-work effort (docs/flood.md): one object, named by the town id. */
  FLOOD_GATE: DurableObjectNamespace<FloodGate>;
  DEPLOYMENT: string | object;
  /** Secret: b64 Ed25519 public key of the first admin (PROTOCOL §5, docs/api.md "Bootstrap"). */
  BOOTSTRAP_ADMIN_PUBLIC_KEY?: string;
  /**
   * Secret: b64 of libsodium's 64-byte Ed25519 secret key (seed ‖ public key) that signs
   * submission receipts (docs/follow-up.md). Absent, malformed or not matching
   * `deployment.receiptPublicKey`: no receipts are given.
   */
  RECEIPT_SIGNING_KEY?: string;
}

/** Thrown when `DEPLOYMENT` (or the bootstrap key) is missing or invalid: `500 internal`. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

let cachedRaw: unknown;
let cachedDeployment: Deployment | undefined;

/** The parsed deployment; parsed again only when the binding's value changes. */
export function deploymentOf(env: Pick<Env, 'DEPLOYMENT'>): Deployment {
  const raw = env.DEPLOYMENT;
  if (cachedDeployment && raw === cachedRaw) return cachedDeployment;
  let json: unknown = raw;
  if (typeof raw === 'string') {
    try {
      json = JSON.parse(raw);
    } catch {
      throw new ConfigurationError('DEPLOYMENT is not JSON');
    }
  }
  const r = v.safeParse(Deployment, json);
  if (!r.success) throw new ConfigurationError('DEPLOYMENT does not match the deployment schema');
  cachedRaw = raw;
  cachedDeployment = r.output;
  return r.output;
}

const BootstrapKey = b64Bytes(32);

/**
 * The bootstrap admin's b64 public key, or `undefined` when the secret is not set.
 * A secret that is set but not a 32-byte b64 key is a configuration error, not "no admin".
 */
export function bootstrapKeyOf(env: Pick<Env, 'BOOTSTRAP_ADMIN_PUBLIC_KEY'>): string | undefined {
  const raw = env.BOOTSTRAP_ADMIN_PUBLIC_KEY;
  if (raw === undefined || raw === '') return undefined;
  const key = raw.trim();
  if (!v.is(BootstrapKey, key)) throw new ConfigurationError('BOOTSTRAP_ADMIN_PUBLIC_KEY is not a b64 Ed25519 public key');
  return key;
}
