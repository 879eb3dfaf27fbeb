import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ListQuery, SubmitReportBody } from './api.ts';
import { acceptedKids, activePoliceKey, Deployment } from './deployment.ts';
import { b64Length } from './encoding.ts';
import { answersSchema, FormDefinition } from './form.ts';
import { FORMS, stopDeal } from './forms/index.ts';
import { SEALED_MESSAGE_SIZES, SEALED_REPORT_SIZES } from './limits.ts';
import { ReportPlaintext } from './report.ts';
import { IsoTime, isoHour, isoMinute } from './time.ts';

const b64 = (n: number, c = 'A') => c.repeat(b64Length(n) - 1) + 'A';

describe('forms as data', () => {
  it('every form is a valid definition of at most six steps with unique field ids', () => {
    for (const form of Object.values(FORMS)) {
      expect(v.safeParse(FormDefinition, form).success).toBe(true);
      const ids = form.steps.flatMap((s) => s.fields.map((f) => f.id));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
  it('derives an answers validator from the definition', () => {
    const schema = answersSchema(stopDeal, ['centre-ville']);
    const ok = v.safeParse(schema, {
      district: 'centre-ville', place: '  Hall B  ', date: '2026-11-20', frequency: 'daily', activities: ['selling', 'lookouts'],
      people: [{ count: 2, role: 'seller', description: 'veste rouge' }], vehicles: [{ kind: 'car', plate: 'AB-1' }], stray: 'dropped',
    });
    expect(ok.success).toBe(true);
    expect(ok.output).toMatchObject({ place: 'Hall B' });
    expect(ok.output).not.toHaveProperty('stray');
    expect(v.safeParse(schema, { district: 'centre-ville', place: 'x', date: '2026-11-20', frequency: 'sometimes', activities: ['selling'] }).success).toBe(false);
    expect(v.safeParse(schema, { district: 'centre-ville', place: 'x', date: '20/11/2026', frequency: 'daily', activities: ['selling'] }).success).toBe(false);
    expect(v.safeParse(schema, { place: 'x', date: '2026-11-20', frequency: 'daily', activities: ['selling'] }).success).toBe(false);
    expect(v.safeParse(schema, { district: 'c', place: 'x', date: '2026-11-20', frequency: 'daily', activities: ['selling'], people: Array(11).fill({}) }).success).toBe(false);
  });
});

describe('wire shapes', () => {
  const body = { v: 1, id: b64(16), kid: b64(16), sealed: b64(1072), pow: b64(8) };
  it('accepts a minimal submission; null counts as absent; unknown fields are ignored', () => {
    const r = v.safeParse(SubmitReportBody, { ...body, mailbox: null, blobs: null, extra: 1 });
    expect(r.success).toBe(true);
    expect(r.output).toEqual(body);
  });
  it('refuses wrong sealed lengths, padding characters and non-canonical base64', () => {
    expect(SEALED_REPORT_SIZES).toEqual([1072, 4144, 16432, 65584]);
    expect(SEALED_MESSAGE_SIZES).toEqual([1064, 4136, 16424, 65576]);
    expect(v.safeParse(SubmitReportBody, { ...body, sealed: b64(1073) }).success).toBe(false);
    expect(v.safeParse(SubmitReportBody, { ...body, id: b64(16).slice(0, -2) + '==' }).success).toBe(false);
    expect(v.safeParse(SubmitReportBody, { ...body, id: b64(16).slice(0, -1) + 'B' }).success).toBe(false);
    expect(v.safeParse(SubmitReportBody, { ...body, pow: undefined }).success).toBe(false);
    expect(v.safeParse(SubmitReportBody, { ...body, v: 2 }).success).toBe(false);
  });
  it('parses list queries per PROTOCOL §5', () => {
    expect(v.parse(ListQuery, {})).toEqual({ after: 0, limit: 100 });
    expect(v.parse(ListQuery, { after: '', limit: '' })).toEqual({ after: 0, limit: 100 });
    expect(v.parse(ListQuery, { after: '7', limit: '9999' })).toEqual({ after: 7, limit: 500 });
    for (const bad of [{ limit: '0' }, { limit: '-1' }, { after: '-1' }, { after: 'x' }, { limit: '1.5' }, { after: '1e3' }]) {
      expect(v.safeParse(ListQuery, bad).success).toBe(false);
    }
  });
  it('checks wire times and coarsens them', () => {
    expect(v.safeParse(IsoTime, '2026-11-23T21:00:00Z').success).toBe(true);
    for (const bad of ['2026-11-23T21:00:00.000Z', '2026-11-23 21:00:00Z', '2026-02-30T00:00:00Z', '2026-11-23T21:00:00+01:00']) {
      expect(v.safeParse(IsoTime, bad).success).toBe(false);
    }
    const d = new Date('2026-11-23T21:47:13.512Z');
    expect([isoHour(d), isoMinute(d)]).toEqual(['2026-11-23T21:00:00Z', '2026-11-23T21:47:00Z']);
  });
  it('normalises a report plaintext', () => {
    const r = v.parse(ReportPlaintext, { v: 1, id: b64(16), form: 'stop-deal', formVersion: 1, createdAt: '2026-11-23T21:40:00Z', answers: {}, contact: null, replyTo: null, attachments: null });
    expect(r).toMatchObject({ contact: null, replyTo: null, attachments: [] });
  });
});

describe('deployment', () => {
  const template = JSON.parse(readFileSync(new URL('../deploy/demo.template.json', import.meta.url), 'utf8'));
  const key = (kid: string, status: 'active' | 'retired', createdAt: string, retiredAt?: string) => ({ kid: b64(16, kid), publicKey: b64(32), status, createdAt, ...(retiredAt ? { retiredAt } : {}) });
  it('the demo template becomes valid once a police key is pinned, and not before', () => {
    expect(v.safeParse(Deployment, template).success).toBe(false);
    expect(v.safeParse(Deployment, { ...template, policeKeys: [key('A', 'active', '2026-01-01T00:00:00Z')] }).success).toBe(true);
    expect(v.safeParse(Deployment, { ...template, apiOrigin: 'http://127.0.0.1:8787/', policeKeys: [key('A', 'active', '2026-01-01T00:00:00Z')] }).success).toBe(false);
  });
  it('seals with the newest active key and accepts retired keys for the grace period', () => {
    const d = v.parse(Deployment, {
      ...template,
      policeKeys: [key('A', 'retired', '2025-01-01T00:00:00Z', '2026-09-01T00:00:00Z'), key('B', 'active', '2026-09-01T00:00:00Z'), key('C', 'active', '2026-01-01T00:00:00Z'), key('D', 'retired', '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z')],
    });
    expect(activePoliceKey(d).kid).toBe(b64(16, 'B'));
    expect(acceptedKids(d, new Date('2026-11-23T00:00:00Z')).sort()).toEqual([b64(16, 'A'), b64(16, 'B'), b64(16, 'C')].sort());
    expect(acceptedKids(d, new Date('2026-12-01T00:00:00Z'))).not.toContain(b64(16, 'A'));
  });
  it('the effort: defaults, its bounds, a ceiling at least powBits; an old `limits` is accepted and dropped (docs/flood.md)', () => {
    const base = { ...template, policeKeys: [key('A', 'active', '2026-01-01T00:00:00Z')] };
    const parse = (o: object) => v.safeParse(Deployment, { ...base, ...o });
    const ok = (o: object) => {
      const r = parse(o);
      if (!r.success) throw new Error(r.issues[0].message);
      return r.output;
    };
    expect(ok({}).effort).toEqual({ windowSeconds: 60, targetPerWindow: 10, ceilingBits: 26 });
    expect(ok({ effort: { targetPerWindow: 3 } }).effort).toEqual({ windowSeconds: 60, targetPerWindow: 3, ceilingBits: 26 });
    // powBits above 26 and no ceiling given: the ceiling is powBits (no raise).
    expect(ok({ powBits: 28 }).effort.ceilingBits).toBe(28);
    expect(ok({ powBits: 20, effort: { ceilingBits: 20 } }).effort.ceilingBits).toBe(20);
    expect(ok({ effort: { windowSeconds: 10, ceilingBits: 32 } }).effort).toMatchObject({ windowSeconds: 10, ceilingBits: 32 });
    for (const effort of [{ windowSeconds: 9 }, { windowSeconds: 3601 }, { targetPerWindow: 0 }, { targetPerWindow: 1.5 }, { ceilingBits: 33 }, { ceilingBits: 11 }]) {
      expect(parse({ effort }).success, JSON.stringify(effort)).toBe(false);
    }
    const old = ok({ limits: { reportsPerHour: 2000, blobBytesPerHour: 1 } });
    expect('limits' in old).toBe(false);
    // What the generator writes (the parsed output) parses again to the same.
    expect(ok(old)).toEqual(old);
  });
});
