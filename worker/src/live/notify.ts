/**
 * Telling the live channels after a D1 write (docs/api.md "Live channel"). Runs after the
 * answer through `waitUntil`, so the HTTP answer is not delayed; a failed notification is
 * swallowed (and not logged): polling is the guarantee, the live channel only speeds it up.
 */
import type { Context } from 'hono';
import type { EventItem } from '../../../schemas/caseFile.ts';
import type { LiveEvent } from '../../../schemas/events-api.ts';
import type { InboxMessage } from '../../../schemas/mailbox-api.ts';
import type { AppEnv } from '../context.ts';
import type { Env } from '../env.ts';
import { mailboxChannelName } from './mailboxLive.ts';
import { OFFICER_HUB_NAME } from './officerHub.ts';

function mailboxChannel(env: Env, reportId: string) {
  return env.MAILBOX_LIVE.get(env.MAILBOX_LIVE.idFromName(mailboxChannelName(reportId)));
}

function officerHub(env: Env) {
  return env.OFFICER_HUB.get(env.OFFICER_HUB.idFromName(OFFICER_HUB_NAME));
}

/** Runs `tasks` after the answer; none of them can fail the request. */
function later(c: Context<AppEnv>, tasks: Array<() => Promise<unknown>>): void {
  const run = Promise.all(
    tasks.map(async (task) => {
      try {
        await task();
      } catch {
        // Polling is the guarantee.
      }
    }),
  );
  try {
    c.executionCtx.waitUntil(run);
  } catch {
    // No execution context (in-process requests): the tasks still run.
  }
}

/** A new message: to its mailbox's sockets (without `reportId`, `arrival`) and to the hub. */
export function announceMessage(c: Context<AppEnv>, m: InboxMessage): void {
  const { reportId, arrival: _arrival, ...message } = m;
  later(c, [
    () => mailboxChannel(c.env, reportId).broadcast(JSON.stringify({ type: 'message', message })),
    () => officerHub(c.env).broadcast(JSON.stringify({ type: 'message', message: m })),
  ]);
}

/** A new report: `{"type":"report","seq","id"}` to the hub. */
export function announceReport(c: Context<AppEnv>, seq: number, id: string): void {
  later(c, [() => officerHub(c.env).broadcast(JSON.stringify({ type: 'report', seq, id }))]);
}

/** A new case-file event: `{"type":"event","event":{seq, reportId, kid, sealed, at}}` to the hub. */
export function announceEvent(c: Context<AppEnv>, event: EventItem): void {
  const frame: LiveEvent = { type: 'event', event };
  later(c, [() => officerHub(c.env).broadcast(JSON.stringify(frame))]);
}

/** A deleted report: its mailbox's sockets are closed (their credential no longer holds). */
export function closeMailboxChannel(c: Context<AppEnv>, reportId: string): void {
  later(c, [() => mailboxChannel(c.env, reportId).disconnect()]);
}

/** A revoked officer: their hub sockets are closed at once. */
export function disconnectOfficer(c: Context<AppEnv>, officerId: string): void {
  later(c, [() => officerHub(c.env).disconnect(officerId)]);
}

/**
 * Reports purged by retention (no request context): their mailboxes' sockets are closed, as
 * on deletion. Failures are swallowed: a socket left open hears nothing more anyway.
 */
export async function closeMailboxChannels(env: Pick<Env, 'MAILBOX_LIVE'>, reportIds: readonly string[]): Promise<void> {
  await Promise.all(
    reportIds.map(async (id) => {
      try {
        await env.MAILBOX_LIVE.get(env.MAILBOX_LIVE.idFromName(mailboxChannelName(id))).disconnect();
      } catch {
        // Nothing to do.
      }
    }),
  );
}
