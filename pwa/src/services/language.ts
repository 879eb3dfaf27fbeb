/** The chosen language, remembered on this device (not sensitive; cleared by a wipe). */
import { lang, LANGS, type Lang } from '../i18n/index.ts';

const KEY = 'stopdeal.lang';

function apply(l: Lang): void {
  lang.value = l;
  document.documentElement.lang = l;
}

/** French unless the resident chose English before. */
export function restoreLanguage(): void {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(KEY);
  } catch {
    // Storage disabled: French.
  }
  apply(LANGS.includes(saved as Lang) ? (saved as Lang) : 'fr');
}

export function setLanguage(l: Lang): void {
  apply(l);
  try {
    localStorage.setItem(KEY, l);
  } catch {
    // Not remembered; still applied for this visit.
  }
}
