/**
 * One mailbox's live channel (docs/api.md "Live channel"): `GET /api/v1/mailbox/{id}/live`
 * reaches the object named `mailbox:<id>`. Its first frame is `Mailbox <b64 mailboxSecret>`,
 * checked exactly as the HTTP endpoints check it (PROTOCOL §4).
 */
import { mailboxAuthorized } from '../auth/mailbox.ts';
import { LiveChannel } from './channel.ts';

const TARGET = /^\/api\/v1\/mailbox\/([^/?]+)\/live$/;

/** The object name of report `id`'s mailbox channel. */
export function mailboxChannelName(id: string): string {
  return `mailbox:${id}`;
}

export class MailboxLive extends LiveChannel {
  protected async authenticate(frame: string, target: string): Promise<string | undefined> {
    const id = TARGET.exec(target)?.[1];
    if (id === undefined) return undefined;
    return (await mailboxAuthorized(this.env.DB, id, frame)) ? 'reporter' : undefined;
  }
}
