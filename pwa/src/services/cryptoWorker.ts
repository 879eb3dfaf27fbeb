/**
 * The page's side of the crypto worker (workers/crypto.ts): one worker, started early
 * (while the resident types) so that libsodium is ready by "Envoyer", and asked to seal
 * reports and to solve proofs of work. The page itself never loads libsodium.
 */
import type { CryptoReply, CryptoRequest, SealedForOutbox, UnsealedReport } from '../workers/cryptoMessages.ts';

/** The worker failed; `name` is the crypto error's name (`TooLargeError`, …). */
export class CryptoWorkerError extends Error {
  override name = 'CryptoWorkerError';
  constructor(
    readonly reason: string,
    readonly bytes?: number,
  ) {
    super(reason);
  }
}

type Pending = { resolve: (r: CryptoReply & { ok: true }) => void; reject: (e: Error) => void };
let worker: Worker | undefined;
let counter = 0;
const pending = new Map<number, Pending>();

function failAll(reason: string): void {
  for (const p of pending.values()) p.reject(new CryptoWorkerError(reason));
  pending.clear();
  worker?.terminate();
  worker = undefined;
}

function ensureWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('../workers/crypto.ts', import.meta.url), { type: 'module', name: 'crypto' });
  worker.onmessage = (event: MessageEvent<CryptoReply>) => {
    const reply = event.data;
    const p = pending.get(reply.n);
    if (!p) return;
    pending.delete(reply.n);
    if (reply.ok) p.resolve(reply);
    else p.reject(new CryptoWorkerError(reply.error, reply.bytes));
  };
  // A worker that cannot start (script failed to load) fails every request; the next one starts afresh.
  worker.onerror = (event) => failAll(event.message || 'crypto worker failed');
  return worker;
}

type Body<R> = R extends CryptoRequest ? Omit<R, 'n'> : never;

function call(request: Body<CryptoRequest>): Promise<CryptoReply & { ok: true }> {
  const n = ++counter;
  return new Promise((resolve, reject) => {
    pending.set(n, { resolve, reject });
    ensureWorker().postMessage({ ...request, n } as CryptoRequest);
  });
}

/** Starts the worker and has it load libsodium now; nothing waits for it. */
export function warmCryptoWorker(): void {
  if (typeof Worker === 'undefined') return;
  call({ op: 'warm' }).catch(() => undefined);
}

/** Seals a report and proves work on it (PROTOCOL §2–4), in the worker. */
export async function sealInWorker(report: UnsealedReport, police: { kid: string; publicKey: string }, powBits: number): Promise<SealedForOutbox> {
  const reply = await call({ op: 'seal', report, police, powBits });
  return reply.sealed!;
}

/** Solves the proof of work again for an outbox entry (after `pow_invalid`). */
export async function proveInWorker(id: string, sealed: string, powBits: number): Promise<string> {
  const reply = await call({ op: 'prove', id, sealed, powBits });
  return reply.pow!;
}
