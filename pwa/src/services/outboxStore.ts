/** The outbox's storage in Dexie (see services/outbox.ts for the rules it serves). */
import { db, type StopDealDb } from './db.ts';
import type { OutboxStore } from './outbox.ts';

export function dexieOutboxStore(open: () => Promise<StopDealDb> = db): OutboxStore {
  return {
    async waiting() {
      const database = await open();
      const rows = await database.outbox.toArray();
      return rows.filter((r) => r.state === 'waiting').sort((a, b) => a.day.localeCompare(b.day));
    },
    async update(id, changes) {
      const database = await open();
      await database.outbox.update(id, changes);
    },
    async markSent(id, receivedAt) {
      const database = await open();
      await database.transaction('rw', database.outbox, database.sent, async () => {
        const row = await database.outbox.get(id);
        if (!row) return;
        await database.outbox.delete(id);
        await database.sent.put({ id, day: row.day, receivedAt });
      });
    },
  };
}
