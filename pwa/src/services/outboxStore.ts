/** The outbox's storage in Dexie (see services/outbox.ts for the rules it serves). */
import { openDraft } from '../../../crypto/draftBox.ts';
import { db, rowsOf, type OutboxRow, type StopDealDb } from './db.ts';
import { boxId, existingDeviceKey } from './deviceKey.ts';
import type { OutboxStore } from './outbox.ts';

/** Sealing order; rows of version 1 (order 0) by their day. */
export function deliveryOrder(a: OutboxRow, b: OutboxRow): number {
  return (a.order ?? 0) - (b.order ?? 0) || a.day.localeCompare(b.day) || a.id.localeCompare(b.id);
}

export function dexieOutboxStore(open: () => Promise<StopDealDb> = db): OutboxStore {
  return {
    async waiting() {
      const database = await open();
      const rows = await database.outbox.toArray();
      return rows.filter((r) => r.state === 'waiting').sort(deliveryOrder);
    },
    async update(id, changes) {
      const database = await open();
      await database.outbox.update(id, changes);
    },
    async markSent(id, receivedAt, receipt) {
      const database = await open();
      await database.transaction('rw', database.outbox, database.sent, database.outboxBlobs, async () => {
        const row = await database.outbox.get(id);
        if (!row) return;
        await database.outbox.delete(id);
        // Its sealed photos go with it: the Worker holds them, named by the report.
        await database.outboxBlobs.where(':id').between(...rowsOf(id)).delete();
        // With a receipt, the sealed bytes stay until the page has checked it and kept
        // only their digest (services/proofs.ts); without one there is nothing to prove.
        const pendingSealed = receipt ? (JSON.parse(row.body) as { sealed: string }).sealed : undefined;
        await database.sent.put({ id, day: row.day, receivedAt, ...(receipt ? { receipt, pendingSealed } : {}) });
      });
    },
    async markDelivered(id) {
      const database = await open();
      await database.outbox.delete(id);
    },
    async blobBytes(entryId, blobId) {
      const database = await open();
      return (await database.outboxBlobs.get(`${entryId}:${blobId}`))?.bytes;
    },
    async authorization(row) {
      if (!row.auth) return null;
      const key = await existingDeviceKey();
      if (!key) return null;
      try {
        const value = await openDraft(key, boxId.outboxAuth(row.id), row.auth);
        return typeof value === 'string' ? value : null;
      } catch {
        return null;
      }
    },
  };
}
