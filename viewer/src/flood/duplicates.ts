/**
 * Identical and near-identical reports (issue 7 point 3, docs/surges.md): a flood is mostly
 * one text sent again and again, with digits, case, spacing or a word changed. Each decrypted
 * report gets a fingerprint text (form and answers, folded, digits dropped): equal
 * fingerprints are one exact group. Distinct fingerprints are then joined when they are
 * near-identical: MinHash over word pairs, banded (LSH), so only texts that share a band are
 * ever compared, and each with a few others: linear in the number of reports, never all
 * pairs. Pure (no signals, nothing stored): the decrypted text lives in memory only.
 */
import type { ReportPlaintext } from '../../../schemas/report.ts';
import { normalizeText } from '../reports/search.ts';

/**
 * MinHash size and banding: 16 bands of 4 rows; a pair sharing a band is compared in full.
 * 64 hashes keep the estimate's spread near 0.05, so reports that only share the form's
 * common answers (district, frequency…) are never joined by chance.
 */
export const HASHES = 64;
export const ROWS = 4;
/** Estimated Jaccard similarity of word pairs from which two texts are one group. */
export const NEAR_THRESHOLD = 0.6;
/** Texts compared per band bucket (the first ones seen): bounds the work per report. */
const PER_BUCKET = 3;

function flatten(out: string[], value: unknown): void {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number' || typeof value === 'boolean') out.push(String(value));
  else if (Array.isArray(value)) for (const x of value) flatten(out, x);
  else if (value && typeof value === 'object') for (const key of Object.keys(value).sort()) flatten(out, (value as Record<string, unknown>)[key]);
}

/**
 * Folds text for grouping: as the search folds it (case, accents, punctuation), and digits
 * dropped, so "12 rue" and "14 rue" are the same text.
 *
 * @example
 * foldForGroups('Cage  d’escalier N°12, DÉGAGÉ !') // 'cage d escalier n degage'
 */
export function foldForGroups(text: string): string {
  return normalizeText(text).replace(/\p{N}+/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** A report's fingerprint text: its form and every answer (keys in order) and contact, folded. */
export function fingerprintText(report: ReportPlaintext): string {
  const parts: string[] = [report.form];
  for (const key of Object.keys(report.answers).sort()) flatten(parts, report.answers[key]);
  if (report.contact) parts.push(report.contact);
  return foldForGroups(parts.join(' '));
}

/** FNV-1a over UTF-16 units, then murmur3's finaliser for a good spread. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix(h);
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Array.from({ length: HASHES }, (_, i) => mix(0x9e3779b9 * (i + 1)));

/** MinHash signature of a folded text over its word pairs (single words when it has one). */
export function minHash(folded: string): Uint32Array {
  const words = folded ? folded.split(' ') : [];
  const shingles = words.length < 2 ? words : words.slice(1).map((w, i) => `${words[i]} ${w}`);
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const s of new Set(shingles)) {
    const h = hashString(s);
    for (let j = 0; j < HASHES; j++) {
      const x = mix(h ^ SEEDS[j]!);
      if (x < sig[j]!) sig[j] = x;
    }
  }
  return sig;
}

/** Share of equal positions: an estimate of the two texts' Jaccard similarity. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

export interface DuplicateGroup {
  /** The first report of the group in the order given (the list's: newest first). */
  id: string;
  ids: string[];
}

export interface Grouping {
  /** Groups of two or more, largest first (ties: in order of their first report). */
  groups: DuplicateGroup[];
  /** Report id → its group's id, for reports in a group of two or more. */
  groupOf: Map<string, string>;
}

/**
 * Groups identical and near-identical texts. `items` are reports with their fingerprint text
 * ({@link fingerprintText}); an empty text (an unreadable report) stays alone.
 */
export function groupDuplicates(items: ReadonlyArray<{ id: string; text: string }>): Grouping {
  const parent = new Int32Array(items.length).map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    // The smaller index stays root: a group is named by its first report.
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  // Exact: one representative per distinct text.
  const firstOf = new Map<string, number>();
  const reps: number[] = [];
  items.forEach((item, i) => {
    if (!item.text) return;
    const first = firstOf.get(item.text);
    if (first === undefined) {
      firstOf.set(item.text, i);
      reps.push(i);
    } else union(first, i);
  });

  // Near: representatives sharing a band are compared on the whole signature.
  const sigs = new Map<number, Uint32Array>();
  const buckets = new Map<string, number[]>();
  for (const r of reps) {
    const sig = minHash(items[r]!.text);
    sigs.set(r, sig);
    for (let b = 0; b < HASHES / ROWS; b++) {
      let key = `${b}`;
      for (let k = 0; k < ROWS; k++) key += `:${sig[b * ROWS + k]}`;
      const bucket = buckets.get(key);
      if (!bucket) {
        buckets.set(key, [r]);
        continue;
      }
      for (const o of bucket) if (find(o) !== find(r) && similarity(sig, sigs.get(o)!) >= NEAR_THRESHOLD) union(o, r);
      if (bucket.length < PER_BUCKET) bucket.push(r);
    }
  }

  const members = new Map<number, string[]>();
  items.forEach((item, i) => {
    if (!item.text) return;
    const root = find(i);
    const list = members.get(root);
    if (list) list.push(item.id);
    else members.set(root, [item.id]);
  });
  const groups: DuplicateGroup[] = [];
  const groupOf = new Map<string, string>();
  for (const [root, ids] of members) {
    if (ids.length < 2) continue;
    const id = items[root]!.id;
    groups.push({ id, ids });
    for (const x of ids) groupOf.set(x, id);
  }
  // Map order is first-seen order: a stable sort keeps it among equal sizes.
  groups.sort((a, b) => b.ids.length - a.ids.length);
  return { groups, groupOf };
}
