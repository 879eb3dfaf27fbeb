/**
 * A report worker: opens sealed reports off the page's thread (issue 4, thousands of reports
 * at unlock), with the very code the page would use (reports/openItem.ts), so every flag
 * (unreadable, unknown key, id mismatch, invalid…) is exactly the same. Several run side by
 * side (reports/openPool.ts). It holds the police keys from `keys` to `wipe` (lock), in its
 * own memory only; the page terminates it right after `wipe`.
 */
import { forgetSecretKeys } from '../../../crypto/keyring.ts';
import { sodium, useSumo } from '../../../crypto/sodium.ts';
import { openBlobChecked } from './blobOpen.ts';
import { FORMS } from '../../../schemas/forms/index.ts';
import type { PoliceKeyPairEntry } from '../../../schemas/keyring.ts';
import type { DistrictName } from './answers.ts';
import { openItem } from './openItem.ts';
import { searchableText } from './search.ts';
import type { BlobReply, OpenedReport, OpenReply, OpenRequest } from './openMessages.ts';

/** The worker's side of `postMessage`, typed without the WebWorker library (tsconfig.dom.json). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<OpenRequest>) => void) | null;
  postMessage(message: OpenReply | BlobReply | { op: 'ready' }, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

// The same libsodium as on the page (sumo: vite.config.ts points the standard name at it).
useSumo();

let keys: PoliceKeyPairEntry[] | null = null;
let districts: DistrictName[] = [];
let districtIds: string[] = [];

async function open(items: OpenRequest & { op: 'open' }): Promise<OpenedReport[]> {
  if (!keys) throw new Error('locked');
  const ctx = { forms: FORMS, districts };
  const out: OpenedReport[] = [];
  for (const item of items.items) {
    const entry = await openItem(item, keys, FORMS, districtIds);
    out.push({ entry, text: searchableText(entry.id, entry.report, ctx) });
  }
  return out;
}

scope.onmessage = (event) => {
  const request = event.data;
  switch (request.op) {
    case 'warm':
      void sodium().then(
        () => scope.postMessage({ op: 'ready' }),
        () => undefined,
      );
      return;
    case 'keys':
      keys = request.keys;
      districts = request.districts;
      districtIds = districts.map((d) => d.id);
      return;
    case 'wipe':
      // Strings cannot be overwritten; dropping them and the page's terminate() that follows
      // free them, and openReport zeroes its own byte copy of each key after every use.
      if (keys) forgetSecretKeys(keys);
      keys = null;
      return;
    case 'blob':
      // Needs no police key: the attachment's own key came with the opened report.
      openBlobChecked(request.id, request.blob, request.key).then((r) =>
        r.ok ? scope.postMessage({ op: 'blob', n: request.n, ok: true, plain: r.plain }, [r.plain.buffer]) : scope.postMessage({ op: 'blob', n: request.n, ok: false, error: r.error }),
      );
      return;
    case 'open':
      open(request).then(
        (opened) => scope.postMessage({ n: request.n, ok: true, opened }),
        (e: unknown) => scope.postMessage({ n: request.n, ok: false, error: e instanceof Error ? e.message : 'failed' }),
      );
      return;
  }
};
