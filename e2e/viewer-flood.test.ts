/**
 * Officers are not drowned (issue 7 point 3): 20,000 junk reports (five texts, each sent in
 * variants: digits, case, spacing, punctuation, a word swapped) plus 10 real ones, sealed in
 * Node with the deployment's police key and served to the viewer from memory (`page.route`,
 * as viewer-scale does, so the shared instance is not filled). The viewer shows the surge with
 * its rate and the raised effort, folds the junk into five groups, closes the biggest in one
 * action through `POST /api/v1/events` in batches of at most 500, and the 10 real reports
 * stay findable. The case-file and expiry endpoints are answered from memory too: the
 * reports are not in the Worker, and the endpoint itself is tested in workerd
 * (worker/test/events-bulk.test.ts).
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomB64, sealReport, useSumo } from '../crypto/index.ts';
import type { ReportItem } from '../schemas/api.ts';
import { activePoliceKey } from '../schemas/deployment.ts';
import { toB64 } from '../schemas/encoding.ts';
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
const SIZES = [4200, 4400, 4000, 3800, 3600];
const REAL = 10;
const HOUR = 3_600_000;

let browser: Browser;
let context: BrowserContext;
let page: Page;
const items: ReportItem[] = [];
const posts: number[] = [];
let expiries = 0;
let nextSeq = 50_000_000;
const problems: string[] = [];

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
  const add = async (details: string, receivedAt: string, n: number) => {
    const id = await randomB64(16);
    const answers = { district: 'centre-ville', place: `${n % 90} rue des Tests`, date: `2026-11-${String((n % 28) + 1).padStart(2, '0')}`, frequency: 'daily', activities: ['selling'], details };
    const { sealed } = await sealReport({ v: 1, id, form: 'stop-deal', formVersion: 1, createdAt: receivedAt, answers, contact: null, replyTo: null, attachments: [] }, police);
    items.push({ seq: ++seq, id, kid: police.kid, sealed: toB64(sealed), mailbox: false, blobs: [], receivedAt });
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
  for (const [f, text] of FAMILIES.entries()) for (let k = 0; k < SIZES[f]!; k++) await add(variant(text, k), iso(hourNow), k);
  console.log(`[viewer-flood] sealed ${items.length} reports in Node in ${Math.round(performance.now() - t0)} ms`);

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
    const events = (JSON.parse(req.postData() ?? '{}') as { events: unknown[] }).events;
    posts.push(events.length);
    const at = new Date().toISOString().slice(0, 16) + ':00Z';
    return json(route, 201, { events: events.map(() => ({ seq: nextSeq++, at })) });
  });
  await page.route((url) => url.origin === env.apiUrl && /^\/api\/v1\/reports\/[\w-]{22}\/expiry$/.test(url.pathname), (route) => {
    if (route.request().method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    expiries++;
    return route.fulfill({ status: 204, headers: cors });
  });
  const started = Date.now();
  await unlockViewer(page);
  await page.locator('.list-status strong', { hasText: /20[\s\u202f]?010 signalements/ }).waitFor({ timeout: 170_000 });
  console.log(`[viewer-flood] "Déverrouiller" to ${items.length} reports listed: ${Date.now() - started} ms`);
}, 400_000);

afterAll(async () => {
  await browser?.close();
});

const rows = () => page.locator('table.reports tbody tr[data-report-id]');
const nnbsp = (s: string) => s.replace(/\u202f/g, ' ');

describe('viewer: a flood of 20,000 junk reports and 10 real ones', () => {
  it('shows the surge banner with the last hour’s count, the usual rate and the raised effort', async () => {
    const banner = page.locator('.surge-banner');
    await banner.waitFor();
    const text = await banner.innerText();
    expect(text).toContain('Afflux anormal : 20\u202f000 signalements reçus dans la dernière heure (habituellement moins d’un par heure)');
    await expect.poll(() => banner.innerText()).toContain('22 bits au lieu de 18');
  });

  it('folds the junk into five groups, largest first, and leaves the real ones out', async () => {
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Voir les signalements regroupés' }).click();
    await page.locator('ol.groups li.group').first().waitFor({ timeout: 60_000 });
    console.log(`[viewer-flood] groups view drawn ${Date.now() - t0} ms after the click`);
    const sizes = await page.locator('ol.groups .group-size').allInnerTexts();
    expect(sizes.map(nnbsp)).toEqual(['4 400 signalements', '4 200 signalements', '4 000 signalements', '3 800 signalements', '3 600 signalements']);
    expect(nnbsp(await page.locator('.groups-count').innerText())).toBe('5 groupes, 20 000 signalements en tout');
    expect(await viewerAxe(page)).toEqual([]);
  });

  it('opens a group as a filter of the list', async () => {
    await page.locator('ol.groups li.group').nth(4).getByRole('button', { name: /^Afficher les 3.600 signalements/ }).click();
    await expect.poll(async () => nnbsp(await page.locator('.group-filter').innerText())).toContain('Liste restreinte à un groupe de 3 600 signalements.');
    expect(await page.locator('table.reports').getAttribute('aria-rowcount')).toBe('3601');
    await page.getByRole('button', { name: 'Afficher tous les signalements' }).click();
    await expect.poll(() => page.locator('table.reports').getAttribute('aria-rowcount')).toBe('20011');
  });

  it('closes the biggest group in one action: batches of at most 500 events, two per report, and an expiry each', async () => {
    await page.getByRole('link', { name: 'Groupes' }).click();
    const biggest = page.locator('ol.groups li.group').first();
    await biggest.getByRole('button', { name: /^Classer sans suite : 4.400 signalements$/ }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    expect(nnbsp(await dialog.innerText())).toContain('4 400 signalements passeront au statut « classé sans suite »');
    expect(await viewerAxe(page)).toEqual([]);
    const t0 = Date.now();
    await dialog.getByRole('button', { name: /^Classer 4.400 signalements$/ }).click();
    await page.locator('.bulk-close-status', { hasText: /4.400 signalements classés sans suite\./ }).waitFor({ timeout: 280_000 });
    console.log(`[viewer-flood] 4,400 reports closed in ${Date.now() - t0} ms: ${posts.length} POSTs, ${expiries} expiries`);
    expect(posts).toHaveLength(Math.ceil((4400 * 2) / 500));
    expect(posts.reduce((a, b) => a + b, 0)).toBe(8800);
    expect(Math.max(...posts)).toBe(500);
    expect(expiries).toBe(4400);
    // Closed: the group no longer offers to close anything.
    await expect.poll(() => biggest.getByRole('button', { name: /^Classer sans suite/ }).count()).toBe(0);
  }, 300_000);

  it('still finds the 10 real reports by search, and lists them', async () => {
    await page.getByRole('link', { name: 'Liste' }).click();
    await page.fill('#find-text', `temoin-${run}`);
    await expect.poll(() => rows().count()).toBe(REAL);
    await page.fill('#find-text', `TÉMOIN-${run} lilas`);
    await expect.poll(() => rows().count()).toBe(1);
    await page.fill('#find-text', '');
    await page.selectOption('#find-status', 'nouveau');
    await expect.poll(() => page.locator('table.reports').getAttribute('aria-rowcount')).toBe(String(20_010 - 4400 + 1));
    expect(problems).toEqual([]);
  });
});
