/**
 * `405 method_not_allowed` for a known path asked with another method (docs/api.md):
 * registered after a path's handlers, it answers whatever they did not.
 */
import type { Handler } from 'hono';
import type { AppEnv } from '../context.ts';
import { Refusal } from './errors.ts';

export function otherMethods(allowed: readonly string[]): Handler<AppEnv> {
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : [])].join(', ');
  return () => {
    throw new Refusal('method_not_allowed', { Allow: allow });
  };
}
