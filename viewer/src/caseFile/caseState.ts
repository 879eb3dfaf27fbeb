/**
 * The derived state of every case file, held in memory only: the contract between the case
 * file (which fills it from sealed events, `caseFile.ts`) and the lists, filters, map and
 * exports (which read it). A report with no event is `nouveau`, unassigned, untagged.
 */
import { signal } from '@preact/signals';
import type { CaseStatus } from '../../../schemas/caseFile.ts';

export interface CaseHistoryItem {
  seq: number;
  at: string;
  officerId: string;
  authorName?: string;
  /** A short sentence-free description key and its values, rendered by the UI via i18n. */
  type: 'status' | 'assign' | 'tags' | 'note' | 'forward' | 'expiry' | 'unreadable';
  detail: Record<string, unknown>;
  /** Signature and author verified (crypto `openCaseEvent`); unverifiable events are shown flagged. */
  verified: boolean;
  /** Why an event is flagged (not verified, or about another report); it then changes nothing. */
  problem?: EventProblem;
}

/**
 * - `integrity`: does not open with the key it names, or its signature/author does not verify;
 * - `unknown-key`: sealed to a police key this keyring does not hold;
 * - `invalid-content`: opens, but is not a protocol event;
 * - `report-mismatch`: signed for another report than the one it is filed under (a replay);
 * - `unknown-author`: signed by a key that is not on the roster (checked when the roster is known).
 */
export type EventProblem = 'integrity' | 'unknown-key' | 'invalid-content' | 'report-mismatch' | 'unknown-author';

export interface CaseState {
  status: CaseStatus;
  assignee: string | null;
  assigneeName?: string;
  tags: string[];
  notes: number;
  forwarded: boolean;
  /** When the Worker will purge it (docs/decisions.md retention), if known. */
  expiresAt: string | null;
  history: CaseHistoryItem[];
}

export const DEFAULT_CASE: CaseState = { status: 'nouveau', assignee: null, tags: [], notes: 0, forwarded: false, expiresAt: null, history: [] };

/** reportId → state; reports absent from the map are in {@link DEFAULT_CASE}. */
export const caseStates = signal<ReadonlyMap<string, CaseState>>(new Map());

export function caseOf(reportId: string): CaseState {
  return caseStates.value.get(reportId) ?? DEFAULT_CASE;
}

/** Report ids the officer ticked in the list: what exports, PDF and forwarding act on. */
export const selectedIds = signal<ReadonlySet<string>>(new Set());
