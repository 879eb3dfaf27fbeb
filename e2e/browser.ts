/** Debian's Chromium through playwright-core (never `playwright install`: no download here). */
import { chromium, errors, type Browser, type Page, type Request } from 'playwright-core';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * `page.goto` that survives one stalled local request: it waits for `load` up to 20 s and,
 * if none comes, prints the requests still pending (so a CI log says what stalled) and
 * navigates once more. A page that fails to load twice still fails its test.
 */
export async function visit(page: Page, url: string): Promise<void> {
  const pending = new Set<Request>();
  const start = (r: Request) => pending.add(r);
  const end = (r: Request) => pending.delete(r);
  page.on('request', start);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  try {
    await page.goto(url, { timeout: 20_000 });
  } catch (e) {
    if (!(e instanceof errors.TimeoutError)) throw e;
    const stalled = [...pending].map((r) => `${r.method()} ${r.url()}`).join(', ') || 'none';
    console.warn(`visit ${url}: no load event after 20 s (pending: ${stalled}); navigating once more`);
    await page.goto(url, { timeout: 30_000 });
  } finally {
    page.off('request', start);
    page.off('requestfinished', end);
    page.off('requestfailed', end);
  }
}
