/**
 * "Quitter vite" (DESIGN threat model: someone takes the phone). Replaces the current
 * history entry with `about:blank`: no network request (works offline), nothing of the
 * app in the title or the page, and since every navigation inside the app replaces its
 * entry too, "back" does not lead into the app. Drafts stay saved, encrypted.
 */
export function quickExit(): void {
  location.replace('about:blank');
}
