/**
 * Entry point. The viewer needs Argon2id, so libsodium's sumo build is selected before
 * anything loads it (crypto/sodium.ts). Leaving the page locks: keys and decrypted
 * reports are dropped and the DOM emptied; a page restored from the back-forward cache
 * is reloaded rather than shown.
 */
import { render } from 'preact';
import { useSumo } from '../../crypto/index.ts';
import { App } from './app.tsx';
import { lock } from './session/start.ts';
import { warmUpCrypto } from './session/warmUp.ts';
import './styles.css';
import './admin.css';
import './analytics.css';

useSumo();

const root = document.getElementById('app')!;
render(<App />, root);
warmUpCrypto();

addEventListener('pagehide', () => {
  lock({ reload: false });
  render(null, root);
});
addEventListener('pageshow', (e) => {
  if (e.persisted) location.reload();
});
