/**
 * The architecture's boundaries, enforced (issue 2, issue 8, STYLE "In this project") over every
 * source file of the repository, imports read as TypeScript reads them (tests/layering.ts):
 * only crypto/ imports libsodium; schemas/ imports nothing of ours but schemas/; crypto/ only
 * crypto/ and schemas/; client/ only schemas/; no app (pwa/, viewer/, worker/, cli/) imports
 * another app or scripts/; worker/ never reaches crypto/; UI components and screens never touch
 * crypto, IndexedDB or fetch. Each rule is shown to fail on a planted violation.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, isUiFile, repositorySources, RULES, violations, type SourceFile } from './layering.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const files = repositorySources(ROOT);
const found = violations(files);

/**
 * Known violations, as exact (file, import) pairs, being removed on other branches. Each pair
 * must still be a violation, or this test fails until its line is deleted: the list can only
 * shrink. Empty since issue 8 landed its other parts: the viewer's exports no longer borrow
 * cli/lib/{csv,openItem,reportTable}.ts, and cli/commands/{police-key,receipt-key}.ts no longer
 * import scripts/deployment.ts (both now in client/). Add nothing here.
 */
const KNOWN: readonly (readonly [file: string, specifier: string])[] = [];

const isKnown = (v: { file: string; specifier: string }) => KNOWN.some(([f, s]) => f === v.file && s === v.specifier);
const brief = (list: { file: string; specifier: string; rule: string }[]) => list.map((v) => `${v.file} imports ${v.specifier}: ${v.rule}`);

/** The rules a set of planted files breaks, once each. */
const broken = (planted: SourceFile[]) => [...new Set(violations(planted).map((v) => v.rule))];
const rule = (start: string) => RULES.find((r) => r.name.startsWith(start))!.name;

describe('boundaries', () => {
  it('reads every source file of the repository', () => {
    const folders = new Set(files.map((f) => f.path.split('/')[0]));
    for (const d of ['schemas', 'crypto', 'client', 'worker', 'pwa', 'viewer', 'cli', 'scripts', 'e2e', 'bench', 'tests']) expect(folders).toContain(d);
    expect(files.some((f) => f.path.endsWith('.tsx'))).toBe(true);
    expect(files.some((f) => f.path.includes('node_modules') || f.path.startsWith('dist/'))).toBe(false);
  });

  it('every layering rule holds, the known violations being removed elsewhere excepted', () => {
    expect(brief(found.filter((v) => !isKnown(v)))).toEqual([]);
  });

  it('each known violation still exists (delete its line from KNOWN once it is gone)', () => {
    const gone = KNOWN.filter(([f, s]) => !found.some((v) => v.file === f && v.specifier === s));
    expect(gone).toEqual([]);
  });

  it('UI components and screens never call fetch or IndexedDB (they call services)', () => {
    const ui = files.filter((f) => isUiFile(f.path));
    expect(ui.length).toBeGreaterThan(10);
    expect(ui.filter((f) => /\bfetch\s*\(/.test(f.text) || /\bindexedDB\b/.test(f.text)).map((f) => f.path)).toEqual([]);
  });
});

describe('the import reader', () => {
  it('finds every form of import TypeScript knows, and nothing in strings or comments', () => {
    const text = [
      "import a from 'static';",
      "import type { B } from 'type-only';",
      "import 'side-effect';",
      "export { c } from 're-export';",
      "export * from 'star';",
      "const d = await import('dynamic');",
      'const e = await import(`template`);',
      "const f = require('required');",
      "const s = \"import x from 'in-a-string'\";",
      "// import y from 'in-a-comment'",
      "const t = `import z from 'in-a-template'`;",
    ].join('\n');
    expect(importsOf(text)).toEqual([
      { specifier: 'static', kind: 'static' },
      { specifier: 'type-only', kind: 'static' },
      { specifier: 'side-effect', kind: 'side-effect' },
      { specifier: 're-export', kind: 'static' },
      { specifier: 'star', kind: 'static' },
      { specifier: 'dynamic', kind: 'dynamic' },
      { specifier: 'template', kind: 'dynamic' },
      { specifier: 'required', kind: 'require' },
    ]);
  });
});

describe('each rule fails on a planted violation', () => {
  it('libsodium outside crypto/, in every form of import', () => {
    const only = rule('only crypto/ imports libsodium');
    // Built from a constant so that a plain-text scan of this file (shared/hooks/before-stop)
    // does not take the planted fixtures for real imports.
    const lib = 'libsodium-wrappers';
    for (const text of [
      `import '${lib}';`,
      `import sodium from '${lib}-sumo';`,
      'const s = await import(`' + lib + '`);',
      `export * from '${lib}';`,
      `const s = require('${lib}-sumo');`,
    ]) {
      expect(broken([{ path: 'pwa/src/services/sealing.ts', text }]), text).toEqual([only]);
      expect(broken([{ path: 'tests/helper.ts', text }]), text).toEqual([only]);
    }
    expect(broken([{ path: 'crypto/sodium.ts', text: "const m = await import('libsodium-wrappers');" }])).toEqual([]);
  });

  it('schemas/ importing anything of ours but schemas/', () => {
    const r = rule('schemas/');
    expect(broken([{ path: 'schemas/report.ts', text: "import { sodium } from '../crypto/sodium.ts';" }])).toEqual([r]);
    expect(broken([{ path: 'schemas/report.ts', text: "export { x } from '../client/liveChannel.ts';" }])).toEqual([r]);
    expect(broken([{ path: 'schemas/forms/a.ts', text: "import '../../viewer/src/main.tsx';" }])).toEqual([r]);
    expect(broken([{ path: 'schemas/forms/a.ts', text: "import * as v from 'valibot';\nimport { X } from '../form.ts';" }])).toEqual([]);
  });

  it('crypto/ importing an app or client/', () => {
    const r = rule('crypto/');
    expect(broken([{ path: 'crypto/sealReport.ts', text: "import { x } from '../viewer/src/services/session.ts';" }])).toEqual([r]);
    expect(broken([{ path: 'crypto/sealReport.ts', text: "import { x } from '../client/saveFile.ts';" }])).toEqual([r]);
  });

  it('client/ importing crypto/ or an app', () => {
    const r = rule('client/');
    expect(broken([{ path: 'client/liveChannel.ts', text: "import { signRequest } from '../crypto/index.ts';" }])).toEqual([r]);
    expect(broken([{ path: 'client/liveChannel.ts', text: 'const m = await import(`../pwa/src/services/api.ts`);' }])).toEqual([r]);
    expect(broken([{ path: 'client/liveChannel.ts', text: "import { MailboxEvent } from '../schemas/mailbox-api.ts';" }])).toEqual([]);
  });

  it('an app importing another app', () => {
    const r = rule('no app (pwa/, viewer/, worker/, cli/) imports another app');
    expect(broken([{ path: 'viewer/src/services/exports.ts', text: "import { toCsv } from '../../../cli/lib/csv.ts';" }])).toEqual([r]);
    expect(broken([{ path: 'cli/commands/export.ts', text: "export { x } from '../../viewer/src/services/answers.ts';" }])).toEqual([r]);
    expect(broken([{ path: 'worker/src/index.ts', text: "import '../../pwa/src/sw.ts';" }])).toEqual([r]);
    expect(broken([{ path: 'pwa/src/main.tsx', text: "const w = await import('../../worker/src/index.ts');" }])).toEqual([r]);
    // A test is app code too: it borrows no other app's insides either.
    expect(broken([{ path: 'viewer/src/services/x.node.test.ts', text: "import { x } from '../../../cli/lib/api.ts';" }])).toEqual([r]);
  });

  it('an app importing scripts/', () => {
    const r = rule('no app (pwa/, viewer/, worker/, cli/) imports scripts/');
    expect(broken([{ path: 'cli/commands/police-key.ts', text: "import { loadDeployment } from '../../scripts/deployment.ts';" }])).toEqual([r]);
    expect(broken([{ path: 'viewer/src/main.tsx', text: "const m = require('../../scripts/configure.ts');" }])).toEqual([r]);
    // Build configuration and tests of what a generator makes are the build's, not the app's.
    expect(broken([{ path: 'viewer/vite.config.ts', text: "import { deploymentPlugin } from '../scripts/vite-deployment.ts';" }])).toEqual([]);
    expect(broken([{ path: 'worker/test/deploy.node.test.ts', text: "import { apiWranglerToml } from '../../scripts/deployment.ts';" }])).toEqual([]);
  });

  it('worker/ reaching crypto/', () => {
    const r = rule('worker/');
    expect(broken([{ path: 'worker/src/verify/pow.ts', text: "import { checkPow } from '../../../crypto/pow.ts';" }])).toEqual([r]);
    expect(broken([{ path: 'worker/test/vectors.test.ts', text: "import vectors from '../../crypto/fixtures/vectors.json';" }])).toEqual([]);
  });

  it('a UI component or screen importing crypto/, Dexie or libsodium', () => {
    const r = rule('UI components');
    expect(broken([{ path: 'viewer/src/session/UnlockScreen.tsx', text: "import { unlockKeyring } from '../../../crypto/index.ts';" }])).toEqual([r]);
    // The viewer's folders are features: any of its .tsx is UI, its services (.ts) and entry point are not.
    expect(broken([{ path: 'viewer/src/reports/ReportTable.tsx', text: "import { openReport } from '../../../crypto/index.ts';" }])).toEqual([r]);
    expect(broken([{ path: 'viewer/src/session/session.ts', text: "import { unlockKeyring } from '../../../crypto/index.ts';" }])).toEqual([]);
    expect(broken([{ path: 'viewer/src/main.tsx', text: "import { useSumo } from '../../crypto/index.ts';" }])).toEqual([]);
    expect(broken([{ path: 'pwa/src/components/Photo.tsx', text: "import Dexie from 'dexie';" }])).toEqual([r]);
    expect(broken([{ path: 'pwa/src/screens/Review.tsx', text: "const c = await import('../../../crypto/index.ts');" }])).toEqual([r]);
  });
});
