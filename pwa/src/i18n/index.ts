/**
 * The current language and its dictionary. Components read `t.value` (signals re-render
 * them on a switch) and `loc()` for a form definition's `{fr, en}` text.
 */
import { computed, signal } from '@preact/signals';
import type { LocalizedText } from '../../../schemas/form.ts';
import { en } from './en.ts';
import { fr, type Dict } from './fr.ts';

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];
export const DICTS: Readonly<Record<Lang, Dict>> = { fr, en };

export const lang = signal<Lang>('fr');
export const t = computed<Dict>(() => DICTS[lang.value]);

/** A form definition's text in the current language. */
export function loc(text: LocalizedText): string {
  return text[lang.value];
}

export type { Dict };
