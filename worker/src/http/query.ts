/**
 * Query strings of lists (PROTOCOL §5): parsed with the shared `ListQuery`; a parameter
 * given twice is ambiguous and so `400 bad_request` (docs/api.md). Other parameters are
 * ignored, like unknown JSON fields.
 */
import * as v from 'valibot';
import { ListQuery } from '../../../schemas/api.ts';
import { Refusal } from './errors.ts';

export function listQueryOf(url: string): ListQuery {
  const params = new URL(url).searchParams;
  const raw: Record<string, string> = {};
  for (const name of ['after', 'limit']) {
    const values = params.getAll(name);
    if (values.length > 1) throw new Refusal('bad_request');
    if (values.length === 1) raw[name] = values[0]!;
  }
  const r = v.safeParse(ListQuery, raw);
  if (!r.success) throw new Refusal('bad_request');
  return r.output;
}
