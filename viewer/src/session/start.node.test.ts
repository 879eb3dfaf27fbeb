/**
 * No viewer module starts anything when it is imported (issue 8): what runs while unlocked is
 * started and stopped by session/start.ts, step by step. Importing the modules themselves
 * needs a browser and the build's virtual modules, so this reads them the way TypeScript
 * does: at the top level of a module, only declarations, no call (no `onUnlock(…)`,
 * `effect(…)`, `signal.subscribe(…)`, listener or timer).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = new URL('..', import.meta.url).pathname;

/** Entry points, which run by design: the page's and the report worker's. */
const ENTRIES = new Set(['main.tsx', 'reports/openReports.ts']);

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return modules(p);
    return /\.tsx?$/.test(n) && !/\.node(\.test)?\.ts$/.test(n) && !n.endsWith('.d.ts') ? [relative(SRC, p)] : [];
  });
}

/** What a module's top level calls: expression statements, and calls in variable initialisers. */
function topLevelCalls(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const callee = (e: ts.Expression): string => (ts.isCallExpression(e) ? e.expression.getText(sf) : e.getText(sf).slice(0, 40));
  for (const s of sf.statements) {
    if (ts.isExpressionStatement(s)) out.push(callee(s.expression));
    if (ts.isVariableStatement(s))
      for (const d of s.declarationList.declarations) {
        const init = d.initializer;
        // `signal(…)`, `computed(…)`, `lazy(…)`, `new Map()` declare; only registrations run something.
        if (init && ts.isCallExpression(init) && /^(effect|on[A-Z]\w*|\w+\.subscribe|addEventListener|set(Interval|Timeout))$/.test(init.expression.getText(sf))) out.push(init.expression.getText(sf));
      }
  }
  return out;
}

describe('start sequence', () => {
  const files = modules(SRC);

  it('finds the viewer modules', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('session/start.ts');
  });

  it('no module registers hooks or starts anything when imported', () => {
    const offenders = files
      .filter((f) => !ENTRIES.has(f))
      .map((f) => [f, topLevelCalls(f)] as const)
      .filter(([, calls]) => calls.length > 0);
    expect(offenders).toEqual([]);
  });

  it('leaves no hook registry: onUnlock/onLock are gone from session.ts', () => {
    const text = readFileSync(join(SRC, 'session/session.ts'), 'utf8');
    expect(text).not.toMatch(/export function on(Unl|L)ock\b/);
  });

  it('names every feature that starts and stops in start.ts', () => {
    const text = readFileSync(join(SRC, 'session/start.ts'), 'utf8');
    const exported = files.flatMap((f) => [...readFileSync(join(SRC, f), 'utf8').matchAll(/export function ((?:start|stop)[A-Z]\w*)\(/g)].map((m) => m[1]!));
    for (const name of exported) expect(text, name).toMatch(new RegExp(`\\b${name}\\b`));
  });
});
