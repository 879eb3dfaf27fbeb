/**
 * Attachment blobs in R2 (PROTOCOL §6). The object key is the blob id itself
 * (`b64(H(32, blob))`), so a report's `blobs` list names its objects directly.
 */

/** Deletes the named blobs; R2 ignores keys that do not exist. */
export async function deleteBlobs(bucket: R2Bucket, blobIds: readonly string[]): Promise<void> {
  // R2 deletes at most 1000 keys per call.
  for (let i = 0; i < blobIds.length; i += 1000) await bucket.delete(blobIds.slice(i, i + 1000));
}
