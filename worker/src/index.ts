/**
 * The Stop Deal API Worker: `fetch` serves `/api/*` (PROTOCOL §3–§6); `scheduled` runs
 * retention and the orphan-blob rule hourly (wrangler.toml `[triggers]`); `MailboxLive` and
 * `OfficerHub` are the Durable Objects of the live channel, `FloodGate` the town's
 * load-adaptive proof-of-work effort (wrangler.toml `[[durable_objects.bindings]]`).
 */
import { createApp } from './app.ts';
import { deploymentOf, type Env } from './env.ts';
import { closeMailboxChannels } from './live/notify.ts';
import { runRetention } from './retention.ts';

export type { Env } from './env.ts';
export { MailboxLive } from './live/mailboxLive.ts';
export { OfficerHub } from './live/officerHub.ts';
export { FloodGate } from './flood/floodGate.ts';

const app = createApp();

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    const purged = await runRetention(env, deploymentOf(env), new Date(controller.scheduledTime));
    // As on deletion: a purged report's mailbox credential no longer holds.
    ctx.waitUntil(closeMailboxChannels(env, purged.mailboxes));
  },
} satisfies ExportedHandler<Env>;
