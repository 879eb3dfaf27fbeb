/**
 * "Carte et tendances" (issue 4): the town's districts drawn from the deployment's own
 * GeoJSON, the reports' points and the density per district, filtered like the list; the
 * reports by hour and by day of week with the right counts; no request outside the viewer's
 * origin and the API's (no tile server, no font, nothing); axe-clean.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { testEnv } from './env.ts';
import { deployment, seedReport } from './officer.ts';
import { unlockViewer, viewerAxe } from './viewer-steps.ts';

const env = testEnv();
const run = `mq${Date.now().toString(36)}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];

/**
 * This run's reports. 2026-11-20 is a Friday, 2026-11-23 a Monday. Argentine gets three
 * (two with a point), Voisinlieu one with a point, Centre-ville one whose point lies in Paris
 * (outside the map), and one report gives no time (it counts at its arrival hour).
 */
const SEEDS = [
  { district: 'argentine', date: '2026-11-20', 'time-from': '22:10', point: { lat: 49.44, lon: 2.1 } },
  { district: 'argentine', date: '2026-11-20', 'time-from': '22:40', point: { lat: 49.441, lon: 2.101 } },
  { district: 'argentine', date: '2026-11-23', 'time-from': '08:05' },
  { district: 'voisinlieu', date: '2026-11-23', 'time-from': '22:30', point: { lat: 49.415, lon: 2.1 } },
  { district: 'centre-ville', date: '2026-11-20', point: { lat: 48.8566, lon: 2.3522 } },
];

const axeViolations = () => viewerAxe(page);

const count = (selector: string) => page.locator(selector).getAttribute('data-count').then(Number);
/** When the Worker received the report that gives no time (hour-truncated, PROTOCOL §3). */
let untimedReceivedAt = '';

beforeAll(async () => {
  for (const [i, answers] of SEEDS.entries()) {
    const r = await seedReport({ ...answers, place: `Lieu ${i} ${run}`, frequency: 'daily', activities: ['selling'] });
    expect(r.status).toBe(201);
    if (!('time-from' in answers)) untimedReceivedAt = (r.answer as { receivedAt: string }).receivedAt;
  }
  browser = await launchBrowser();
  context = await browser.newContext();
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
  await unlockViewer(page);
  await page.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
  await page.fill('#find-text', run);
  await page.waitForFunction((n) => document.querySelectorAll('table.reports tbody tr[data-report-id]').length === n, SEEDS.length, { timeout: 20_000 });
  await page.getByRole('link', { name: 'Carte et tendances' }).click();
  await page.getByRole('heading', { level: 1, name: 'Carte et tendances' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
});

describe('viewer: map and charts', () => {
  it('draws every district of the deployment’s GeoJSON as SVG', async () => {
    const districts = deployment().districts.features.map((f) => f.properties.id);
    const drawn = await page.locator('svg.map-svg path.district').evaluateAll((ps) => ps.map((p) => ({ id: p.getAttribute('data-district'), d: p.getAttribute('d') ?? '' })));
    expect(drawn.map((d) => d.id)).toEqual(districts);
    for (const d of drawn) expect(d.d).toMatch(/^M[\d.]+,[\d.]+L/);
    // Each district is drawn as itself, not as "the world but it" (rings rewound for d3):
    // every outline is a part of the drawing, inside it.
    const boxes = await page.locator('svg.map-svg path.district').evaluateAll((ps) =>
      ps.map((p) => {
        const b = (p as SVGPathElement).getBBox();
        return { x: b.x, y: b.y, width: b.width, height: b.height };
      }),
    );
    for (const b of boxes) {
      expect(b.width).toBeGreaterThan(20);
      expect(b.width * b.height).toBeLessThan(0.5 * 800 * 560);
      expect(b.x + b.width).toBeLessThanOrEqual(800.5);
      expect(b.y + b.height).toBeLessThanOrEqual(560.5);
    }
    expect(await page.locator('svg.map-svg').innerHTML()).toContain('Argentine');
  });

  it('counts the filtered reports per district, on the map and in its table', async () => {
    expect(await count('path.district[data-district="argentine"]')).toBe(3);
    expect(await count('path.district[data-district="voisinlieu"]')).toBe(1);
    expect(await count('path.district[data-district="centre-ville"]')).toBe(1);
    expect(await count('path.district[data-district="saint-jean"]')).toBe(0);
    const row = await page.locator('table.map-table tr[data-district="argentine"]').locator('th, td').allInnerTexts();
    expect(row[0]).toBe('Argentine');
    expect(row[1]).toBe('3');
    // The densest district has the darkest class; an empty one the "no report" class.
    expect(await page.locator('path.district[data-district="saint-jean"]').getAttribute('class')).toContain('density--1');
    expect(await page.locator('.map-legend').innerText()).toContain('Aucun signalement');
  });

  it('draws a point for each report whose position lies on the map', async () => {
    expect(await page.locator('svg.map-svg path.points').getAttribute('data-points')).toBe('3');
    expect(await page.locator('.map').innerText()).toContain('1 position tombe hors de la carte');
    expect(await page.locator('#map-desc').innerText()).toContain('4 des 5 signalements affichés donnent une position');
  });

  it('charts the reports by hour and by day of week', async () => {
    // The report with no time counts at the hour it arrived (workstation time).
    const arrivalHour = await page.evaluate((iso) => new Date(iso).getHours(), untimedReceivedAt);
    const expected = Array.from({ length: 24 }, (_, h) => (h === 22 ? 3 : h === 8 ? 1 : 0) + (h === arrivalHour ? 1 : 0));
    const hours = await page.locator('svg.chart-svg').first().locator('g[data-bin]').evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-count'))));
    expect(hours).toEqual(expected);
    expect(await page.locator('.chart').first().innerText()).toContain('1 sur 5 d’après l’heure de réception.');
    const days = await page.locator('svg.chart-svg').nth(1).locator('g[data-bin]').evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-count'))));
    expect(days).toEqual([2, 0, 0, 0, 3, 0, 0]);
    expect(await page.locator('svg.chart-svg').nth(1).getAttribute('aria-label')).toBe('Signalements par jour de la semaine : le plus à vendredi (3).');
    // The figures, in a table.
    await page.getByText('Voir les chiffres').nth(1).click();
    const friday = await page.locator('table[data-chart="chart-weekday"] tbody tr').nth(4).locator('th, td').allInnerTexts();
    expect(friday).toEqual(['vendredi', '3', '0']);
  });

  it('follows the filters', async () => {
    await page.selectOption('#find-district', 'argentine');
    await expect.poll(() => count('path.district[data-district="voisinlieu"]')).toBe(0);
    expect(await count('path.district[data-district="argentine"]')).toBe(3);
    expect(await page.locator('svg.map-svg path.points').getAttribute('data-points')).toBe('2');
    const days = await page.locator('svg.chart-svg').nth(1).locator('g[data-bin]').evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-count'))));
    expect(days).toEqual([1, 0, 0, 0, 2, 0, 0]);
    await page.selectOption('#find-district', '');
  });

  it('has no accessibility violation on the map and charts', async () => {
    expect(await axeViolations()).toEqual([]);
  });

  it('made no request outside the viewer’s origin and the API’s', () => {
    const origins = new Set(requests.map((u) => new URL(u).origin));
    expect([...origins].filter((o) => o !== env.viewerUrl && o !== env.apiUrl)).toEqual([]);
    // The map screen's own code came from the viewer's origin (a chunk loaded on first visit).
    expect(requests.some((u) => u.startsWith(env.viewerUrl + '/assets/MapScreen-'))).toBe(true);
  });
});
