/**
 * Attachment blobs (PROTOCOL §6). The bytes live in R2 under the blob id itself
 * (`b64(H(32, blob))`), with no metadata at all, so a report's `blobs` list names its
 * objects directly. D1 keeps one row per blob: its size (a padding bucket) and its upload
 * hour, for the orphan rule; `report_blobs` says which report names which blob.
 */

/**
 * Records an upload during `hour` (an `isoHour`) before its bytes go to R2, so R2 never holds
 * bytes without a row. A blob already recorded that no report names yet gets `hour` again:
 * re-uploading it restarts its 24 hours (docs/api.md); a named blob keeps its row as it is.
 */
export async function recordBlob(db: D1Database, id: string, size: number, hour: string): Promise<void> {
  await db
    .prepare(
      `INSERT INTO blobs (id, size, uploaded_at) VALUES (?1, ?2, ?3)
       ON CONFLICT (id) DO UPDATE SET uploaded_at = excluded.uploaded_at
       WHERE NOT EXISTS (SELECT 1 FROM report_blobs WHERE blob_id = ?1)`,
    )
    .bind(id, size, hour)
    .run();
}

/**
 * The orphan rule (PROTOCOL §6): forgets the blobs uploaded before the hour `before` that no
 * report names; returns their ids, for the caller to delete from R2.
 */
export async function sweepOrphanBlobs(db: D1Database, before: string): Promise<string[]> {
  const r = await db
    .prepare('DELETE FROM blobs WHERE uploaded_at < ? AND NOT EXISTS (SELECT 1 FROM report_blobs WHERE blob_id = blobs.id) RETURNING id')
    .bind(before)
    .all<{ id: string }>();
  return r.results.map((b) => b.id);
}

/** Deletes the named blobs from R2; R2 ignores keys that do not exist. */
export async function deleteBlobs(bucket: R2Bucket, blobIds: readonly string[]): Promise<void> {
  // R2 deletes at most 1000 keys per call.
  for (let i = 0; i < blobIds.length; i += 1000) await bucket.delete(blobIds.slice(i, i + 1000));
}
