/**
 * Accessibility of the reporter app (issue 2): axe finds no violation on the home screen, a
 * form step (with its errors shown), the review and the sent screen; on a 360 × 640 phone
 * nothing scrolls sideways, text is at least 18 px, tap targets at least 48 px, and the
 * keyboard focus is visible.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { axe, fillStopDeal, layout, next, openApp, send } from './pwa-steps.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await openApp(browser));
});
afterAll(async () => {
  await browser?.close();
});



async function checkScreen(p: Page) {
  expect(await axe(p)).toEqual([]);
  expect(await layout(p)).toEqual({ horizontalScroll: false, bodyFontPx: 18, lang: 'fr', small: [] });
}

describe('reporter app accessibility (360 × 640)', () => {
  it('home', async () => {
    await checkScreen(page);
  });

  it('shows a visible focus ring, starting with the skip link and "Quitter vite"', async () => {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      return { text: el.textContent, outline: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(focus).toEqual({ text: 'Quitter vite', outline: 'solid', width: 4 });
  });

  it('a form step, with its error summary and messages tied to the fields', async () => {
    await page.getByRole('button', { name: 'Commencer un signalement : Stop Deal' }).click();
    await page.getByRole('heading', { level: 2, name: 'Où ?' }).waitFor();
    await checkScreen(page);
    await next(page);
    const summary = page.getByRole('alert').filter({ hasText: 'Il y a 2 points à corriger' });
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    const place = page.getByLabel(/Rue, adresse ou repère/);
    await expect(place.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await place.getAttribute('aria-describedby'))!.split(' ');
    const described = await Promise.all(describedBy.map((id) => page.locator(`#${id}`).innerText()));
    expect(described).toContain('Écrivez une réponse pour « Rue, adresse ou repère ».');
    // The district choice is a fieldset whose legend names it.
    await expect(page.getByRole('group', { name: /Quartier/ }).getAttribute('aria-describedby')).resolves.toContain('e-district');
    await checkScreen(page);
    // A link of the summary moves the focus to its field.
    await summary.getByRole('link', { name: /Rue, adresse ou repère/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-place');
    await page.getByRole('button', { name: 'Revenir à l’accueil' }).click();
  });

  it('a step with a repeatable group', async () => {
    await page.getByRole('button', { name: /Stop Deal/ }).first().click();
    await page.getByLabel('Argentine').check();
    await page.getByLabel(/Rue, adresse ou repère/).fill('Hall B');
    await next(page);
    await page.getByLabel(/^Date/).fill('2026-11-20');
    await page.getByLabel('Une seule fois').check();
    await next(page);
    await page.getByLabel('Vente').check();
    await next(page);
    await page.getByRole('button', { name: 'Ajouter des personnes' }).click();
    // Focus moves to the new item's first field once it has rendered.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-people-0-count');
    await checkScreen(page);
    await page.getByRole('button', { name: 'Précédent' }).click();
    await page.getByRole('button', { name: 'Précédent' }).click();
    await page.getByRole('button', { name: 'Précédent' }).click();
    await page.getByRole('button', { name: 'Revenir à l’accueil' }).click();
    // The draft is kept; the resident may delete it, after a confirmation.
    await page.getByRole('button', { name: 'Effacer le brouillon : Stop Deal' }).click();
    await checkScreen(page);
    await page.getByRole('button', { name: 'Oui, effacer le brouillon' }).click();
    await page.getByRole('button', { name: 'Commencer un signalement : Stop Deal' }).waitFor();
  });

  it('the review and the sent screen', async () => {
    await fillStopDeal(page, { place: 'Derrière le gymnase', details: 'Tous les soirs', contact: 'par téléphone' });
    await checkScreen(page);
    await page.getByText('Voir les données exactes qui seront scellées').click();
    await checkScreen(page);
    await send(page);
    await page.locator('p.delivery[data-status="sent"]').waitFor({ timeout: 30_000 });
    await checkScreen(page);
  });
});
