/**
 * Finding reports in the viewer (issue 4 "Find", "Export"): the filters and the full-text
 * search narrow the list to exactly the right reports, five reports of the same stairwell
 * written five ways make one hotspot of five, ticked reports (or the filtered list) export
 * as CSV and GeoJSON downloads under the strict CSP, and the screens are axe-clean. Reports
 * are sealed in Node and posted like an outside client's; each carries this run's token, so
 * reports of other test files never count.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { testEnv } from './env.ts';
import { seedReport } from './officer.ts';
import { unlockViewer, viewerAxe } from './viewer-steps.ts';

/** The id column of a CSV line; an id starting with `-` comes back with the formula guard `'` (docs/decisions.md D14). */
const csvId = (line: string) => line.split(',')[1]!.replace(/^'(?=[-=+@])/, '');

const env = testEnv();
const run = `zq${Date.now().toString(36)}`;
/** A street name no other report has: "12 rue <run>, cage B". */
const STREET = `rue Vaillant${run}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const ids = { stairs: [] as string[], degage: '', rodeo: '', other: '', point: '' };

const rows = () => page.locator('table.reports:not(.hotspot-reports) tbody tr[data-report-id]');
const shownIds = async () => (await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-report-id')))).sort();
const sorted = (xs: string[]) => [...xs].sort();

async function setFilters(f: { text?: string; district?: string; status?: string; form?: string; basis?: 'received' | 'reported'; from?: string; to?: string }): Promise<void> {
  if (f.text !== undefined) await page.fill('#find-text', f.text);
  if (f.district !== undefined) await page.selectOption('#find-district', f.district);
  if (f.status !== undefined) await page.selectOption('#find-status', f.status);
  if (f.form !== undefined) await page.selectOption('#find-form', f.form);
  if (f.basis !== undefined) await page.selectOption('#find-period-basis', f.basis);
  if (f.from !== undefined) await page.fill('#find-from', f.from);
  if (f.to !== undefined) await page.fill('#find-to', f.to);
}

async function clearAll(): Promise<void> {
  const clear = page.getByRole('button', { name: 'Effacer les filtres' });
  if (await clear.isEnabled()) await clear.click();
}

const axeViolations = () => viewerAxe(page);

async function download(button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

beforeAll(async () => {
  const base = { frequency: 'daily', activities: ['selling', 'lookouts'] };
  // One stairwell, five residents, five ways of writing it.
  const stairs = [`12 ${STREET}, cage B`, `12, ${STREET.replace('rue', 'Rue')} cage b`, `Cage B, 12 ${STREET}`, `12 ${STREET.toUpperCase()} — CAGE B`, `12 r. ${STREET.slice(4)} cage B`];
  for (const [i, place] of stairs.entries()) {
    const r = await seedReport({ ...base, district: 'saint-jean', place, date: '2026-11-2' + i, details: `Témoin ${i + 1} ${run}` });
    expect(r.status).toBe(201);
    ids.stairs.push(r.id);
  }
  const degage = await seedReport({ ...base, district: 'argentine', place: `Parking ${run}`, date: '2026-10-05', details: `Le guetteur a dégagé en voyant la patrouille ${run}`, point: { lat: 49.44, lon: 2.1 } });
  ids.degage = degage.id;
  const rodeo = await seedReport({ district: 'argentine', place: `Stade ${run}`, date: '2026-09-12', frequency: 'weekly', kinds: ['quad'] }, { form: 'stop-rodeos' });
  ids.rodeo = rodeo.id;
  const other = await seedReport({ ...base, district: 'saint-jean', place: `14 ${STREET}, cage B`, date: '2026-11-01', details: run });
  ids.other = other.id;
  for (const r of [degage, rodeo, other]) expect(r.status).toBe(201);

  browser = await launchBrowser();
  context = await browser.newContext();
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
  await unlockViewer(page);
  await page.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
  await page.locator(`tr[data-report-id="${ids.other}"]`).waitFor();
});

afterAll(async () => {
  await browser?.close();
});

const mine = () => [...ids.stairs, ids.degage, ids.rodeo, ids.other];

describe('viewer: find', () => {
  it('searches the decrypted content, accent- and case-insensitively', async () => {
    await setFilters({ text: run });
    await expect.poll(shownIds).toEqual(sorted(mine()));
    await setFilters({ text: `DEGAGE ${run}` });
    await expect.poll(shownIds).toEqual([ids.degage]);
    expect(await page.locator('.find-result').innerText()).toMatch(/^1 signalement affiché sur \d+/);
    // Choice labels are searchable too: "Quad" is the label of the rodeo's `kinds`.
    await setFilters({ text: `quad ${run}` });
    await expect.poll(shownIds).toEqual([ids.rodeo]);
    await setFilters({ text: `introuvable ${run}` });
    await expect.poll(shownIds).toEqual([]);
    expect(await page.locator('.find').innerText()).toContain('Aucun signalement ne correspond à ces critères.');
    await clearAll();
  });

  it('filters by district, form, status and period', async () => {
    await setFilters({ text: run, district: 'saint-jean' });
    await expect.poll(shownIds).toEqual(sorted([...ids.stairs, ids.other]));
    await setFilters({ district: '', form: 'stop-rodeos' });
    await expect.poll(shownIds).toEqual([ids.rodeo]);
    await setFilters({ form: '', status: 'nouveau' });
    await expect.poll(shownIds).toEqual(sorted(mine()));
    await setFilters({ status: 'transmis' });
    await expect.poll(shownIds).toEqual([]);
    // The report's own date: the stairwell's were 2026-11-20 … 2026-11-24.
    await setFilters({ status: '', basis: 'reported', from: '2026-11-21', to: '2026-11-23' });
    await expect.poll(shownIds).toEqual(sorted(ids.stairs.slice(1, 4)));
    // Received: everything came today.
    await setFilters({ basis: 'received', from: '2026-01-01', to: '2026-01-31' });
    await expect.poll(shownIds).toEqual([]);
    const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
    await setFilters({ from: today, to: today });
    await expect.poll(shownIds).toEqual(sorted(mine()));
    expect(await page.locator('#find-heading').innerText()).toContain('3 filtres actifs');
  });

  it('has no accessibility violation on the list with filters and ticked reports', async () => {
    await page.locator(`tr[data-report-id="${ids.degage}"] input[type=checkbox]`).check();
    expect(await axeViolations()).toEqual([]);
    await page.locator(`tr[data-report-id="${ids.degage}"] input[type=checkbox]`).uncheck();
    await clearAll();
  });

  it('exports the ticked reports as CSV and GeoJSON downloads', async () => {
    await setFilters({ text: run });
    await expect.poll(shownIds).toEqual(sorted(mine()));
    await page.locator(`tr[data-report-id="${ids.degage}"] input[type=checkbox]`).check();
    await page.locator(`tr[data-report-id="${ids.rodeo}"] input[type=checkbox]`).check();
    expect(await page.locator('.export-target').innerText()).toContain('les 2 signalements sélectionnés');

    const csv = await download('Exporter en CSV');
    expect(csv.name).toMatch(/^signalements-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const lines = csv.text.slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('Statut du dossier');
    expect(lines.slice(1).map(csvId).sort()).toEqual(sorted([ids.degage, ids.rodeo]));
    expect(csv.text).toContain(`Le guetteur a dégagé en voyant la patrouille ${run}`);
    expect(csv.text).toContain('Nouveau');

    const geo = await download('Exporter en GeoJSON');
    expect(geo.name).toMatch(/\.geojson$/);
    const fc = JSON.parse(geo.text) as { type: string; features: Array<{ geometry: { coordinates: number[] }; properties: Record<string, unknown> }> };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(1); // the rodeo report gave no point
    expect(fc.features[0]!.geometry.coordinates).toEqual([2.1, 49.44]);
    expect(fc.features[0]!.properties).toMatchObject({ id: ids.degage, form: 'stop-deal', district: 'argentine', status: 'nouveau', place: `Parking ${run}` });
    await expect.poll(() => page.locator('.export-done').innerText()).toContain('.geojson');
  });

  it('exports the filtered list when nothing is ticked, and selects all shown', async () => {
    await page.getByRole('checkbox', { name: /^Sélectionner les \d+ signalements? affichés?$/ }).check();
    expect(await page.locator('.export-target').innerText()).toContain(`les ${mine().length} signalements sélectionnés`);
    await page.getByRole('checkbox', { name: /^Sélectionner les \d+ signalements? affichés?$/ }).uncheck();
    expect(await page.locator('.export-target').innerText()).toContain(`Aucun signalement sélectionné : porte sur les ${mine().length} signalements affichés.`);
    const csv = await download('Exporter en CSV');
    const lines = csv.text.slice(1).split('\r\n').filter(Boolean);
    expect(lines.slice(1).map(csvId).sort()).toEqual(sorted(mine()));
  });

  it('groups the five reports of the same stairwell into one hotspot of five', async () => {
    await page.getByRole('navigation', { name: 'Affichage des signalements' }).getByRole('link', { name: 'Points chauds' }).click();
    await page.getByRole('heading', { level: 1, name: 'Points chauds' }).waitFor();
    // The search is kept from one view to the next.
    expect(await page.inputValue('#find-text')).toBe(run);
    const spots = page.locator('li.hotspot');
    await expect.poll(() => spots.count()).toBe(1);
    const spot = spots.first();
    expect(await spot.locator('.hotspot-count').innerText()).toBe('5 signalements');
    const inSpot = await spot.locator('tr[data-report-id]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-report-id')));
    expect(sorted(inSpot as string[])).toEqual(sorted(ids.stairs));
    expect(await spot.locator('.hotspot-meta').innerText()).toContain('Saint-Jean');
    // "14 rue …" is another building: not in the hotspot.
    expect(inSpot).not.toContain(ids.other);
    expect(await axeViolations()).toEqual([]);

    await spot.getByRole('button', { name: 'Sélectionner ces 5 signalements' }).click();
    expect(await page.locator('.export-target').innerText()).toContain('les 5 signalements sélectionnés');
    await spot.getByRole('button', { name: 'Désélectionner ces 5 signalements' }).click();
    // A hotspot's report opens like any other.
    await spot.locator(`tr[data-report-id="${ids.stairs[0]}"]`).getByRole('link').click();
    await page.locator('article.report').waitFor();
    expect(await page.locator('main').innerText()).toContain(`Témoin 1 ${run}`);
  });

  it('talked to no origin but its own and the API’s', () => {
    const origins = new Set(requests.map((u) => new URL(u).origin));
    expect([...origins].filter((o) => o !== env.viewerUrl && o !== env.apiUrl)).toEqual([]);
    expect(origins.has(env.apiUrl)).toBe(true);
  });
});
