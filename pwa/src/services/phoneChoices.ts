/**
 * The resident's phone-privacy choices (issue Q): "Quitter vite" also erases, and the
 * discreet name. Kept in localStorage because both are needed synchronously: the quick
 * exit must decide and replace the page in the same tap, and the discreet title must be set
 * before the first render. They say how the resident wants the app to behave on this phone,
 * never what they did with it (no report, draft, code or date), so a wipe keeps them: an
 * erase must not put "Stop Deal" back in the task switcher, nor switch the erasing exit off.
 */
export type PhoneChoice = 'quickExitErases' | 'discreetName';

const KEYS: Record<PhoneChoice, string> = {
  quickExitErases: 'stopdeal.quickExitErases',
  discreetName: 'stopdeal.discreetName',
};

/** The part of Web Storage used here (a fake in unit tests). */
export type ChoiceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'clear'>;

const local = (): ChoiceStorage | undefined => {
  try {
    return localStorage;
  } catch {
    return undefined; // storage disabled: every choice is off, nothing remembered
  }
};

/** Whether the resident turned this choice on (off by default). */
export function readChoice(choice: PhoneChoice, storage = local()): boolean {
  try {
    return storage?.getItem(KEYS[choice]) === '1';
  } catch {
    return false;
  }
}

/** Remembers a choice; off removes the item, so an untouched phone holds nothing. */
export function setChoice(choice: PhoneChoice, on: boolean, storage = local()): void {
  try {
    if (on) storage?.setItem(KEYS[choice], '1');
    else storage?.removeItem(KEYS[choice]);
  } catch {
    // Not remembered; applied for this visit only.
  }
}

/** Clears the whole storage (a wipe) except the choices that are on. */
export function clearKeepingChoices(storage = local()): void {
  if (!storage) return;
  const on = (Object.keys(KEYS) as PhoneChoice[]).filter((c) => readChoice(c, storage));
  try {
    storage.clear();
  } catch {
    return;
  }
  for (const c of on) setChoice(c, true, storage);
}
