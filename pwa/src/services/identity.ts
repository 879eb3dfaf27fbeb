/**
 * Shows the app under its own face or the discreet one (issue Q, pwa/src/identity.ts):
 * the tab and task-switcher title, the theme colour, the icons and, above all, the
 * `<link rel="manifest">` that a phone reads when the app is installed. Changing it changes
 * the name of a later install only: an installed app keeps the name it was installed with.
 */
import { DISCREET_IDENTITY, STANDARD_IDENTITY, type AppIdentity } from '../identity.ts';
import { readChoice, setChoice } from './phoneChoices.ts';

function link(rel: string): HTMLLinkElement {
  let el = document.head.querySelector<HTMLLinkElement>(`link[rel="${rel}"]`);
  if (!el) {
    el = document.createElement('link');
    el.rel = rel;
    document.head.append(el);
  }
  return el;
}

function meta(name: string): HTMLMetaElement {
  let el = document.head.querySelector<HTMLMetaElement>(`meta[name="${name}"]`);
  if (!el) {
    el = document.createElement('meta');
    el.name = name;
    document.head.append(el);
  }
  return el;
}

export function identityFor(discreet: boolean): AppIdentity {
  return discreet ? DISCREET_IDENTITY : STANDARD_IDENTITY;
}

/** Applies a face to the document (only attributes that differ are written). */
export function applyIdentity(discreet: boolean): void {
  const face = identityFor(discreet);
  if (document.title !== face.title) document.title = face.title;
  const set = (el: HTMLLinkElement | HTMLMetaElement, attr: 'href' | 'content', value: string) => {
    if (el.getAttribute(attr) !== value) el.setAttribute(attr, value);
  };
  set(link('manifest'), 'href', face.manifest);
  set(link('icon'), 'href', face.icon);
  set(link('apple-touch-icon'), 'href', face.icon);
  set(meta('theme-color'), 'content', face.themeColor);
  set(meta('description'), 'content', face.description);
}

/** At start: the discreet face if chosen; otherwise index.html's own stays untouched (same first paint). */
export function restoreIdentity(): void {
  if (readChoice('discreetName')) applyIdentity(true);
}

/** Settings: remembers the choice and shows the matching face at once. */
export function chooseDiscreetName(on: boolean): void {
  setChoice('discreetName', on);
  applyIdentity(on);
}
