/**
 * Ticking reports in the list (issue 4): `selectedIds` (caseFile/caseState.ts) is what the
 * exports, the PDF dossier and forwarding act on. Held in memory only, emptied on lock.
 */
import { selectedIds } from '../caseFile/caseState.ts';

export function isSelected(id: string): boolean {
  return selectedIds.value.has(id);
}

export function setSelected(id: string, on: boolean): void {
  const next = new Set(selectedIds.value);
  if (on) next.add(id);
  else next.delete(id);
  selectedIds.value = next;
}

/** Ticks (or unticks) every one of `ids`, leaving the others as they are. */
export function setManySelected(ids: readonly string[], on: boolean): void {
  const next = new Set(selectedIds.value);
  for (const id of ids) {
    if (on) next.add(id);
    else next.delete(id);
  }
  selectedIds.value = next;
}

export function clearSelection(): void {
  if (selectedIds.value.size) selectedIds.value = new Set();
}

/** 'all' when every one of `ids` is ticked, 'some', or 'none' (for a select-all box). */
export function selectionState(ids: readonly string[], selected: ReadonlySet<string>): 'all' | 'some' | 'none' {
  if (!selected.size) return 'none';
  let n = 0;
  for (const id of ids) if (selected.has(id)) n++;
  return n === 0 ? 'none' : n === ids.length ? 'all' : 'some';
}

/**
 * What an export acts on: the ticked reports (in list order) when there are any, else every
 * report the filters show.
 */
export function exportTargets<T extends { id: string }>(all: readonly T[], shown: readonly T[], selected: ReadonlySet<string>): { entries: T[]; source: 'selection' | 'filtered' } {
  if (selected.size) return { entries: all.filter((e) => selected.has(e.id)), source: 'selection' };
  return { entries: [...shown], source: 'filtered' };
}
