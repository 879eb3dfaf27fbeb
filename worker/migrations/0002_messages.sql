-- Follow-up messages (PROTOCOL §4). Append-only migrations: 0001 is never edited.
-- Privacy (non-negotiable): no column holds an IP address, a user agent or any other
-- request header; a message's time is truncated to the minute.

-- `arrival` is the town-wide arrival order (never reused: AUTOINCREMENT), the cursor of the
-- officers' inbox (`GET /api/v1/messages`). `seq` counts per report from 1, assigned in the
-- insert itself (MAX + 1 in one statement) and guarded by the unique index. `sender` is
-- the protocol's `from` ('police' or 'reporter'), `sealed` the canonical b64 text of
-- `nonce ‖ crypto_box_easy(…)`. Rows go with their report (deletion, retention), in the
-- same batch as the report row.
CREATE TABLE messages (
  arrival INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  sender TEXT NOT NULL CHECK (sender IN ('police', 'reporter')),
  kid TEXT NOT NULL,
  sealed TEXT NOT NULL,
  at TEXT NOT NULL,
  UNIQUE (report_id, seq)
);
-- The per-mailbox rate limit counts one report's recent reporter messages.
CREATE INDEX messages_report_sender_at ON messages (report_id, sender, at);
