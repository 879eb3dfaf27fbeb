/**
 * The officer's language choice: the one thing the viewer keeps in localStorage. It says
 * nothing about any report.
 */
import { signal } from '@preact/signals';
import { LANGS, type Lang } from '../i18n/lang.ts';

const KEY = 'stopdeal-viewer-lang';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(KEY);
    return LANGS.includes(saved as Lang) ? (saved as Lang) : 'fr';
  } catch {
    return 'fr';
  }
}

export const lang = signal<Lang>(initialLang());

export function setLang(next: Lang): void {
  lang.value = next;
  try {
    localStorage.setItem(KEY, next);
  } catch {
    // Storage disabled: the choice lasts until the next reload.
  }
}
