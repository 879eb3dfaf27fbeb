/**
 * What the page and the report workers (reports/openReports.ts) say to each other. The
 * police keys cross once, after unlock, and are dropped by `wipe` on lock; reports cross as
 * the Worker listed them (still sealed) and come back opened, with their folded search text.
 */
import type { ReportItem } from '../../../schemas/api.ts';
import type { PoliceKeyPairEntry } from '../../../schemas/keyring.ts';
import type { DistrictName } from './answers.ts';
import type { ReportEntry } from './reportEntry.ts';

export type OpenRequest =
  /** Load libsodium now (while the officer types the passphrase). */
  | { op: 'warm' }
  | { op: 'keys'; keys: PoliceKeyPairEntry[]; districts: DistrictName[] }
  | { op: 'open'; n: number; items: ReportItem[] }
  /** One attachment (PROTOCOL §6): the bytes as downloaded, checked against `id`, then opened with `key`. */
  | { op: 'blob'; n: number; id: string; blob: Uint8Array; key: string }
  | { op: 'wipe' };

export interface OpenedReport {
  entry: ReportEntry;
  /** reports/search.ts `searchableText`, built where the report was opened. */
  text: string;
}

export type OpenReply = { n: number; ok: true; opened: OpenedReport[] } | { n: number; ok: false; error: string };

/** Why an attachment did not open: bytes other than the listed id, or bytes that do not authenticate. */
export type BlobFailure = 'id_mismatch' | 'integrity' | 'failed';

/** The answer to `blob`: the decrypted, unpadded bytes (transferred, not copied). */
export type BlobReply = { op: 'blob'; n: number; ok: true; plain: Uint8Array } | { op: 'blob'; n: number; ok: false; error: BlobFailure };
