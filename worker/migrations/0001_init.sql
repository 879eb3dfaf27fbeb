-- Stop Deal API, first schema (PROTOCOL §3, §5). Migrations are append-only: never edit
-- a file once it has been applied anywhere; add 0002_… instead.
-- Privacy (non-negotiable): no column ever holds an IP address, a user agent or any
-- other request header. Times of reports are truncated to the hour.

-- Sealed reports. `seq` orders lists and is never reused (AUTOINCREMENT), so a cursor
-- (`after`) stays valid across deletions. `sealed` is the canonical b64 text of the sealed
-- box; `blobs` a JSON array of blob ids; `mailbox` = b64 H(32, mailboxSecret) or NULL.
CREATE TABLE reports (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  kid TEXT NOT NULL,
  sealed TEXT NOT NULL,
  mailbox TEXT,
  blobs TEXT NOT NULL DEFAULT '[]',
  received_at TEXT NOT NULL,
  expires_at TEXT
);
-- The town-wide hourly rate limit counts the current hour's reports through this index.
CREATE INDEX reports_received_at ON reports (received_at);
CREATE INDEX reports_expires_at ON reports (expires_at) WHERE expires_at IS NOT NULL;

-- The officer roster. Revocation sets `revoked_at`; the row stays for history.
CREATE TABLE officers (
  officer_id TEXT PRIMARY KEY,
  public_key TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('officer', 'admin')),
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

-- Accepted (officerId, nonce) pairs, kept until `expires_at` = ts + 300 (unix seconds):
-- the only request data the Worker keeps (PROTOCOL §5).
CREATE TABLE replay_cache (
  officer_id TEXT NOT NULL,
  nonce TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (officer_id, nonce)
) WITHOUT ROWID;
CREATE INDEX replay_cache_expires_at ON replay_cache (expires_at);

-- Key grants (PROTOCOL §5): the latest sealed grant per officer; a new grant replaces it.
CREATE TABLE grants (
  officer_id TEXT PRIMARY KEY,
  sealed TEXT NOT NULL,
  created_at TEXT NOT NULL
);
