-- Case-file events (PROTOCOL §5) and attachment blobs (PROTOCOL §6). Append-only
-- migrations: 0001 and 0002 are never edited.
-- Privacy (non-negotiable): no column holds an IP address, a user agent or any other
-- request header; an event's time is truncated to the minute, a blob's to the hour.

-- Sealed case-file events. `seq` is the town-wide arrival order (never reused:
-- AUTOINCREMENT), the cursor of `GET /api/v1/events`. `sealed` is the canonical b64 text of
-- `crypto_box_seal(padded event)`. Rows go with their report (deletion, retention), in the
-- same batch as the report row. An identical retry is found by (report_id, sealed).
CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id TEXT NOT NULL,
  kid TEXT NOT NULL,
  sealed TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX events_report_id ON events (report_id);

-- Uploaded blobs: the bytes live in R2 under the id (no metadata); here only what the
-- town-wide hourly byte budget and the orphan rule need: the size (a padding bucket) and
-- the hour of upload. A row is written before its R2 object, so R2 never holds bytes
-- without a row.
CREATE TABLE blobs (
  id TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  uploaded_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX blobs_uploaded_at ON blobs (uploaded_at);

-- Which report names which blob (a report's `blobs`), whether the blob is uploaded yet or
-- not: a blob named here is kept with its report; one named nowhere is an orphan after 24 h.
CREATE TABLE report_blobs (
  blob_id TEXT NOT NULL,
  report_id TEXT NOT NULL,
  PRIMARY KEY (blob_id, report_id)
) WITHOUT ROWID;
CREATE INDEX report_blobs_report_id ON report_blobs (report_id);

-- Reports stored before this migration name their blobs too.
INSERT OR IGNORE INTO report_blobs (blob_id, report_id)
  SELECT j.value, r.id FROM reports AS r, json_each(r.blobs) AS j;
