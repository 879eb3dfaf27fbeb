/**
 * A town's deployment file, `deploy/<town>.json` (DESIGN "Configuration"). One generator
 * (`scripts/configure.ts`) turns it into the Worker's variables, the viewer's headers and
 * the build-time module both apps import. Adding a town or rotating a key edits this file.
 */
import * as v from 'valibot';
import { b64Bytes } from './encoding.ts';
import { Kid, PolicePublicKey } from './keys.ts';
import { IsoTime } from './time.ts';
import { FORMS } from './forms/index.ts';

const Origin = v.pipe(
  v.string(),
  v.url(),
  v.check((s) => new URL(s).origin === s, 'an origin: scheme, host and port only, no path or trailing slash'),
);

const Position = v.pipe(v.array(v.number()), v.minLength(2), v.maxLength(3));
const Ring = v.pipe(v.array(Position), v.minLength(4));
const Polygon = v.object({ type: v.literal('Polygon'), coordinates: v.array(Ring) });
const MultiPolygon = v.object({ type: v.literal('MultiPolygon'), coordinates: v.array(v.array(Ring)) });

/** A district: a GeoJSON feature whose properties name it. */
export const District = v.object({
  type: v.literal('Feature'),
  properties: v.object({ id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/)), name: v.pipe(v.string(), v.minLength(1), v.maxLength(80)) }),
  geometry: v.variant('type', [Polygon, MultiPolygon]),
});
export type District = v.InferOutput<typeof District>;

export const PoliceKeyEntry = v.object({
  kid: Kid,
  publicKey: PolicePublicKey,
  status: v.picklist(['active', 'retired']),
  createdAt: IsoTime,
  retiredAt: v.optional(IsoTime),
});
export type PoliceKeyEntry = v.InferOutput<typeof PoliceKeyEntry>;

/** Defaults of `effort` (docs/flood.md has the reasoning). */
export const DEFAULT_EFFORT = { windowSeconds: 60, targetPerWindow: 10, ceilingBits: 26 } as const;

export const Deployment = v.pipe(
  v.object({
    v: v.literal(1),
    town: v.object({ id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/)), name: v.pipe(v.string(), v.minLength(1), v.maxLength(80)) }),
    apiOrigin: Origin,
    viewerOrigins: v.pipe(v.array(Origin), v.minLength(1)),
    forms: v.pipe(
      v.array(v.pipe(v.string(), v.check((id) => id in FORMS, 'unknown form'))),
      v.minLength(1),
    ),
    districts: v.object({ type: v.literal('FeatureCollection'), features: v.pipe(v.array(District), v.minLength(1)) }),
    policeKeys: v.pipe(
      v.array(PoliceKeyEntry),
      v.check((keys) => keys.some((k) => k.status === 'active'), 'at least one police key must be active'),
    ),
    /** Proof-of-work difficulty (PROTOCOL §3): at least 1 everywhere. */
    powBits: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(32)),
    /** Days a retired police key is still accepted (PROTOCOL §3: at least 90). */
    acceptRetiredDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(90)), 90),
    retention: v.optional(
      v.object({
        months: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(120)),
        closedMonths: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(120)),
      }),
      { months: 12, closedMonths: 2 },
    ),
    /**
     * The load-adaptive proof-of-work effort (PROTOCOL §3, docs/flood.md): the floor is
     * `powBits`; `ceilingBits` defaults to 26, or to `powBits` when that is higher.
     * No town-wide cap exists any more: an old file's `limits` is accepted and ignored.
     */
    effort: v.optional(
      v.object({
        windowSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(10), v.maxValue(3600)), DEFAULT_EFFORT.windowSeconds),
        targetPerWindow: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), DEFAULT_EFFORT.targetPerWindow),
        ceilingBits: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(32))),
      }),
      {},
    ),
    /** The Worker's receipt-signing public key (Ed25519), pinned in the app (issue 3). */
    receiptPublicKey: v.optional(b64Bytes(32)),
  }),
  v.check((d) => new Set(d.districts.features.map((f) => f.properties.id)).size === d.districts.features.length, 'district ids must be unique'),
  v.check((d) => d.effort.ceilingBits === undefined || d.effort.ceilingBits >= d.powBits, 'effort.ceilingBits must be at least powBits'),
  v.transform((d) => ({ ...d, effort: { ...d.effort, ceilingBits: d.effort.ceilingBits ?? Math.max(DEFAULT_EFFORT.ceilingBits, d.powBits) } })),
);
export type Deployment = v.InferOutput<typeof Deployment>;
export type DeploymentInput = v.InferInput<typeof Deployment>;

/** The police key the app seals with: the newest one marked active (PROTOCOL §1). */
export function activePoliceKey(d: Pick<Deployment, 'policeKeys'>): PoliceKeyEntry {
  const active = d.policeKeys.filter((k) => k.status === 'active').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (!active[0]) throw new Error('no active police key');
  return active[0];
}

/**
 * Kids the Worker accepts at `now`: active ones, and retired ones within the grace period.
 * Plain strings: a list to test untrusted kids against and to send as `MetaAnswer.kids`.
 */
export function acceptedKids(d: Pick<Deployment, 'policeKeys' | 'acceptRetiredDays'>, now: Date): string[] {
  const graceMs = d.acceptRetiredDays * 86400_000;
  return d.policeKeys
    .filter((k) => k.status === 'active' || !k.retiredAt || Date.parse(k.retiredAt) + graceMs > now.getTime())
    .map((k) => k.kid);
}
