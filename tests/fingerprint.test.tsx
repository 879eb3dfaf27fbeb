/**
 * D13 holds everywhere: for one key, the reporter app's review screen, the viewer and the
 * CLI show the same fingerprint (8 groups of 4 uppercase hex digits of the key's id), each
 * through its own screen or command rather than by calling the shared function here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../cli/sd.ts';
import { testIo } from '../cli/test/io.ts';
import { createKeyring, generatePoliceKey, KDF_INTERACTIVE, useSumo } from '../crypto/index.ts';
import { ReviewAnswers } from '../pwa/src/components/ReviewAnswers.tsx';
import { ForwardDialog } from '../viewer/src/export/ForwardDialog.tsx';
import { units } from '../viewer/src/export/units.ts';
import { fromB64 } from '../schemas/encoding.ts';
import { unitKeysOf } from '../schemas/keyring.ts';

// The viewer's build-time deployment module (scripts/vite-deployment.ts), as a test town.
vi.mock('virtual:deployment', () => ({ default: { apiOrigin: 'http://127.0.0.1:1', districts: { type: 'FeatureCollection', features: [] } } }));

useSumo();
const dir = mkdtempSync(join(tmpdir(), 'sd-fingerprint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ');

describe('key fingerprint (D13)', () => {
  it('is the same in the reporter app, the viewer and the CLI', async () => {
    const police = await generatePoliceKey();
    // D13 written out independently: the 16 id bytes, 4 hex digits per group.
    const expected = [...fromB64(police.kid)].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join('').match(/.{4}/g)!.join(' ');

    const review = renderToString(<ReviewAnswers sections={[]} contact="" town="Ville" kid={police.kid} exactData="" onEdit={() => undefined} stepTitles={[]} />);
    const shownByPwa = /<code class="kid">([^<]*)<\/code>/.exec(review)?.[1];

    // The same key read as a unit's, so that the three apps show the fingerprint of one kid.
    const [asUnit] = unitKeysOf({ police: [police] });
    units.value = [{ name: 'Brigade', kid: asUnit!.kid, publicKey: asUnit!.publicKey }];
    const dialog = text(renderToString(<ForwardDialog open={false} entries={[]} onClose={() => undefined} />));

    const file = join(dir, 'keyring.json');
    writeFileSync(file, JSON.stringify(await createKeyring({ v: 1, police: [police] }, 'correct horse battery staple', KDF_INTERACTIVE)));
    const io = testIo({ SD_PASSPHRASE: 'correct horse battery staple' });
    expect(await main(['keyring', 'show', file], io), io.err).toBe(0);
    const shownByCli = new RegExp(`^  ${police.kid}  (.+)  public key `, 'm').exec(io.out)?.[1];

    expect(shownByPwa).toBe(expected);
    expect(dialog).toContain(expected);
    expect(shownByCli).toBe(expected);
  });
});
