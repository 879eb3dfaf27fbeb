import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DossierFile, DossierReport } from './dossier.ts';
import { toB64 } from './encoding.ts';
import { BLOB_SIZES } from './limits.ts';

const KID = 'S0lEAAAAAAAAAAAAAAAAAA';
const BLOB_ID = 'A'.repeat(43);
const blob = (n: number) => toB64(new Uint8Array(n).fill(7));
const file = (extra: Record<string, unknown> = {}) => ({ v: 1, kind: 'stopdeal-dossier', kid: KID, sealed: 'AAAA', ...extra });

describe('DossierFile (docs/attachments.md "Forwarding")', () => {
  it('reads an older file without blobs exactly as before', () => {
    const r = v.parse(DossierFile, file());
    expect(r).toEqual({ v: 1, kind: 'stopdeal-dossier', kid: KID, sealed: 'AAAA' });
    expect(r.blobs).toBeUndefined();
  });

  it('carries blobs keyed by blob id, each one of the stored blob sizes', () => {
    const r = v.parse(DossierFile, file({ blobs: { [BLOB_ID]: blob(BLOB_SIZES[0]!) } }));
    expect(Object.keys(r.blobs!)).toEqual([BLOB_ID]);
    expect(v.parse(DossierFile, file({ blobs: {} })).blobs).toEqual({});
  });

  it('refuses a blob of another size, bad base64 or a key that is not a blob id', () => {
    expect(v.safeParse(DossierFile, file({ blobs: { [BLOB_ID]: blob(BLOB_SIZES[0]! - 1) } })).success).toBe(false);
    expect(v.safeParse(DossierFile, file({ blobs: { [BLOB_ID]: blob(BLOB_SIZES[0]!).replace(/^./, '+') } })).success).toBe(false);
    expect(v.safeParse(DossierFile, file({ blobs: { 'photo.jpg': blob(BLOB_SIZES[0]!) } })).success).toBe(false);
    expect(v.safeParse(DossierFile, file({ blobs: 'AAAA' })).success).toBe(false);
  });
});

describe('DossierReport.blobsLeftOut', () => {
  const report = (extra: Record<string, unknown> = {}) => ({
    id: KID, receivedAt: '2026-11-23T20:00:00Z', kid: KID,
    report: { v: 1, id: KID, form: 'stop-deal', formVersion: 1, createdAt: '2026-11-23T19:00:00Z', answers: {}, contact: null, replyTo: null, attachments: [] },
    caseFile: [], messages: [], ...extra,
  });

  it('is optional (older dossiers) and lists a blob id with a known reason', () => {
    expect(v.parse(DossierReport, report()).blobsLeftOut).toBeUndefined();
    expect(v.parse(DossierReport, report({ blobsLeftOut: [{ blob: BLOB_ID, reason: 'missing' }] })).blobsLeftOut).toEqual([{ blob: BLOB_ID, reason: 'missing' }]);
    expect(v.safeParse(DossierReport, report({ blobsLeftOut: [{ blob: BLOB_ID, reason: 'lost' }] })).success).toBe(false);
  });
});
