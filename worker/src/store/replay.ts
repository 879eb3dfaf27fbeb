/**
 * The replay cache of accepted `(officerId, nonce)` pairs (PROTOCOL §5), the one piece of
 * request data the Worker keeps, and only until `ts + 300` has passed.
 */

/**
 * Records a pair atomically; false when it was accepted before. The primary key makes the
 * insert the check, so two concurrent requests with one nonce cannot both pass.
 */
export async function rememberNonce(db: D1Database, officerId: string, nonce: string, expiresAt: number): Promise<boolean> {
  const r = await db.prepare('INSERT INTO replay_cache (officer_id, nonce, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').bind(officerId, nonce, expiresAt).run();
  return r.meta.changes === 1;
}

/** Forgets pairs whose window has passed (`expires_at < now`, unix seconds). */
export async function purgeNonces(db: D1Database, nowSeconds: number): Promise<number> {
  const r = await db.prepare('DELETE FROM replay_cache WHERE expires_at < ?').bind(nowSeconds).run();
  return r.meta.changes;
}
