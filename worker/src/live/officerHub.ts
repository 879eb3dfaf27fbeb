/**
 * The officers' live channel (docs/api.md "Live channel"): `GET /api/v1/live` reaches the
 * town's one hub object. Its first frame is a `Signature …` value signed over `GET`, the
 * socket's target and an empty body, checked exactly as an HTTP request (PROTOCOL §5): the
 * roster, the ±300 s window and the replay cache, where its nonce is recorded.
 */
import { authenticateOfficer } from '../auth/officer.ts';
import { LiveChannel } from './channel.ts';

/** The hub's object name: one per town (one deployment, one D1). */
export const OFFICER_HUB_NAME = 'officers';

const EMPTY = new Uint8Array(0);

export class OfficerHub extends LiveChannel {
  protected async authenticate(frame: string, target: string): Promise<string | undefined> {
    // The request the frame stands for; an invalid header value fails like a bad signature.
    const req = new Request(new URL(target, 'http://live.invalid'), { method: 'GET', headers: { Authorization: frame } });
    const officer = await authenticateOfficer(this.env, req, EMPTY, new Date());
    return officer.officerId;
  }
}
