import { describe, expect, it } from 'vitest';
import { createKeyring, generateOfficerKey, generatePoliceKey, KDF_INTERACTIVE, useSumo } from '../../../crypto/index.ts';
import { KEYRING_FILE_MAX_BYTES, KeyringFileProblem, parseKeyringText, readKeyringFile } from './keyringFile.ts';

useSumo();

async function realKeyring() {
  return createKeyring({ v: 1, police: [await generatePoliceKey()], officer: await generateOfficerKey() }, 'correct horse', KDF_INTERACTIVE);
}

function problem(run: () => unknown): KeyringFileProblem {
  try {
    run();
  } catch (e) {
    if (e instanceof KeyringFileProblem) return e;
    throw e;
  }
  throw new Error('no problem found');
}

describe('keyring files', () => {
  it('accepts a real keyring file', async () => {
    const file = await realKeyring();
    expect(parseKeyringText(JSON.stringify(file))).toEqual(file);
  });

  it('says a non-JSON file is not a keyring', () => {
    expect(problem(() => parseKeyringText('hello')).kind).toBe('not-json');
  });

  it('says JSON without any keyring field is not a keyring', () => {
    expect(problem(() => parseKeyringText('{"hello":1}')).kind).toBe('not-keyring');
    expect(problem(() => parseKeyringText('[1,2]')).kind).toBe('not-keyring');
    expect(problem(() => parseKeyringText('null')).kind).toBe('not-keyring');
  });

  it('names the invalid field', async () => {
    const file = await realKeyring();
    const cases: Array<[unknown, string]> = [
      [{ ...file, v: 2 }, 'v'],
      [{ ...file, kdf: { ...file.kdf, opslimit: 99 } }, 'kdf.opslimit'],
      [{ ...file, kdf: { ...file.kdf, memlimit: 16 * 1024 ** 3 } }, 'kdf.memlimit'],
      [{ ...file, kdf: { ...file.kdf, alg: 'scrypt' } }, 'kdf.alg'],
      [{ ...file, kdf: { ...file.kdf, salt: 'AAAA' } }, 'kdf.salt'],
      [{ ...file, nonce: file.nonce + '=' }, 'nonce'],
      [{ ...file, box: 'not/base64+' }, 'box'],
      [{ kdf: file.kdf, nonce: file.nonce, v: 1 }, 'box'],
    ];
    for (const [json, field] of cases) {
      const p = problem(() => parseKeyringText(JSON.stringify(json)));
      expect([p.kind, p.field]).toEqual(['field', field]);
    }
  });

  it('refuses an oversized file before reading it', async () => {
    const big = new Blob([new Uint8Array(KEYRING_FILE_MAX_BYTES + 1)]);
    await expect(readKeyringFile(big)).rejects.toMatchObject({ kind: 'too-large' });
  });

  it('reads a file', async () => {
    const file = await realKeyring();
    await expect(readKeyringFile(new Blob([JSON.stringify(file)]))).resolves.toEqual(file);
  });
});
