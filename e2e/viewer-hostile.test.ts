/**
 * Hostile content and the viewer's lockdown (issue 4): anyone holding the police public key can
 * seal a report, so 200 reports full of injection payloads are sealed in Node and served to the
 * viewer as its report list (`page.route`, same pages and cursor as PROTOCOL §5). Every one is
 * listed and opened: all render as text and no payload runs. Then the served headers are checked
 * and an inline script and an `eval` attempted by a script the page itself loads are blocked.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomB64, sealReport, useSumo } from '../crypto/index.ts';
import type { ReportItem } from '../schemas/api.ts';
import { activePoliceKey } from '../schemas/deployment.ts';
import { toB64 } from '../schemas/encoding.ts';
import { viewerHeaders } from '../scripts/deployment.ts';
import { launchBrowser } from './browser.ts';
import { testEnv } from './env.ts';
import { deployment } from './officer.ts';
import { serveReportList, unlockViewer } from './viewer-steps.ts';

useSumo();
const env = testEnv();
const N = 200;

/** Classic payloads: each sets `window.__pwned` (or fetches) if it ever runs. */
const PAYLOADS = [
  '<script>window.__pwned=(window.__pwned||0)+1</script>',
  '<img src=x onerror="window.__pwned=(window.__pwned||0)+1">',
  '<svg onload="window.__pwned=(window.__pwned||0)+1"></svg>',
  '"><script>window.__pwned=1</script>',
  "'><img src=x onerror=window.__pwned=1>",
  'javascript:window.__pwned=1',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<a href="javascript:window.__pwned=1">clic</a>',
  '<details open ontoggle="window.__pwned=1">',
  '<body onload=window.__pwned=1>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '<style>*{background:url("https://evil.example/x")}</style>',
  '<link rel=stylesheet href=https://evil.example/x.css>',
  '<object data="javascript:window.__pwned=1"></object>',
  '\u202Egnp.exe\u202C <b>gras</b>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<form action="https://evil.example/"><button>ok</button></form>',
  '${window.__pwned=1}',
];

let browser: Browser;
let page: Page;
const items: ReportItem[] = [];
const places = new Map<string, string>();
const foreignRequests: string[] = [];
const violations: string[] = [];


beforeAll(async () => {
  const police = activePoliceKey(deployment());
  for (let seq = 1; seq <= N; seq++) {
    const id = await randomB64(16);
    const p = PAYLOADS[seq % PAYLOADS.length]!;
    const place = `${seq}: ${p}`;
    places.set(id, place);
    const answers = {
      district: seq % 3 ? 'centre-ville' : p,
      place,
      date: '2026-11-20',
      frequency: seq % 4 ? 'daily' : p,
      activities: seq % 5 ? ['selling'] : [p],
      details: `${p} ${p}`,
      people: [{ count: 2, role: 'seller', description: p }],
      vehicles: [{ kind: 'car', make: p, colour: p, plate: p }],
      [p.slice(0, 40)]: p,
    };
    const { sealed } = await sealReport(
      { v: 1, id, form: seq % 10 ? 'stop-deal' : p.slice(0, 40), formVersion: 1, createdAt: '2026-11-23T21:40:00Z', answers, contact: seq % 2 ? p : null, replyTo: null, attachments: [] },
      police,
    );
    items.push({ seq, id, kid: police.kid, sealed: toB64(sealed), mailbox: false, blobs: [], receivedAt: '2026-11-23T21:00:00Z' });
  }
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('request', (r) => {
    const origin = new URL(r.url()).origin;
    if (origin !== env.viewerUrl && origin !== env.apiUrl && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreignRequests.push(r.url());
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Trusted Type/i.test(m.text())) violations.push(m.text());
  });
  await page.route((url) => url.origin === env.apiUrl && url.pathname === '/api/v1/reports', serveReportList(items));
  await unlockViewer(page);
  await page.locator('.list-status strong', { hasText: `${N} signalements` }).waitFor({ timeout: 45_000 });
});

afterAll(async () => {
  await browser?.close();
});

const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

describe('viewer: 200 hostile reports', () => {
  it('lists every one with its place as plain text', async () => {
    for (const [id, place] of places) {
      const cell = page.locator(`tr[data-report-id="${id}"]`);
      await expect(cell.innerText()).resolves.toContain(place.replace(/\s+/g, ' ').trim().slice(0, 20));
    }
    expect(await page.locator('table.reports script, table.reports img, table.reports iframe, table.reports svg[onload], table.reports object').count()).toBe(0);
    expect(await pwned()).toBeUndefined();
  });

  it('opens every one: text only, no payload element, nothing runs, no foreign request', async () => {
    for (const [id, place] of places) {
      await page.locator(`tr[data-report-id="${id}"]`).getByRole('link').click();
      const main = page.locator('main');
      await expect.poll(() => main.innerText(), { timeout: 10_000 }).toContain(place.slice(place.indexOf(':') + 2, place.indexOf(':') + 12));
      expect(await main.locator('script, iframe, object, img[src="x"], svg[onload], base, meta, form[action], link[rel=stylesheet], style').count()).toBe(0);
      await page.getByRole('link', { name: 'Tous les signalements' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
    }
    expect(await pwned()).toBeUndefined();
    expect(foreignRequests).toEqual([]);
    // 200 page visits: a bound against a stall, not a speed test (a loaded 2-core machine needs ~2 min).
  }, 240_000);
});

describe('viewer lockdown', () => {
  it('is served with the locked-down headers', async () => {
    const res = await fetch(env.viewerUrl + '/');
    const expected = viewerHeaders(deployment());
    for (const [name, value] of Object.entries(expected)) expect(res.headers.get(name)).toBe(value);
    expect(expected['Content-Security-Policy']).toMatch(/default-src 'none'/);
    expect(expected['Content-Security-Policy']).toMatch(/require-trusted-types-for 'script'/);
    expect(expected['Content-Security-Policy']).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  });

  it('refuses a script URL set from the page: Trusted Types are enforced', async () => {
    const error = await page.evaluate(() => {
      try {
        document.createElement('script').src = '/anything.js';
        return null;
      } catch (e) {
        return (e as Error).name;
      }
    });
    expect(error).toBe('TypeError');
  });

  it('blocks an inline script, eval and Function tried by a script the page itself loads', async () => {
    // The served page gets one extra same-origin script (allowed by script-src 'self'), with the
    // real headers kept; that script tries an inline script, eval and Function: all must fail.
    const probe = await browser.newPage();
    await probe.route(env.viewerUrl + '/', async (route) => {
      const res = await route.fetch();
      const html = (await res.text()).replace('</head>', '<script src="/probe.js"></script></head>');
      await route.fulfill({ response: res, body: html });
    });
    await probe.route(env.viewerUrl + '/probe.js', (route) =>
      route.fulfill({
        status: 200,
        headers: { 'Content-Type': 'text/javascript', 'Cross-Origin-Resource-Policy': 'same-origin' },
        body: `
          window.__probe = { ran: true, violations: [] };
          document.addEventListener('securitypolicyviolation', (e) => window.__probe.violations.push(e.violatedDirective));
          try { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.head.appendChild(s); } catch (e) { window.__probe.inlineError = e.name; }
          try { eval('window.__eval = 1'); } catch (e) { window.__probe.evalError = e.name; }
          try { new Function('window.__fn = 1')(); } catch (e) { window.__probe.fnError = e.name; }
        `,
      }),
    );
    const res = await probe.goto(env.viewerUrl + '/');
    expect(res?.headers()['content-security-policy']).toBe(viewerHeaders(deployment())['Content-Security-Policy']);
    await probe.waitForFunction(() => (window as unknown as { __probe?: unknown }).__probe !== undefined);
    await probe.waitForTimeout(200);
    const seen = await probe.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { probe: w.__probe as Record<string, unknown>, inline: w.__inline, evaled: w.__eval, fn: w.__fn };
    });
    expect(seen.probe.ran).toBe(true);
    expect([seen.inline, seen.evaled, seen.fn]).toEqual([undefined, undefined, undefined]);
    expect(seen.probe.inlineError).toBe('TypeError');
    expect(seen.probe.evalError).toBe('EvalError');
    expect(seen.probe.fnError).toBe('EvalError');
    await probe.close();
  });
});
