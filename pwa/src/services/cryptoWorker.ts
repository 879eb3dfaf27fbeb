/**
 * The page's side of the crypto worker (workers/crypto.ts): one worker, started early
 * (while the resident types) so that libsodium is ready by "Envoyer", and asked to seal
 * reports, to solve proofs of work, and for the follow-up (issue 3) to read receipt codes,
 * open and seal messages and check proofs of submission. The page itself never loads
 * libsodium.
 */
import type {
  CheckedProof, CryptoProgress, CryptoReply, CryptoRequest, FollowKeys, OpenedItem, PoliceKeyRef, SealedForOutbox, SealedItem, UnsealedReport,
} from '../workers/cryptoMessages.ts';

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

type Pending = { resolve: (r: CryptoReply & { ok: true }) => void; reject: (e: Error) => void; onProgress?: (p: CryptoProgress['progress']) => void };
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
  worker.onmessage = (event: MessageEvent<CryptoReply | CryptoProgress>) => {
    const reply = event.data;
    const p = pending.get(reply.n);
    if (!p) return;
    if ('progress' in reply) return p.onProgress?.(reply.progress);
    pending.delete(reply.n);
    if (reply.ok) p.resolve(reply);
    else p.reject(new CryptoWorkerError(reply.error, reply.bytes));
  };
  // A worker that cannot start (script failed to load) fails every request; the next one starts afresh.
  worker.onerror = (event) => failAll(event.message || 'crypto worker failed');
  return worker;
}

type Body<R> = R extends CryptoRequest ? Omit<R, 'n'> : never;

function call(request: Body<CryptoRequest>, transfer: Transferable[] = [], watch: ProofWatch = {}): Promise<CryptoReply & { ok: true }> {
  const n = ++counter;
  return new Promise((resolve, reject) => {
    pending.set(n, { resolve, reject, ...(watch.onProgress ? { onProgress: watch.onProgress } : {}) });
    ensureWorker().postMessage({ ...request, n } as CryptoRequest, transfer);
    // The worker abandons the search and replies AbortError (it checks between hashes).
    watch.signal?.addEventListener('abort', () => worker?.postMessage({ op: 'cancel', target: n, n: ++counter } satisfies CryptoRequest), { once: true });
  });
}

/** Progress of a proof being solved again (issue 7), and a way to abandon it. */
export interface ProofWatch {
  onProgress?: (p: CryptoProgress['progress']) => void;
  signal?: AbortSignal;
}

/** Starts the worker and has it load libsodium now; nothing waits for it. */
export function warmCryptoWorker(): void {
  if (typeof Worker === 'undefined') return;
  call({ op: 'warm' }).catch(() => undefined);
}

/**
 * Seals a report and proves work on it (PROTOCOL §2–4), in the worker, with its photos
 * sealed as blobs first (§6). The photos' buffers move to the worker: they are unusable
 * here afterwards, and the worker zeroes them once sealed.
 */
export async function sealInWorker(report: UnsealedReport, police: PoliceKeyRef, powBits: number, photos: Uint8Array<ArrayBuffer>[] = []): Promise<SealedForOutbox> {
  const reply = await call({ op: 'seal', report, police, powBits, photos }, [...new Set(photos.map((p) => p.buffer))]);
  return reply.sealed!;
}

/** Solves a blob's proof of work again (after `pow_invalid` on its upload). */
export async function proveBlobInWorker(id: string, blob: Uint8Array<ArrayBuffer>, powBits: number, watch?: ProofWatch): Promise<string> {
  return (await call({ op: 'prove-blob', id, blob, powBits }, [], watch)).pow!;
}

/** Solves the proof of work again for an outbox entry (after `pow_invalid`). */
export async function proveInWorker(id: string, sealed: string, powBits: number, watch?: ProofWatch): Promise<string> {
  const reply = await call({ op: 'prove', id, sealed, powBits }, [], watch);
  return reply.pow!;
}

/**
 * What a typed receipt code stands for (PROTOCOL §4). A code that cannot be read rejects with
 * a {@link CryptoWorkerError} whose reason is `ReceiptCodeError`.
 */
export async function followInWorker(code: string): Promise<FollowKeys> {
  return (await call({ op: 'follow', code })).follow!;
}

/** Opens messages of the conversation `code` stands for; unreadable ones come back `ok: false`. */
export async function openInWorker(code: string, messages: SealedItem[], police: PoliceKeyRef[]): Promise<OpenedItem[]> {
  if (!messages.length) return [];
  return (await call({ op: 'open-messages', code, messages, police })).opened!;
}

/** Seals an answer to `police` with the reply key `code` stands for. */
export async function sealAnswerInWorker(code: string, body: string, at: string, police: PoliceKeyRef): Promise<{ kid: string; sealed: string }> {
  return (await call({ op: 'seal-message', code, body, at, police })).message!;
}

/** Checks a proof of submission against the pinned key (null: none pinned, never valid). */
export async function verifyProofInWorker(input: { id: string; receivedAt: string; signature: string; sealed: string; publicKey: string | null }): Promise<CheckedProof> {
  return (await call({ op: 'verify-receipt', ...input })).proof!;
}
