import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockKeyring, useSumo } from '../../crypto/index.ts';
import { main } from '../sd.ts';
import { testIo } from '../test/io.ts';

useSumo();
const PASS = 'correct horse battery staple';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sd-keyring-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sd(argv: string[], env: Record<string, string> = { SD_PASSPHRASE: PASS }) {
  const io = testIo(env);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('sd keyring new / show', () => {
  it('creates an officer keyring, owner-only, and shows its ids but never its secrets', async () => {
    const file = join(dir, 'officer.json');
    const made = await sd(['keyring', 'new', '--out', file, '--kdf', 'interactive']);
    expect(made.code, made.err).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const inner = await unlockKeyring(JSON.parse(readFileSync(file, 'utf8')), PASS);
    expect(inner.police).toEqual([]);
    expect(made.out).toContain(`officerId:   ${inner.officer!.officerId}`);
    expect(made.out).toContain(`public key:  ${inner.officer!.publicKey}`);
    const shown = await sd(['keyring', 'show', file]);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(inner.officer!.officerId);
    expect(shown.out).toContain('opslimit 2, memlimit 64 MiB');
    expect(made.out + shown.out + made.err + shown.err).not.toContain(inner.officer!.secretKey);
  });

  it('refuses to overwrite an existing file', async () => {
    const file = join(dir, 'taken.json');
    writeFileSync(file, 'precious');
    const r = await sd(['keyring', 'new', '--out', file, '--kdf', 'interactive']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`sd: ${file} already exists; choose another file (nothing was written)\n`);
    expect(readFileSync(file, 'utf8')).toBe('precious');
  });

  it('reads --passphrase-file without its trailing newline, and refuses a short new passphrase', async () => {
    const passFile = join(dir, 'pass.txt');
    writeFileSync(passFile, PASS + '\n');
    const file = join(dir, 'from-file.json');
    expect((await sd(['keyring', 'new', '--out', file, '--kdf', 'interactive', '--passphrase-file', passFile], {})).code).toBe(0);
    await expect(unlockKeyring(JSON.parse(readFileSync(file, 'utf8')), PASS)).resolves.toBeTruthy();
    const short = await sd(['keyring', 'new', '--out', join(dir, 'short.json'), '--kdf', 'interactive'], { SD_PASSPHRASE: 'short' });
    expect(short.code).toBe(1);
    expect(short.err).toMatch(/^sd: the passphrase for new keyring short\.json is too short: use at least 12 characters/);
    const none = await sd(['keyring', 'new', '--out', join(dir, 'none.json')], {});
    expect(none.err).toBe('sd: no passphrase for new keyring none.json: give --passphrase-file, set SD_PASSPHRASE, or run in a terminal\n');
  });

  it('asks twice on a terminal when creating, and refuses two different answers', async () => {
    const answers = [PASS, PASS + '!'];
    const io = testIo({});
    io.prompt = async () => answers.shift()!;
    expect(await main(['keyring', 'new', '--out', join(dir, 'typo.json'), '--kdf', 'interactive'], io)).toBe(1);
    expect(io.err).toBe('sd: the two passphrases differ; nothing was written\n');
  });

  it('copies the police keys of another keyring with --with-police-from', async () => {
    const admin = join(dir, 'admin-with-police.json');
    const deploy = join(dir, 'deploy-copy.json');
    writeFileSync(deploy, readFileSync('deploy/demo.template.json'));
    expect((await sd(['keyring', 'new', '--out', admin, '--kdf', 'interactive'])).code).toBe(0);
    expect((await sd(['police-key', 'new', '--deploy', deploy, '--keyring', admin])).code).toBe(0);
    const copy = join(dir, 'copy.json');
    const r = await sd(['keyring', 'new', '--out', copy, '--kdf', 'interactive', '--with-police-from', admin], { SD_PASSPHRASE: 'another passphrase here', SD_FROM_PASSPHRASE: PASS });
    expect(r.code, r.err).toBe(0);
    const source = await unlockKeyring(JSON.parse(readFileSync(admin, 'utf8')), PASS);
    const copied = await unlockKeyring(JSON.parse(readFileSync(copy, 'utf8')), 'another passphrase here');
    expect(copied.police).toEqual(source.police);
    expect(copied.officer!.officerId).not.toBe(source.officer!.officerId);
    const wrong = await sd(['keyring', 'new', '--out', join(dir, 'copy2.json'), '--with-police-from', admin], { SD_PASSPHRASE: PASS, SD_FROM_PASSPHRASE: 'not the one at all' });
    expect(wrong.err).toBe(`sd: wrong passphrase for keyring ${admin} (or the file is damaged)\n`);
  });

  it('creates an investigator unit keyring: its own key, no officer', async () => {
    const file = join(dir, 'unit.json');
    const r = await sd(['keyring', 'investigator', '--out', file, '--kdf', 'interactive']);
    expect(r.code, r.err).toBe(0);
    const inner = await unlockKeyring(JSON.parse(readFileSync(file, 'utf8')), PASS);
    expect(inner.officer).toBeUndefined();
    expect(inner.police).toHaveLength(1);
    expect(r.out).toContain(`unit kid:    ${inner.police[0]!.kid}`);
    expect((await sd(['keyring', 'show', file])).out).toContain('officer:     none (investigator unit keyring)');
  });
});

describe('clear one-line errors for bad keyrings and passphrases', () => {
  it.each([
    ['missing', null, (f: string) => `sd: cannot read keyring ${f}: no such file\n`],
    ['not JSON', 'hello', (f: string) => `sd: ${f} is not a keyring file: not JSON\n`],
    ['not a keyring', '{"hello":"world"}', (f: string) => `sd: ${f} is not a valid keyring: keyring field "v" is missing or invalid\n`],
    ['hostile memlimit', JSON.stringify({ v: 1, kdf: { alg: 'argon2id13', opslimit: 3, memlimit: 17179869184, salt: 'AAAAAAAAAAAAAAAAAAAAAA' }, nonce: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', box: 'AAAA' }), (f: string) => `sd: ${f} is not a valid keyring: keyring field "kdf.memlimit" is missing or invalid\n`],
  ])('%s', async (_label, content, message) => {
    const file = join(dir, `bad-${_label.replace(/ /g, '-')}.json`);
    if (content !== null) writeFileSync(file, content);
    const r = await sd(['keyring', 'show', file]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(message(file));
    expect(r.out).toBe('');
  });

  it('wrong passphrase', async () => {
    const file = join(dir, 'wrong.json');
    await sd(['keyring', 'new', '--out', file, '--kdf', 'interactive']);
    const r = await sd(['keyring', 'show', file], { SD_PASSPHRASE: 'this is not it' });
    expect(r.code).toBe(1);
    expect(r.err).toBe(`sd: wrong passphrase for keyring ${file} (or the file is damaged)\n`);
  });
});

describe('sd itself', () => {
  it('lists commands on --help and refuses unknown ones', async () => {
    const help = await sd(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['police-key new', 'keyring new', 'keyring show', 'keyring investigator', 'officer add', 'officer list', 'officer revoke', 'grant accept', 'export', 'decrypt']) {
      expect(help.out).toContain(c);
    }
    expect(await sd(['keyring', 'burn'])).toMatchObject({ code: 1, err: 'sd: unknown command "keyring burn" (see: sd --help)\n' });
    expect(await sd(['launch'])).toMatchObject({ code: 1, err: 'sd: unknown command "launch" (see: sd --help)\n' });
  });
  it('gives every command its own --help', async () => {
    for (const c of ['police-key new', 'keyring new', 'keyring show', 'keyring investigator', 'officer add', 'officer list', 'officer revoke', 'officer grant', 'grant accept', 'export', 'decrypt']) {
      const r = await sd([...c.split(' '), '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Usage: sd ${c}`));
    }
  });
  it('checks option values', async () => {
    const r = await sd(['keyring', 'new', '--out', join(dir, 'x.json'), '--kdf', 'fast']);
    expect(r.err).toBe('sd: --kdf must be one of moderate, interactive, sensitive (see: sd keyring new --help)\n');
    const o = await sd(['officer', 'add', '--api', 'http://127.0.0.1:1', '--keyring', 'k', '--public-key', 'abc', '--role', 'officer']);
    expect(o.err).toBe('sd: --public-key is not an officer public key (32 bytes in base64url, 43 characters)\n');
    const a = await sd(['officer', 'list', '--api', 'ftp://x', '--keyring', 'k']);
    expect(a.err).toBe('sd: --api must be an http:// or https:// URL\n');
  });
});
