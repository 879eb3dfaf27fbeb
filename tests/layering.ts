/**
 * The layering rules (README folder table, STYLE "In this project"), read the way TypeScript
 * reads imports: `ts.preProcessFile` finds static imports, `import '…'`, `export … from`,
 * `import type`, `import()` (a template literal without substitutions included), `require()`
 * and `import x = require()`, and skips strings, comments and template text, where a regex
 * cannot tell code from prose. Pure: `tests/boundaries.test.ts` feeds it the repository's
 * files and, for each rule, a planted violation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import ts from 'typescript';

export type ImportKind = 'static' | 'side-effect' | 'dynamic' | 'require';

export interface ImportRef {
  specifier: string;
  kind: ImportKind;
}

/** Every module specifier `text` names, in order, with how it is imported. */
export function importsOf(text: string): ImportRef[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => {
    // `pos` is the opening quote: what precedes it says which form of import this is.
    const before = text.slice(Math.max(0, f.pos - 40), f.pos).trimEnd();
    const kind: ImportKind = /\bimport\s*\($/.test(before) ? 'dynamic' : /\brequire\s*\($/.test(before) ? 'require' : /\bimport$/.test(before) ? 'side-effect' : 'static';
    return { specifier: f.fileName, kind };
  });
}

export interface SourceFile {
  /** Repository-relative, with `/`. */
  path: string;
  text: string;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs)$/;

/** Every source file under `root`, not in node_modules, dist or a dot-folder (.git, .wrangler, .dev). */
export function repositorySources(root: string, dir = ''): SourceFile[] {
  return readdirSync(posix.join(root, dir)).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) return [];
    const rel = dir ? `${dir}/${name}` : name;
    if (statSync(posix.join(root, rel)).isDirectory()) return repositorySources(root, rel);
    return SOURCE.test(name) ? [{ path: rel, text: readFileSync(posix.join(root, rel), 'utf8') }] : [];
  });
}

/** The top folder a repository path lies in (`viewer/src/a.ts` → `viewer`); '' at the root. */
export const folderOf = (path: string): string => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '');

/** The repository path a relative specifier points to, or null for a package (bare or `virtual:`). */
export function targetOf(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return posix.normalize(posix.join(posix.dirname(file), specifier));
}

/** The apps: none imports another, nor scripts/ (README folder table). */
export const APPS = ['pwa', 'viewer', 'worker', 'cli'] as const;

const LIBSODIUM = /^libsodium-wrappers(-sumo)?(\/|$)/;

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

type Rule = { name: string; applies: (file: string) => boolean; forbids: (file: string, ref: ImportRef) => boolean };

const isTest = (f: string) => /\.test\.tsx?$/.test(f);
const isBuildConfig = (f: string) => /^[\w-]+\/[\w-]+\.config\.ts$/.test(f);
const inFolder = (f: string, ...dirs: string[]) => dirs.includes(folderOf(f));
/** A relative import that lands outside the given folders. */
const leaves = (file: string, ref: ImportRef, ...dirs: string[]) => {
  const t = targetOf(file, ref.specifier);
  return t !== null && !inFolder(t, ...dirs);
};

/**
 * UI files: the reporter app's components and screens; in the viewer, whose folders are
 * features (docs/architecture.md), every `.tsx` but the entry point (which picks libsodium's build).
 */
export function isUiFile(f: string): boolean {
  return /^pwa\/src\/(components|screens)\//.test(f) || (/^viewer\/src\/.+\.tsx$/.test(f) && f !== 'viewer/src/main.tsx');
}

export const RULES: readonly Rule[] = [
  {
    name: 'only crypto/ imports libsodium',
    applies: (f) => !inFolder(f, 'crypto'),
    forbids: (_f, r) => LIBSODIUM.test(r.specifier),
  },
  {
    name: 'schemas/ imports nothing of ours but schemas/, and no package but valibot',
    applies: (f) => inFolder(f, 'schemas') && !isTest(f),
    forbids: (f, r) => (targetOf(f, r.specifier) === null ? r.specifier !== 'valibot' : leaves(f, r, 'schemas')),
  },
  {
    name: 'crypto/ imports only crypto/ and schemas/, and no package but valibot and libsodium',
    applies: (f) => inFolder(f, 'crypto') && !isTest(f),
    forbids: (f, r) => (targetOf(f, r.specifier) === null ? !(r.specifier === 'valibot' || LIBSODIUM.test(r.specifier)) : leaves(f, r, 'crypto', 'schemas')),
  },
  {
    name: 'client/ imports only client/ and schemas/, and no package but valibot',
    applies: (f) => inFolder(f, 'client') && !isTest(f),
    forbids: (f, r) => (targetOf(f, r.specifier) === null ? r.specifier !== 'valibot' : leaves(f, r, 'client', 'schemas')),
  },
  {
    name: 'no app (pwa/, viewer/, worker/, cli/) imports another app',
    applies: (f) => inFolder(f, ...APPS),
    forbids: (f, r) => {
      const t = targetOf(f, r.specifier);
      return t !== null && folderOf(t) !== folderOf(f) && (APPS as readonly string[]).includes(folderOf(t));
    },
  },
  {
    // scripts/ holds the builds and generators: an app's build configuration wires them in
    // (`vite.config.ts`), and a test may check what a generator makes for its app (the Worker's
    // wasm, its wrangler.toml); the app's own code imports none of it (docs/decisions.md D79).
    name: 'no app (pwa/, viewer/, worker/, cli/) imports scripts/ (tests and build configuration excepted)',
    applies: (f) => inFolder(f, ...APPS) && !isTest(f) && !isBuildConfig(f),
    forbids: (f, r) => {
      const t = targetOf(f, r.specifier);
      return t !== null && folderOf(t) === 'scripts';
    },
  },
  {
    // libsodium cannot run in workerd; the Worker's tests get crypto/ results as committed data.
    name: 'worker/ never imports crypto/ (its known-answer JSON excepted), outside its Node-side tests',
    applies: (f) => inFolder(f, 'worker') && !f.endsWith('.node.test.ts') && !f.includes('gen-fixtures'),
    forbids: (f, r) => {
      const t = targetOf(f, r.specifier);
      return t !== null && folderOf(t) === 'crypto' && !/^crypto\/fixtures\/[\w-]+\.json$/.test(t);
    },
  },
  {
    name: 'UI components and screens never import crypto/, Dexie or libsodium (they call services)',
    applies: (f) => isUiFile(f),
    forbids: (f, r) => {
      const t = targetOf(f, r.specifier);
      return t !== null ? folderOf(t) === 'crypto' : r.specifier === 'dexie' || LIBSODIUM.test(r.specifier);
    },
  },
];

/** Every import of `files` that breaks a rule. */
export function violations(files: readonly SourceFile[], rules: readonly Rule[] = RULES): Violation[] {
  const out: Violation[] = [];
  for (const file of files) {
    const refs = importsOf(file.text);
    for (const rule of rules) {
      if (!rule.applies(file.path)) continue;
      for (const ref of refs) if (rule.forbids(file.path, ref)) out.push({ file: file.path, specifier: ref.specifier, rule: rule.name });
    }
  }
  return out;
}
