/**
 * The officer hub's frames as the case file reads them (docs/api.md "Case-file events",
 * schemas/events-api.ts `OfficerHubFrame`): a new event, or `ready` (the socket is back:
 * time to catch up with a poll). Anything else is null and ignored. Pure.
 */
import * as v from 'valibot';
import type { EventItem } from '../../../schemas/caseFile.ts';
import { OfficerHubFrame } from '../../../schemas/events-api.ts';

export type CaseFrame = { kind: 'ready' } | { kind: 'event'; event: EventItem };

/** Longest frame read: an event is at most a 64 KiB sealed box in base64. */
const FRAME_MAX = 200_000;

export function parseCaseFrame(data: unknown): CaseFrame | null {
  if (typeof data !== 'string' || data.length > FRAME_MAX) return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const r = v.safeParse(OfficerHubFrame, json);
  if (!r.success) return null;
  if (r.output.type === 'ready') return { kind: 'ready' };
  if (r.output.type === 'event') return { kind: 'event', event: r.output.event };
  return null;
}
