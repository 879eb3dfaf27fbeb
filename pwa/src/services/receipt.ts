/**
 * The receipt code (PROTOCOL §4) lives in memory only, for the one screen that shows it;
 * leaving that screen forgets it. Nothing here writes it anywhere.
 */
import { signal } from '@preact/signals';

export interface ShownReceipt {
  reportId: string;
  code: string;
}

export const shownReceipt = signal<ShownReceipt | null>(null);

export function showReceipt(r: ShownReceipt): void {
  shownReceipt.value = r;
}

export function forgetReceipt(): void {
  shownReceipt.value = null;
}

/** `ABCD-EFGH-…-XY` → its groups, for large grouped display. */
export function receiptGroups(code: string): string[] {
  return code.split('-');
}

/** Copies text to the clipboard; false if the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
