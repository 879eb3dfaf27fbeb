/** The officer roster in D1 (PROTOCOL §5). Revocation keeps the row for history. */
import type { OfficerItemInput, Role } from '../../../schemas/api.ts';

interface OfficerRow {
  officer_id: string;
  public_key: string;
  role: Role;
  created_at: string;
  revoked_at: string | null;
}

function toItem(r: OfficerRow): OfficerItemInput {
  return { officerId: r.officer_id, publicKey: r.public_key, role: r.role, createdAt: r.created_at, revokedAt: r.revoked_at };
}

export async function getOfficer(db: D1Database, officerId: string): Promise<OfficerItemInput | undefined> {
  const row = await db.prepare('SELECT * FROM officers WHERE officer_id = ?').bind(officerId).first<OfficerRow>();
  return row ? toItem(row) : undefined;
}

export async function listOfficers(db: D1Database): Promise<OfficerItemInput[]> {
  const rows = await db.prepare('SELECT * FROM officers ORDER BY created_at, officer_id').all<OfficerRow>();
  return rows.results.map(toItem);
}

/**
 * Adds an officer unless the id exists; returns the row as it stands afterwards, and
 * whether this call created it (an existing row always wins: a revoked officer stays revoked).
 */
export async function addOfficer(db: D1Database, o: { officerId: string; publicKey: string; role: Role; createdAt: string; revokedAt?: string }): Promise<{ officer: OfficerItemInput; created: boolean }> {
  const r = await db
    .prepare('INSERT INTO officers (officer_id, public_key, role, created_at, revoked_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
    .bind(o.officerId, o.publicKey, o.role, o.createdAt, o.revokedAt ?? null)
    .run();
  const officer = await getOfficer(db, o.officerId);
  if (!officer) throw new Error('officer row vanished');
  return { officer, created: r.meta.changes > 0 };
}

/** Revokes an officer at `at` (a second revocation keeps the first date); false if unknown. */
export async function revokeOfficer(db: D1Database, officerId: string, at: string): Promise<boolean> {
  const r = await db.prepare('UPDATE officers SET revoked_at = COALESCE(revoked_at, ?) WHERE officer_id = ?').bind(at, officerId).run();
  return r.meta.changes > 0;
}
