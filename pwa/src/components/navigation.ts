/**
 * Moving between screens. Every move replaces the history entry instead of adding one,
 * so the app holds a single entry and "Quitter vite" leaves nothing to go back to.
 * After a move, the new screen's heading takes the focus (screen readers hear where they are).
 */
import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';

let moved = false;

export function useGo(): (url: string) => void {
  const { route } = useLocation();
  return (url: string) => {
    moved = true;
    route(url, true);
    scrollTo(0, 0);
  };
}

/** A ref for a screen's `<h1 tabIndex={-1}>`, focused when the screen was reached by a move. */
export function useFocusHeading<T extends HTMLElement>(deps: unknown[] = []) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (moved) ref.current?.focus();
  }, deps);
  return ref;
}

/** For moves inside a screen (form steps): focus this heading now. */
export function markMoved(): void {
  moved = true;
}
