/**
 * The current dictionary. Reading it inside a component subscribes the component to the
 * language signal, so switching language re-renders.
 */
import { lang } from '../shared/preferences.ts';
import { en } from './en.ts';
import { fr, type Messages } from './fr.ts';
import type { Lang } from './lang.ts';

const DICTIONARIES: Record<Lang, Messages> = { fr, en };

export function useMessages(): Messages {
  return DICTIONARIES[lang.value];
}

export function currentLang(): Lang {
  return lang.value;
}

export type { Messages };
