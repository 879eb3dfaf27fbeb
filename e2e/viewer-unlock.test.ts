/**
 * The officer viewer, locked (issue 2): its own origin served with the strict headers, and
 * every way of loading and unlocking a keyring, with a plain French message for each thing
 * that can be wrong. Real Chromium against the real viewer Worker and API.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKeyring, generateOfficerKey, generatePoliceKey, KDF_INTERACTIVE, useSumo } from '../crypto/index.ts';
import { loadDeployment, viewerHeaders } from '../scripts/deployment.ts';
import { launchBrowser, visit } from './browser.ts';
import { testEnv } from './env.ts';

useSumo();
const env = testEnv();
let browser: Browser;
let context: BrowserContext;
let page: Page;

const keyringText = () => readFileSync(env.keyringFile, 'utf8');
const asFile = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

async function openViewer(): Promise<void> {
  await visit(page, env.viewerUrl + '/');
  await page.getByRole('heading', { level: 1, name: 'Déverrouiller' }).waitFor();
}

async function pick(name: string, text: string): Promise<void> {
  await page.setInputFiles('#keyring-file', asFile(name, text));
}

async function submit(passphrase: string): Promise<void> {
  await page.fill('#passphrase', passphrase);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
}

const problemText = () => page.locator('#unlock-problem').innerText();

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

describe('viewer origin', () => {
  it('serves every path with the deployment’s strict headers', async () => {
    const expected = viewerHeaders(await loadDeployment(env.deploymentFile));
    const html = await fetch(env.viewerUrl + '/');
    const js = (/src="(\/assets\/[^"]+\.js)"/.exec(await html.clone().text()) ?? [])[1];
    expect(js).toBeTruthy();
    for (const path of ['/', '/reports/abc', js!]) {
      const res = await fetch(env.viewerUrl + path);
      expect(res.status).toBe(200);
      for (const [name, value] of Object.entries(expected)) expect([path, name, res.headers.get(name)]).toEqual([path, name, value]);
    }
    expect(expected['Content-Security-Policy']).toContain("default-src 'none'");
    expect(expected['Content-Security-Policy']).toContain("require-trusted-types-for 'script'");
    expect(expected['Cross-Origin-Embedder-Policy']).toBe('require-corp');
  });

  it('is cross-origin isolated in the browser, so COOP and COEP are really applied', async () => {
    await openViewer();
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  });

  it('enforces Trusted Types: HTML and script sinks throw, so no injected markup or script runs', async () => {
    await openViewer();
    const tried = await page.evaluate(() => {
      const attempt = (f: () => void) => {
        try {
          f();
          return 'allowed';
        } catch (e) {
          return (e as Error).name;
        }
      };
      return [
        attempt(() => document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__pwned=1">')),
        attempt(() => {
          const s = document.createElement('script');
          s.textContent = 'window.__pwned = 2';
          document.body.append(s);
        }),
      ];
    });
    expect(tried).toEqual(['TypeError', 'TypeError']);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('has no accessibility violation on the unlock screen', async () => {
    await openViewer();
    await pick('trousseau.json', keyringText());
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

describe('languages', () => {
  it('speaks French first, and English on request', async () => {
    await openViewer();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Unlock' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await pick('notes.txt', 'not json');
    expect(await problemText()).toBe('This file is not a Stop Deal keyring: it is not a JSON file.');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Déverrouiller' }).waitFor();
  });
});

describe('keyring problems, said in French', () => {
  it('says a file is not a keyring', async () => {
    await openViewer();
    await pick('notes.txt', 'Liste de courses');
    expect(await problemText()).toContain('Ce fichier n’est pas un trousseau Stop Deal');
    await pick('autre.json', '{"hello":"world"}');
    expect(await problemText()).toBe('Ce fichier n’est pas un trousseau Stop Deal.');
    expect(await page.locator('#chosen-keyring').innerText()).toBe('Aucun trousseau choisi.');
  });

  it('names the invalid field', async () => {
    await openViewer();
    const bad = JSON.parse(keyringText());
    bad.kdf.opslimit = 99;
    await pick('trousseau.json', JSON.stringify(bad));
    expect(await problemText()).toBe('Ce trousseau est invalide : le champ « kdf.opslimit » est absent ou incorrect.');
  });

  it('says the passphrase is wrong, and lets the officer retype it at once', async () => {
    await openViewer();
    await pick('trousseau.json', keyringText());
    await submit('pas-la-bonne');
    await page.locator('#unlock-problem').waitFor();
    expect(await problemText()).toContain('Phrase de passe incorrecte');
    const field = page.locator('#passphrase');
    expect(await field.inputValue()).toBe('');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('passphrase');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Déverrouiller');
  });

  it('asks for a keyring and a passphrase before trying', async () => {
    await openViewer();
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    expect(await problemText()).toBe('Choisissez d’abord un fichier de trousseau.');
    await pick('trousseau.json', keyringText());
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    expect(await problemText()).toBe('Saisissez la phrase de passe.');
  });

  it('refuses a keyring without an officer key: it cannot sign requests', async () => {
    const file = await createKeyring({ v: 1, police: [await generatePoliceKey()] }, 'unite-enquete', KDF_INTERACTIVE);
    await openViewer();
    await pick('unite.json', JSON.stringify(file));
    await submit('unite-enquete');
    await page.locator('#unlock-problem').waitFor();
    expect(await problemText()).toContain('ne contient pas de clé d’agent : il ne peut pas signer les demandes au serveur');
  });

  it('refuses a keyring without police keys: it cannot open reports', async () => {
    const file = await createKeyring({ v: 1, police: [], officer: await generateOfficerKey() }, 'sans-cle', KDF_INTERACTIVE);
    await openViewer();
    await pick('vide.json', JSON.stringify(file));
    await submit('sans-cle');
    await page.locator('#unlock-problem').waitFor();
    expect(await problemText()).toBe('Ce trousseau ne contient aucune clé de la police : il ne peut ouvrir aucun signalement.');
  });
});

describe('unlocking', () => {
  it('unlocks a dropped keyring file, showing progress meanwhile', async () => {
    await openViewer();
    const dt = await page.evaluateHandle((text) => {
      const t = new DataTransfer();
      t.items.add(new File([text], 'depose.json', { type: 'application/json' }));
      return t;
    }, keyringText());
    await page.dispatchEvent('.dropzone', 'drop', { dataTransfer: dt });
    // The file is read asynchronously after the drop or the unlock screen's start: wait for it.
    await expect.poll(() => page.locator('#chosen-keyring').innerText()).toBe('Trousseau choisi : « depose.json ».');
    // Record what the progress region says while Argon2id runs.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const region = document.getElementById('unlock-progress')!;
      new MutationObserver(() => seen.push(region.textContent ?? '')).observe(region, { childList: true, subtree: true, characterData: true });
    });
    await submit(env.passphrase);
    await page.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.some((t) => t.includes('Déverrouillage…'))).toBe(true);
  });

  it('keeps the wrapped keyring for next time, unlocks it without a file, and forgets it on request', async () => {
    await openViewer();
    await pick('mon-trousseau.json', keyringText());
    await submit(env.passphrase);
    await page.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await page.getByRole('heading', { level: 1, name: 'Déverrouiller' }).waitFor();
    await expect.poll(() => page.locator('.stored-keyring').count()).toBe(1);
    expect(await page.locator('.stored-keyring').innerText()).toContain('« mon-trousseau.json »');
    // The file is read asynchronously after the drop or the unlock screen's start: wait for it.
    await expect.poll(() => page.locator('#chosen-keyring').innerText()).toBe('Trousseau choisi : « mon-trousseau.json ».');
    await submit(env.passphrase);
    await page.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await page.getByRole('heading', { level: 1, name: 'Déverrouiller' }).waitFor();
    await page.getByRole('button', { name: 'Oublier ce trousseau' }).click();
    await page.getByText('Le trousseau enregistré a été oublié par ce poste.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Déverrouiller' }).waitFor();
    expect(await page.locator('.stored-keyring').count()).toBe(0);
    await expect.poll(() => page.locator('#chosen-keyring').innerText()).toBe('Aucun trousseau choisi.');
  });

  it('locks when the page goes away: the decrypted page is emptied at once', async () => {
    await openViewer();
    await pick('trousseau.json', keyringText());
    await submit(env.passphrase);
    await page.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
    expect(await page.locator('#app').innerText()).toContain('Verrouiller');
    await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
    expect(await page.evaluate(() => document.getElementById('app')!.childElementCount)).toBe(0);
  });

  it('does not keep a keyring whose "keep" box was unticked', async () => {
    await openViewer();
    await pick('passager.json', keyringText());
    await page.getByLabel('Garder ce trousseau sur ce poste', { exact: false }).uncheck();
    await submit(env.passphrase);
    await page.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await page.getByRole('heading', { level: 1, name: 'Déverrouiller' }).waitFor();
    expect(await page.locator('.stored-keyring').count()).toBe(0);
  });
});
