import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { DossierBody } from '../../../schemas/dossier.ts';
import type { CaseEventBody } from '../../../schemas/caseFile.ts';
import type { EventRecord } from '../caseFile/caseFold.ts';
import { planDossier } from './dossierBody.ts';
import type { OpenedMessage } from '../conversation/messageCrypto.ts';
import type { ReportEntry } from '../reports/reportEntry.ts';

const R1 = 'AAAAAAAAAAAAAAAAAAAAAA';
const R2 = 'AQAAAAAAAAAAAAAAAAAAAA';
const ALICE = 'QUxJQ0UAAAAAAAAAAAAAAA';
const KID = 'S0lEAAAAAAAAAAAAAAAAAA';

const entry = (id: string, readable = true): ReportEntry => ({
  seq: 1,
  id,
  kid: KID,
  receivedAt: '2026-11-23T20:00:00Z',
  mailbox: true,
  blobs: [],
  problems: readable ? [] : ['undecryptable'],
  report: readable
    ? {
        v: 1,
        id,
        form: 'stop-deal',
        formVersion: 1,
        createdAt: '2026-11-23T19:00:00Z',
        answers: { place: 'hall C' },
        contact: null,
        replyTo: null,
        attachments: [{ blob: 'A'.repeat(43), key: 'E'.repeat(43), mime: 'image/jpeg', size: 1234 }],
      }
    : null,
});

const ev = (seq: number, reportId: string, event: Partial<CaseEventBody> & { type: CaseEventBody['type'] }, outer = reportId, authorName?: string): EventRecord => ({
  seq,
  reportId: outer,
  storedAt: '2026-11-23T21:00:00Z',
  opened: { officerId: ALICE, event: { v: 1, reportId, at: '2026-11-23T21:00:00Z', ...(authorName ? { authorName } : {}), ...event } as CaseEventBody },
  problem: null,
});

describe('planDossier', () => {
  it('takes readable reports with attachment keys, proven events and opened messages', () => {
    const messages = new Map<string, OpenedMessage[]>([
      [
        R1,
        [
          { seq: 2, from: 'reporter', kid: KID, at: '2026-11-23T21:30:00Z', ok: true, body: 'réponse', writtenAt: '2026-11-23T21:30:00Z' },
          { seq: 1, from: 'police', kid: KID, at: '2026-11-23T21:10:00Z', ok: true, body: 'question', writtenAt: '2026-11-23T21:10:00Z' },
          { seq: 3, from: 'reporter', kid: KID, at: '2026-11-23T21:31:00Z', ok: false, reason: 'integrity' },
        ],
      ],
    ]);
    const records: EventRecord[] = [
      ev(2, R1, { type: 'note', text: 'vu' }, R1, 'Cne Durand'),
      ev(1, R1, { type: 'status', status: 'verifie' }),
      ev(3, R2, { type: 'status', status: 'classe' }, R1), // replayed from another report: left out
      { seq: 4, reportId: R1, storedAt: '2026-11-23T21:00:00Z', opened: null, problem: 'integrity' },
      ev(5, R2, { type: 'status', status: 'transmis' }),
    ];
    const plan = planDossier({ entries: [entry(R1), entry(R2, false)], records, messages, roster: null, unit: 'BRI Beauvais', fromName: 'Brigadier Martin', now: new Date('2026-11-24T08:00:00Z') });
    expect(plan.included.map((e) => e.id)).toEqual([R1]);
    expect(plan.skipped.map((e) => e.id)).toEqual([R2]);
    expect(plan.skippedMessages).toBe(1);
    const body = v.parse(DossierBody, plan.body);
    expect(body).toMatchObject({ unit: 'BRI Beauvais', fromName: 'Brigadier Martin', createdAt: '2026-11-24T08:00:00Z' });
    const r = body.reports[0]!;
    expect(r.report.attachments?.[0]).toMatchObject({ key: 'E'.repeat(43) });
    expect(r.caseFile.map((e) => e.event.type)).toEqual(['status', 'note']);
    expect(r.caseFile[1]).toMatchObject({ officerId: ALICE, authorName: 'Cne Durand' });
    expect(r.messages.map((m) => [m.seq, m.body])).toEqual([
      [1, 'question'],
      [2, 'réponse'],
    ]);
  });

  it('has nothing to seal when no report is readable', () => {
    const plan = planDossier({ entries: [entry(R2, false)], records: [], messages: new Map(), roster: null, unit: 'U', now: new Date() });
    expect(plan.body.reports).toEqual([]);
    expect(plan.included).toEqual([]);
  });
});
