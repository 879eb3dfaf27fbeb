/**
 * Officers are not drowned (issue 7 point 3): junk reports (five texts, each sent in variants:
 * digits, case, spacing, punctuation, a word swapped) plus 10 real ones, sealed in Node with
 * the deployment's police key and served to the viewer from memory (`page.route`, as
 * viewer-scale does, so the shared instance is not filled). The viewer shows the surge with
 * its rate and the raised effort, folds the junk into five groups, closes the biggest in one
 * action (per batch of 250 reports: one `POST /api/v1/events` of at most 500 events, one
 * `PUT /api/v1/expiries`), resumes a close whose second request answered 503 with the same
 * bytes, and the 10 real reports stay findable. The case-file and expiry endpoints are
 * answered from memory too: the reports are not in the Worker, and the endpoints themselves
 * are tested in workerd (worker/test/events-bulk.test.ts, worker/test/expiries-bulk.test.ts).
 *
 * Counts: 2,000 junk reports in `npm test`; the full 20,000 (groups of 4,400 … 3,600) when
 * `STRESS=1` (`npm run test:stress`). Every assertion is the same at both sizes.
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { sealReport, useSumo } from '../crypto/index.ts';
import type { ReportItem } from '../schemas/api.ts';
import { activePoliceKey } from '../schemas/deployment.ts';
import { launchBrowser } from './browser.ts';
import { testEnv } from './env.ts';
import { deployment } from './officer.ts';
import { serveReportList, unlockViewer, viewerAxe } from './viewer-steps.ts';

useSumo();
const env = testEnv();
const run = `fl${Date.now().toString(36)}`;
const FAMILIES = [
  'deux hommes vendent de la drogue tous les soirs devant la porte du hall avec un guetteur sur le parking',
  'un vehicule gris stationne chaque nuit pres de l ecole et des jeunes viennent chercher des sachets au coffre',
  'appartement au troisieme etage beaucoup de passage toute la journee odeur forte dans la cage d escalier',
  'on entend des cris et des motos toute la nuit dans la rue derriere le stade municipal',
  'des sachets sont caches dans la boite aux lettres du batiment avec la porte cassee',
];
const STRESS = process.env.STRESS === '1';
const SIZES = [4200, 4400, 4000, 3800, 3600].map((n) => (STRESS ? n : n / 10));
const JUNK = SIZES.reduce((a, b) => a + b, 0);
const REAL = 10;
const TOTAL = JUNK + REAL;
const BY_SIZE = [...SIZES].sort((a, b) => b - a);
const BIGGEST = BY_SIZE[0]!;
const HOUR = 3_600_000;
/** Counts as the French UI writes them ("4 400", narrow no-break space read as a space), and as a pattern. */
const fr = (n: number) => n.toLocaleString('fr-FR').replace(/[\u202f\u00a0]/g, ' ');
const frRe = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, '\\s?');

let browser: Browser;
let context: BrowserContext;
let page: Page;
const items: ReportItem[] = [];
/** Stored events per report, and the size of every events POST and expiries PUT answered 2xx. */
const eventsOf = new Map<string, number>();
const expiryOf = new Map<string, number>();
const posts: number[] = [];
const puts: number[] = [];
/** Every body sent, in order, 2xx or not (to check that a resumed batch resends the same bytes). */
const eventBodies: string[] = [];
const expiryBodies: string[] = [];
/** When set, the next request whose count reaches it answers 503 once (then the hook clears). */
const failNext: { events?: number; expiries?: number } = {};
let nextSeq = 50_000_000;
const problems: string[] = [];
const bump = (m: Map<string, number>, id: string) => m.set(id, (m.get(id) ?? 0) + 1);
/** The ids of each family, in FAMILIES order. */
const familyIds: string[][] = [];
/** The family of the n-th largest group. */
const familyBySize = (n: number) => SIZES.indexOf(BY_SIZE[n]!);

function variant(text: string, i: number): string {
  const words = text.split(' ');
  if (i % 3 === 1) words[(i * 7) % words.length] = ['voiture', 'garcons', 'matin', 'balcon'][i % 4]!;
  let out = words.join(i % 2 ? '  ' : ' ') + ` n°${i}`;
  if (i % 5 === 0) out = out.toUpperCase();
  if (i % 4 === 0) out = out.replace(/ /g, ', ');
  return out;
}

const cors = { 'Access-Control-Allow-Origin': env.viewerUrl, 'Access-Control-Allow-Headers': 'Authorization, Content-Type', 'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE', Vary: 'Origin' };
const json = (route: Route, status: number, body: unknown) => route.fulfill({ status, headers: { ...cors, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }, body: JSON.stringify(body) });

beforeAll(async () => {
  const police = activePoliceKey(deployment());
  const hourNow = Math.floor(Date.now() / HOUR) * HOUR;
  const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');
  const t0 = performance.now();
  let seq = 0;
  // Node's base64url is the protocol's b64 (no padding) and gives flat strings: schemas'
  // toB64 builds each by `+=`, and 20,010 kept ropes of ~360 pieces cost ~420 MiB of heap and
  // ~30 % more time in GC (measured here); the sealing itself is crypto/'s, unchanged.
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
  const add = async (details: string, receivedAt: string, n: number) => {
    const id = b64(randomBytes(16));
    const answers = { district: 'centre-ville', place: `${n % 90} rue des Tests`, date: `2026-11-${String((n % 28) + 1).padStart(2, '0')}`, frequency: 'daily', activities: ['selling'], details };
    const { sealed } = await sealReport({ v: 1, id, form: 'stop-deal', formVersion: 1, createdAt: receivedAt, answers, contact: null, replyTo: null, attachments: [] }, police);
    items.push({ seq: ++seq, id, kid: police.kid, sealed: b64(sealed), mailbox: false, blobs: [], receivedAt });
  };
  // The real ones arrived over the week before; the flood, all in this hour.
  const real = [
    'le vendeur du square a change d horaire et arrive maintenant vers midi en scooter',
    'une femme fait le guet au coin de la rue des lilas et siffle quand une patrouille passe',
    'trafic dans le local a velos du batiment c depuis deux semaines, la porte est forcee',
    'des adolescents recrutes a la sortie du college pour porter des colis',
    'voiture immatriculee a l etranger garee devant la pharmacie tous les mercredis',
    'echanges rapides de main a main pres de l arret de bus, toujours le meme blouson rouge',
    'bruit de pas et allers retours au sous sol la nuit, les voisins ont peur de parler',
    'un homme cache quelque chose dans la haie du jardin public avant de partir',
    'livraisons a domicile suspectes commandees par messagerie, le livreur change chaque jour',
    'squat dans l appartement vide du rez de chaussee avec des seringues dans l escalier',
  ];
  for (let i = 0; i < REAL; i++) await add(`Témoin-${run} ${real[i]}`, iso(hourNow - (5 + i * 15) * HOUR), i);
  for (const [f, text] of FAMILIES.entries()) {
    for (let k = 0; k < SIZES[f]!; k++) await add(variant(text, k), iso(hourNow), k);
    familyIds.push(items.slice(-SIZES[f]!).map((i) => i.id));
  }
  const cpu = process.cpuUsage();
  console.log(`[viewer-flood] sealed ${items.length} reports in Node in ${Math.round(performance.now() - t0)} ms (process CPU so far ${Math.round((cpu.user + cpu.system) / 1000)} ms)`);

  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  const api = (path: string) => (url: URL) => url.origin === env.apiUrl && url.pathname === path;
  await page.route(api('/api/v1/reports'), serveReportList(items));
  await page.route(api('/api/v1/meta'), (route) => json(route, 200, { v: 1, powBits: 22, kids: [police.kid], maxSealedBytes: 65584, powBase: 18, powCeiling: 26 }));
  await page.route(api('/api/v1/events'), (route) => {
    const req = route.request();
    if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    if (req.method() === 'GET') return json(route, 200, { events: [], next: null });
    const body = req.postData() ?? '';
    eventBodies.push(body);
    // A platform's 503 (not the protocol's error body): nothing stored.
    if (failNext.events === eventBodies.length) {
      delete failNext.events;
      return route.fulfill({ status: 503, headers: { ...cors, 'Content-Type': 'text/plain' }, body: 'Service Unavailable' });
    }
    const events = (JSON.parse(body) as { events: Array<{ reportId: string }> }).events;
    posts.push(events.length);
    for (const e of events) bump(eventsOf, e.reportId);
    const at = new Date().toISOString().slice(0, 16) + ':00Z';
    return json(route, 201, { events: events.map(() => ({ seq: nextSeq++, at })) });
  });
  await page.route(api('/api/v1/expiries'), (route) => {
    const req = route.request();
    if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const body = req.postData() ?? '';
    expiryBodies.push(body);
    if (failNext.expiries === expiryBodies.length) {
      delete failNext.expiries;
      return route.fulfill({ status: 503, headers: { ...cors, 'Content-Type': 'text/plain' }, body: 'Service Unavailable' });
    }
    const list = (JSON.parse(body) as { expiries: Array<{ reportId: string }> }).expiries;
    puts.push(list.length);
    for (const e of list) bump(expiryOf, e.reportId);
    return route.fulfill({ status: 204, headers: cors });
  });
  // The single endpoint is no longer used by a bulk close: any call would be counted here.
  await page.route((url) => url.origin === env.apiUrl && /^\/api\/v1\/reports\/[\w-]{22}\/expiry$/.test(url.pathname), (route) => {
    if (route.request().method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    problems.push(`single expiry PUT ${route.request().url()}`);
    return route.fulfill({ status: 204, headers: cors });
  });
  const started = Date.now();
  await unlockViewer(page);
  await page.locator('.list-status strong', { hasText: new RegExp(`\\b${frRe(TOTAL)} signalements`) }).waitFor({ timeout: STRESS ? 170_000 : 60_000 });
  console.log(`[viewer-flood] "Déverrouiller" to ${items.length} reports listed: ${Date.now() - started} ms`);
}, STRESS ? 400_000 : 120_000);

afterAll(async () => {
  await browser?.close();
});

const rows = () => page.locator('table.reports tbody tr[data-report-id]');
const nnbsp = (s: string) => s.replace(/\u202f/g, ' ');

/** Opens the close dialog of the `nth` largest group, confirms, and answers when the job is done or failed. */
async function closeGroup(nth: number, outcome: RegExp, checkDialog?: () => Promise<void>): Promise<number> {
  await page.getByRole('link', { name: 'Groupes' }).click();
  const group = page.locator('ol.groups li.group').nth(nth);
  const n = BY_SIZE[nth]!;
  expect(nnbsp(await group.locator('.group-size').innerText())).toBe(`${fr(n)} signalements`);
  await group.getByRole('button', { name: new RegExp(`^Classer sans suite : ${frRe(n)} signalements$`) }).click();
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  expect(nnbsp(await dialog.innerText())).toContain(`${fr(n)} signalements passeront au statut « classé sans suite »`);
  await checkDialog?.();
  const t0 = Date.now();
  await dialog.getByRole('button', { name: new RegExp(`^Classer ${frRe(n)} signalements$`) }).click();
  await page.locator('.bulk-close-status', { hasText: outcome }).waitFor({ timeout: STRESS ? 280_000 : 60_000 });
  return Date.now() - t0;
}

/** Each report of the family closed exactly once: its two events and its expiry, each stored once. */
function expectClosedOnce(family: number): void {
  const ids = familyIds[family]!;
  expect(ids.map((id) => eventsOf.get(id))).toEqual(ids.map(() => 2));
  expect(ids.map((id) => expiryOf.get(id))).toEqual(ids.map(() => 1));
}

describe(`viewer: a flood of ${JUNK} junk reports and 10 real ones`, () => {
  it('shows the surge banner with the last hour’s count, the usual rate and the raised effort', async () => {
    const banner = page.locator('.surge-banner');
    await banner.waitFor();
    const text = nnbsp(await banner.innerText());
    expect(text).toContain(`Afflux anormal : ${fr(JUNK)} signalements reçus dans la dernière heure (habituellement moins d’un par heure)`);
    await expect.poll(() => banner.innerText()).toContain('22 bits au lieu de 18');
  });

  it('folds the junk into five groups, largest first, and leaves the real ones out', async () => {
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Voir les signalements regroupés' }).click();
    await page.locator('ol.groups li.group').first().waitFor({ timeout: 60_000 });
    console.log(`[viewer-flood] groups view drawn ${Date.now() - t0} ms after the click`);
    const sizes = await page.locator('ol.groups .group-size').allInnerTexts();
    expect(sizes.map(nnbsp)).toEqual(BY_SIZE.map((n) => `${fr(n)} signalements`));
    expect(nnbsp(await page.locator('.groups-count').innerText())).toBe(`5 groupes, ${fr(JUNK)} signalements en tout`);
    expect(await viewerAxe(page)).toEqual([]);
  });

  it('opens a group as a filter of the list', async () => {
    const smallest = BY_SIZE[4]!;
    await page.locator('ol.groups li.group').nth(4).getByRole('button', { name: new RegExp(`^Afficher les ${frRe(smallest)} signalements`) }).click();
    await expect.poll(async () => nnbsp(await page.locator('.group-filter').innerText())).toContain(`Liste restreinte à un groupe de ${fr(smallest)} signalements.`);
    expect(await page.locator('table.reports').getAttribute('aria-rowcount')).toBe(String(smallest + 1));
    await page.getByRole('button', { name: 'Afficher tous les signalements' }).click();
    await expect.poll(() => page.locator('table.reports').getAttribute('aria-rowcount')).toBe(String(TOTAL + 1));
  });

  it('closes the biggest group in one action: per batch of 250 reports, one POST of at most 500 events and one PUT of its expiries', async () => {
    const ms = await closeGroup(0, new RegExp(`${frRe(BIGGEST)} signalements classés sans suite\\.`), async () => {
      expect(await viewerAxe(page)).toEqual([]);
    });
    console.log(`[viewer-flood] ${BIGGEST} reports closed in ${ms} ms: ${posts.length} POSTs, ${puts.length} expiry PUTs`);
    const batches = Math.ceil(BIGGEST / 250);
    expect(posts).toHaveLength(batches);
    expect(posts.reduce((a, b) => a + b, 0)).toBe(BIGGEST * 2);
    expect(Math.max(...posts)).toBe(500);
    expect(puts).toHaveLength(batches);
    expect(puts.reduce((a, b) => a + b, 0)).toBe(BIGGEST);
    expect(Math.max(...puts)).toBe(250);
    expectClosedOnce(familyBySize(0));
    expect(eventsOf.size).toBe(BIGGEST);
    // Closed: the group no longer offers to close anything.
    await expect.poll(() => page.locator('ol.groups li.group').first().getByRole('button', { name: /^Classer sans suite/ }).count()).toBe(0);
  }, STRESS ? 300_000 : 90_000);

  it('resumes a close whose second events POST answered 503: "Reprendre" resends the same bytes, each report closed once', async () => {
    const n = BY_SIZE[1]!;
    const before = eventBodies.length;
    failNext.events = before + 2;
    await closeGroup(1, /Classement interrompu après 250 sur/);
    const status = page.locator('.bulk-close-status');
    expect(nnbsp(await status.innerText())).toContain(`Classement interrompu après 250 sur ${fr(n)} signalements : erreur du serveur.`);
    expect(eventBodies).toHaveLength(before + 2);
    await status.getByRole('button', { name: 'Reprendre le classement' }).click();
    await status.locator('[role=status]', { hasText: new RegExp(`${frRe(n)} signalements classés sans suite\\.`) }).waitFor({ timeout: STRESS ? 280_000 : 60_000 });
    // The failed batch went again, byte for byte, then the rest.
    expect(eventBodies[before + 2]).toBe(eventBodies[before + 1]);
    expect(eventBodies.length - before).toBe(Math.ceil(n / 250) + 1);
    expectClosedOnce(familyBySize(1));
    expect(eventsOf.size).toBe(BIGGEST + n);
  }, STRESS ? 300_000 : 90_000);

  it('resumes a close whose second expiry PUT answered 503: only that PUT goes again, with the same bytes', async () => {
    const n = BY_SIZE[2]!;
    const [eventsBefore, putsBefore] = [eventBodies.length, expiryBodies.length];
    failNext.expiries = putsBefore + 2;
    await closeGroup(2, /Classement interrompu après 250 sur/);
    const status = page.locator('.bulk-close-status');
    expect(nnbsp(await status.innerText())).toContain(`Classement interrompu après 250 sur ${fr(n)} signalements : erreur du serveur.`);
    const eventsAtFailure = eventBodies.length;
    await status.getByRole('button', { name: 'Reprendre le classement' }).click();
    await status.locator('[role=status]', { hasText: new RegExp(`${frRe(n)} signalements classés sans suite\\.`) }).waitFor({ timeout: STRESS ? 280_000 : 60_000 });
    expect(expiryBodies[putsBefore + 2]).toBe(expiryBodies[putsBefore + 1]);
    // The batch's events were stored before its PUT failed: not posted again.
    expect(eventBodies.slice(eventsAtFailure)).toHaveLength(Math.ceil(n / 250) - 2);
    expect(eventBodies.length - eventsBefore).toBe(Math.ceil(n / 250));
    expectClosedOnce(familyBySize(2));
    expect(eventsOf.size).toBe(BIGGEST + BY_SIZE[1]! + n);
  }, STRESS ? 300_000 : 90_000);

  it('still finds the 10 real reports by search, and lists them', async () => {
    await page.getByRole('link', { name: 'Liste' }).click();
    await page.fill('#find-text', `temoin-${run}`);
    await expect.poll(() => rows().count()).toBe(REAL);
    await page.fill('#find-text', `TÉMOIN-${run} lilas`);
    await expect.poll(() => rows().count()).toBe(1);
    await page.fill('#find-text', '');
    await page.selectOption('#find-status', 'nouveau');
    await expect.poll(() => page.locator('table.reports').getAttribute('aria-rowcount')).toBe(String(TOTAL - BIGGEST - BY_SIZE[1]! - BY_SIZE[2]! + 1));
    expect(problems).toEqual([]);
  });
});
