/**
 * The deployment generator's core (DESIGN "Configuration"): reads and checks a town's
 * deployment file, and renders what the Worker, the viewer and the apps need from it.
 * Used by `scripts/configure.ts` (production), `scripts/start.ts` (demo), the Vite
 * builds and the tests, so that every place derives from the same file.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { Deployment } from '../schemas/deployment.ts';
import { kidOf } from '../crypto/index.ts';

/** Parses and checks a deployment file, including that each `kid` matches its key. */
export async function loadDeployment(path: string): Promise<Deployment> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read deployment file ${path}: ${(e as Error).message}`);
  }
  return checkDeployment(json, path);
}

export async function checkDeployment(json: unknown, label = 'deployment'): Promise<Deployment> {
  const r = v.safeParse(Deployment, json);
  if (!r.success) {
    const issue = r.issues[0]!;
    const where = issue.path?.map((p) => String(p.key)).join('.') ?? '(root)';
    throw new Error(`${label}: ${where}: ${issue.message}`);
  }
  for (const k of r.output.policeKeys) {
    if ((await kidOf(k.publicKey)) !== k.kid) throw new Error(`${label}: police key ${k.kid} does not match its public key`);
  }
  return r.output;
}

const wsForm = (origin: string) => origin.replace(/^http/, 'ws');

/** Headers every app page gets. */
const COMMON = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/** Features Chromium recognises (unknown names print console errors, so none are listed). */
const DENY_ALL_PERMISSIONS = [
  'accelerometer', 'autoplay', 'camera', 'display-capture', 'encrypted-media', 'fullscreen', 'gamepad', 'geolocation',
  'gyroscope', 'hid', 'idle-detection', 'magnetometer', 'microphone', 'midi', 'payment', 'picture-in-picture',
  'publickey-credentials-get', 'screen-wake-lock', 'serial', 'usb', 'xr-spatial-tracking',
];

/** The viewer's security headers (issue 2, issue 4): a locked-down origin. */
export function viewerHeaders(d: Deployment): Record<string, string> {
  const csp = [
    "default-src 'none'",
    // libsodium compiles WebAssembly: 'wasm-unsafe-eval', never 'unsafe-eval'.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${d.apiOrigin} ${wsForm(d.apiOrigin)}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    // One policy, and only to start the viewer's report workers: Chromium counts
    // `new Worker(url)` as a script sink (viewer/src/reports/openPool.ts).
    'trusted-types stopdeal-worker',
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': DENY_ALL_PERMISSIONS.map((p) => `${p}=()`).join(', '),
    'Cache-Control': 'no-store',
    ...COMMON,
  };
}

/** The reporter app's security headers: same-origin API, location only when asked. */
export function reporterHeaders(): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': DENY_ALL_PERMISSIONS.map((p) => (p === 'geolocation' ? 'geolocation=(self)' : `${p}=()`)).join(', '),
    ...COMMON,
  };
}

/** Renders a Cloudflare `_headers` file applying `headers` to every path. */
export function headersFile(headers: Record<string, string>): string {
  return '/*\n' + Object.entries(headers).map(([k, val]) => `  ${k}: ${val}\n`).join('');
}

/** The Worker's variables: the deployment itself, as one JSON string. */
export function workerVars(d: Deployment): Record<string, string> {
  return { DEPLOYMENT: JSON.stringify(d) };
}

/** A `.dev.vars` file (dotenv): vars and local secrets for `wrangler dev`. */
export function devVarsFile(vars: Record<string, string>): string {
  return Object.entries(vars).map(([k, val]) => `${k}='${val.replace(/'/g, "\\'")}'\n`).join('');
}

export interface ApiWranglerOptions {
  name: string;
  /** Paths relative to the generated file's folder. */
  main: string;
  assets: string;
  migrations: string;
  d1DatabaseId: string;
  bucket: string;
  vars?: Record<string, string>;
}

/** Workerd bundled with wrangler 4.86.0 is 2026-04-26: not newer (STACK.md). */
export const COMPATIBILITY_DATE = '2026-04-20';

/** The API Worker's `wrangler.toml`. Observability is off: it would capture headers and IPs. */
export function apiWranglerToml(o: ApiWranglerOptions): string {
  const vars = o.vars ? `\n[vars]\n${Object.entries(o.vars).map(([k, val]) => `${k} = ${JSON.stringify(val)}`).join('\n')}\n` : '';
  return `# Generated by scripts/deployment.ts (apiWranglerToml); edit the generator, not this file.
name = "${o.name}"
main = "${o.main}"
compatibility_date = "${COMPATIBILITY_DATE}"
compatibility_flags = ["nodejs_compat"]

# No Workers Logs, no traces, no Logpush: they would record request headers and IPs.
[observability]
enabled = false

[observability.logs]
enabled = false
invocation_logs = false

[assets]
directory = "${o.assets}"
binding = "ASSETS"
run_worker_first = ["/api/*"]
not_found_handling = "single-page-application"

[[d1_databases]]
binding = "DB"
database_name = "${o.name}"
database_id = "${o.d1DatabaseId}"
migrations_dir = "${o.migrations}"

[[r2_buckets]]
binding = "BLOBS"
bucket_name = "${o.bucket}"

# The live channel (docs/api.md): one object per mailbox, one hub for the officers;
# hibernatable WebSockets, SQLite-backed objects (they store only a pending-auth alarm).
[[durable_objects.bindings]]
name = "MAILBOX_LIVE"
class_name = "MailboxLive"

[[durable_objects.bindings]]
name = "OFFICER_HUB"
class_name = "OfficerHub"

# The town's proof-of-work effort (docs/flood.md): one object, in memory; it stores only
# the current raise, never anything about a request.
[[durable_objects.bindings]]
name = "FLOOD_GATE"
class_name = "FloodGate"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["MailboxLive", "OfficerHub"]

[[migrations]]
tag = "v2"
new_sqlite_classes = ["FloodGate"]

# Retention and orphan-blob cleanup, hourly.
[triggers]
crons = ["17 * * * *"]
${vars}`;
}

/** The viewer's static-assets-only Worker config; headers come from its `_headers`. */
export function viewerWranglerToml(o: { name: string; assets: string }): string {
  return `# Generated by scripts/deployment.ts (viewerWranglerToml); edit the generator, not this file.
name = "${o.name}"
compatibility_date = "${COMPATIBILITY_DATE}"

[assets]
directory = "${o.assets}"
not_found_handling = "single-page-application"
`;
}
