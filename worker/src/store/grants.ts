/** Key grants (PROTOCOL §5): the latest sealed grant per officer; a new one replaces it. */

export async function putGrant(db: D1Database, officerId: string, sealed: string, createdAt: string): Promise<void> {
  await db
    .prepare('INSERT INTO grants (officer_id, sealed, created_at) VALUES (?, ?, ?) ON CONFLICT (officer_id) DO UPDATE SET sealed = excluded.sealed, created_at = excluded.created_at')
    .bind(officerId, sealed, createdAt)
    .run();
}

export async function getGrant(db: D1Database, officerId: string): Promise<{ sealed: string; createdAt: string } | undefined> {
  const row = await db.prepare('SELECT sealed, created_at FROM grants WHERE officer_id = ?').bind(officerId).first<{ sealed: string; created_at: string }>();
  return row ? { sealed: row.sealed, createdAt: row.created_at } : undefined;
}
