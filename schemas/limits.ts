/**
 * Sizes fixed by the protocol. These values are part of the wire format: changing one
 * breaks every client already installed (PROTOCOL §2, §3, §4).
 */

/** Padding buckets for reports and messages (sodium_pad block sizes). */
export const PAD_BUCKETS = [1024, 4096, 16384, 65536] as const;
/** `crypto_box_seal` adds an ephemeral public key and a MAC. */
export const SEAL_OVERHEAD = 48;
/** A message is `nonce(24) ‖ crypto_box_easy` (MAC 16). */
export const MESSAGE_OVERHEAD = 40;
/** The only lengths a sealed report may have: 1072, 4144, 16432, 65584. */
export const SEALED_REPORT_SIZES = PAD_BUCKETS.map((b) => b + SEAL_OVERHEAD);
/** The only lengths a sealed message may have: 1064, 4136, 16424, 65576. */
export const SEALED_MESSAGE_SIZES = PAD_BUCKETS.map((b) => b + MESSAGE_OVERHEAD);
export const MAX_SEALED_BYTES = 65536 + SEAL_OVERHEAD;
/** Largest JSON body the Worker reads for a report (PROTOCOL §3). */
export const MAX_REPORT_BODY = 131072;
/** Largest JSON body of any other POST or PUT with a JSON body (docs/decisions.md). */
export const MAX_JSON_BODY = 131072;
/** `POST /api/v1/events` (docs/api.md "Bulk case events"): events per request and body cap. */
export const MAX_EVENTS_PER_POST = 500;
export const MAX_EVENTS_BODY = 1048576;
/** `PUT /api/v1/expiries` (docs/api.md "Bulk expiries"): items per request; body cap as bulk events. */
export const MAX_EXPIRIES_PER_PUT = 500;
export const MAX_EXPIRIES_BODY = MAX_EVENTS_BODY;
/** Attachments a report may name (docs/decisions.md). */
export const MAX_BLOBS_PER_REPORT = 8;
/** Lists: default and largest page (PROTOCOL §5). */
export const LIST_DEFAULT_LIMIT = 100;
export const LIST_MAX_LIMIT = 500;
/** Officer signatures: allowed clock skew and nonce memory, in seconds (PROTOCOL §5). */
export const SIGNATURE_WINDOW_SECONDS = 300;

/** Attachment padding buckets (PROTOCOL §6, docs/decisions.md): 64 KiB × 4^k up to 16 MiB. */
export const BLOB_PAD_BUCKETS = [65536, 262144, 1048576, 4194304, 16777216] as const;
/** secretstream: 24-byte header, 17 bytes per 65536-byte chunk. */
export const BLOB_CHUNK = 65536;
/** The only sizes a stored blob may have: one per bucket. */
export const BLOB_SIZES = BLOB_PAD_BUCKETS.map((b) => 24 + b + 17 * (b / BLOB_CHUNK));
