/**
 * Where a value failed its schema, in words a message can carry: the first issue's dotted
 * path (`kdf.salt`, `policeKeys.0.kid`), via valibot's own `getDotPath`. Used wherever a
 * file or an answer is refused with the field named (keyrings, deployment files, report items).
 *
 * @example
 * const r = v.safeParse(KeyringFile, json);
 * if (!r.success) throw new Error(`field "${firstIssuePath(r.issues)}" is invalid`);
 */
import * as v from 'valibot';

/** The first issue's dotted path; '' when it concerns the value itself (or there is none). */
export function firstIssuePath(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  return issue ? (v.getDotPath(issue) ?? '') : '';
}
