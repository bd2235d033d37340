/**
 * Shared by the console's journeys: screenshots of a screen at both console sizes and in both
 * languages (saved under test-results/screens/), axe on each, and the check that every refusal on
 * screen is in the product's words (never a validation library's phrasing, an API field name or an
 * error code).
 */
import { expect, type Page } from '@playwright/test';
import { seriousViolations } from './axe.js';

export type ConsoleLocale = 'en' | 'es';

/** The console's own language switch, as an admin would use it; the pick is kept for the next pages. */
export async function chooseConsoleLanguage(page: Page, locale: ConsoleLocale): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('shiftpass-console-locale', l), locale);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

export const CONSOLE_SIZES = [
  [1366, 768],
  [390, 844],
] as const;

/**
 * Screenshots of the screen as it is now at 1366×768 and 390×844 (`<screen>-<w>x<h>[-es].png`), and
 * axe's serious or critical findings at each, added to `found`. Back at 1366×768 after.
 */
export async function screens(page: Page, screen: string, found: string[], locale: ConsoleLocale = 'en') {
  for (const [width, height] of CONSOLE_SIZES) {
    await page.setViewportSize({ width, height });
    // From the top: a full-page shot then shows the sticky top bar where people see it, and axe's
    // target-size check does not depend on which control the last scroll left under that bar.
    await page.evaluate(() => window.scrollTo(0, 0));
    const suffix = locale === 'en' ? '' : `-${locale}`;
    await page.screenshot({
      path: `test-results/screens/${screen}-${width}x${height}${suffix}.png`,
      fullPage: true,
    });
    found.push(...(await seriousViolations(page, `${screen} ${width}×${height} ${locale}`)));
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

/**
 * Opens a console page in each language in turn (through the saved pick, then a reload), waits for
 * `ready` (a locator that proves the page has loaded, per language), and takes `screens` of it.
 * Leaves the page in English.
 */
export async function screensInBothLanguages(
  page: Page,
  screen: string,
  found: string[],
  ready: (locale: ConsoleLocale) => ReturnType<Page['locator']>,
) {
  for (const locale of ['en', 'es'] as const) {
    await chooseConsoleLanguage(page, locale);
    await expect(ready(locale)).toBeVisible();
    await screens(page, screen, found, locale);
  }
  await chooseConsoleLanguage(page, 'en');
}

/** What a refusal must never say. */
export const NOT_PRODUCT_WORDS: [string, RegExp][] = [
  [
    'validation library phrasing',
    /expected|received|>=|<=|Invalid input|Too small|Too big|Unrecognized key/i,
  ],
  ['a label quoted twice', /""|“”|"“|”"/],
  ['an API field name', /\b[a-z]+[A-Z][A-Za-z]*\b|\b(apps|lockout|conditions)\.\w/],
  ['an error code', /\b[A-Z]{2,}_[A-Z_]+\b/],
];

/** The words of every refusal on the page: the descriptions of invalid fields, and alerts. */
export const refusalsOn = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const words: string[] = [];
    for (const field of document.querySelectorAll('[aria-invalid="true"]')) {
      for (const id of (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)) {
        const described = document.getElementById(id);
        if (described && !described.classList.contains('hint'))
          words.push(described.textContent?.trim() ?? '');
      }
    }
    for (const alert of document.querySelectorAll('[role="alert"]'))
      words.push(alert.textContent?.trim() ?? '');
    return words.filter(Boolean);
  });

/** Some refusal is shown, and every one is in the product's words; returns them. */
export async function expectProductWords(page: Page, form: string): Promise<string[]> {
  const words = await refusalsOn(page);
  expect(words, `${form}: some refusal is shown`).not.toEqual([]);
  for (const sentence of words) {
    for (const [what, pattern] of NOT_PRODUCT_WORDS)
      expect(sentence, `${form}: ${what}`).not.toMatch(pattern);
  }
  return words;
}

/** The console's navigation, opened first on a phone (where it sits behind the "Console menu" button). */
export async function consoleNav(page: Page) {
  const menu = page.getByRole('button', { name: /Console menu|Menú de la consola/ });
  if (await menu.isVisible()) {
    if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  }
  return page.getByRole('navigation', { name: /^(Console|Consola)$/ });
}
