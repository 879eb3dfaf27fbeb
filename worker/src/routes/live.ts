/**
 * `GET /api/v1/live` (Upgrade: websocket): the officers' live channel, one hub object per
 * town. Authenticated by the first frame, a `Signature …` value over `GET` and this target
 * (docs/api.md "Live channel").
 */
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { otherMethods } from '../http/methods.ts';
import { requireUpgrade, upgradeTo } from '../http/upgrade.ts';
import { OFFICER_HUB_NAME } from '../live/officerHub.ts';

export const live = new Hono<AppEnv>();

live.get('/', async (c) => {
  requireUpgrade(c);
  return upgradeTo(c, c.env.OFFICER_HUB.get(c.env.OFFICER_HUB.idFromName(OFFICER_HUB_NAME)));
});
live.all('/', otherMethods(['GET']));
