/**
 * The receipt code (PROTOCOL §4) lives in memory only, for the one screen that shows it;
 * leaving that screen forgets it. Only if the resident ticks "Garder ce code sur ce
 * téléphone" is it written, boxed (services/keptCodes.ts).
 */
import { signal } from '@preact/signals';
import { forgetCode, keepCode } from './keptCodes.ts';

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

/** "Garder ce code sur ce téléphone" on the receipt screen; false if it could not be stored. */
export async function keepShownCode(keep: boolean): Promise<boolean> {
  const r = shownReceipt.peek();
  if (!r) return false;
  try {
    if (keep) await keepCode(r.reportId, r.code);
    else await forgetCode(r.reportId);
    return true;
  } catch {
    return false;
  }
}
