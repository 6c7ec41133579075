import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';

/**
 * The header at a phone's and a laptop's width: the DKFDS "Menu" button and
 * drawer, operated by keyboard only; the language choice; the footer's
 * shortcuts without JavaScript; axe on every public page at both widths.
 */

const phone = { width: 390, height: 844 };
const laptop = { width: 1280, height: 800 };

/** Tabs from the top of the page until `target` has focus (at most 30 presses). */
async function tabTo(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('the element was not reached with Tab');
}

const focusInsideDrawer = (page: Page) => page.evaluate(() => document.getElementById('mobile-drawer')!.contains(document.activeElement));

async function firstEventPath(page: Page, catalogue: string): Promise<string> {
  await page.goto(catalogue);
  const href = await page.locator('.card-heading a').first().getAttribute('href');
  expect(href).toBeTruthy();
  return href!;
}

test.describe('at 390 × 844', () => {
  test.use({ viewport: phone });

  for (const [path, linkName, expected] of [
    ['/', 'Arrangementer', /\/arrangementer$/],
    ['/en', 'Events', /\/en\/events$/],
  ] as const) {
    test(`${path}: the menu opens with Enter, keeps Tab inside, closes with Escape and leads on`, async ({ page }) => {
      await page.goto(path);
      const menu = page.locator('.js-menu-open');
      const drawer = page.locator('#mobile-drawer');
      await expect(menu).toBeVisible();
      await expect(page.locator('.navigation-menu')).toBeHidden();
      await expect(drawer).toBeHidden();

      await tabTo(page, menu);
      await page.keyboard.press('Enter');
      await expect(drawer).toBeVisible();
      expect(await focusInsideDrawer(page)).toBe(true);
      // More presses than the drawer has stops, both ways: focus never leaves it.
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        expect(await focusInsideDrawer(page), `after Tab ${i + 1}`).toBe(true);
      }
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Shift+Tab');
        expect(await focusInsideDrawer(page), `after Shift+Tab ${i + 1}`).toBe(true);
      }

      await page.keyboard.press('Escape');
      await expect(drawer).toBeHidden();
      expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);

      await page.keyboard.press('Enter');
      await expect(drawer).toBeVisible();
      await expectNoAxeViolations(page);
      const link = drawer.getByRole('link', { name: linkName, exact: true });
      await tabTo(page, link);
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(expected);
      await expect(page.locator('#mobile-drawer')).toBeHidden();
    });
  }

  test('the language is chosen in the drawer', async ({ page }) => {
    await page.goto('/nyheder');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.locator('#mobile-drawer').getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/en\/news$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.locator('#mobile-drawer').getByRole('heading', { name: 'Choose language' })).toBeVisible();
    await page.locator('#mobile-drawer').getByRole('link', { name: 'Dansk' }).click();
    await expect(page).toHaveURL(/\/nyheder$/);
  });

  test('without JavaScript the footer carries the menu and the language', async ({ browser }) => {
    const context = await browser.newContext({ viewport: phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('.js-menu-open')).toBeHidden();
    const shortcuts = page.getByRole('navigation', { name: 'Genveje' });
    for (const name of ['Forside', 'Arrangementer', 'Nyheder', 'Mine tilmeldinger', 'Read this page in English']) {
      await expect(shortcuts.getByRole('link', { name })).toBeVisible();
    }
    await shortcuts.getByRole('link', { name: 'Mine tilmeldinger' }).click();
    await expect(page).toHaveURL(/\/mine-tilmeldinger$/);
    await context.close();
  });
});

test.describe('at 1280 × 800', () => {
  test.use({ viewport: laptop });

  test('the menu bar is shown, the Menu button is not, and the language list opens with the keyboard', async ({ page }) => {
    await page.goto('/arrangementer');
    await expect(page.locator('.js-menu-open')).toBeHidden();
    const bar = page.getByRole('navigation', { name: 'Hovedmenu' });
    await expect(bar.getByRole('link', { name: 'Arrangementer' })).toHaveAttribute('aria-current', 'page');
    const language = page.getByRole('button', { name: 'Sprog: Dansk' });
    await tabTo(page, language);
    await page.keyboard.press('Enter');
    const english = page.locator('#header-language-list').getByRole('link', { name: 'English' });
    await expect(english).toBeVisible();
    await expectNoAxeViolations(page);
    await english.click();
    await expect(page).toHaveURL(/\/en\/events$/);
  });
});

const publicPages = [
  '/',
  '/en',
  '/arrangementer',
  '/en/events',
  '/nyheder',
  '/en/news',
  '/mine-tilmeldinger',
  '/en/my-bookings',
  '/tilgaengelighed',
  '/en/accessibility',
  '/privatliv',
  '/en/privacy',
];

for (const viewport of [phone, laptop]) {
  test(`every public page has no axe violations at ${viewport.width} px`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    const extra: string[] = [];
    for (const catalogue of ['/arrangementer', '/en/events']) {
      const event = await firstEventPath(page, catalogue);
      extra.push(event);
    }
    await page.goto('/nyheder');
    const article = await page.locator('main a[href^="/nyheder/"]').first().getAttribute('href');
    if (article) extra.push(article);
    for (const path of [...publicPages, ...extra]) {
      await page.goto(path);
      await expect(page.locator('h1'), path).toHaveCount(1);
      await expectNoAxeViolations(page);
    }
  });
}

test.describe('the back office', () => {
  test('at 390 px the drawer holds the menu, the account and logout; axe finds nothing', async ({ page }) => {
    await page.setViewportSize(phone);
    await loginAs(page, 'admin');
    await expectNoAxeViolations(page);
    const menu = page.locator('.js-menu-open');
    await tabTo(page, menu);
    await page.keyboard.press('Enter');
    const drawer = page.locator('#mobile-drawer');
    await expect(drawer).toBeVisible();
    await expect(drawer.getByRole('button', { name: 'Log ud' })).toBeVisible();
    await expect(drawer.getByRole('link', { name: 'Min konto' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await page.keyboard.press('Enter');
    await tabTo(page, drawer.getByRole('link', { name: 'Arrangementer', exact: true }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/admin\/events$/);
    await expectNoAxeViolations(page);
  });

  test('at 1280 px the menu bar shows; the language choice saves and returns to the same page', async ({ page }) => {
    await page.setViewportSize(laptop);
    await loginAs(page, 'facilitator', '/admin/events');
    await expect(page.getByRole('navigation', { name: 'Administrationsmenu' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Sprog: Dansk' }).click();
    await page.locator('#header-language-list').getByRole('button', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/admin\/events$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Language: English' }).click();
    await page.locator('#header-language-list').getByRole('button', { name: 'Dansk' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  });

  test('the login page offers the other language as a link', async ({ page }) => {
    await page.setViewportSize(phone);
    await page.goto('/admin/login');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.locator('#mobile-drawer').getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/admin\/login\?lang=en$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoAxeViolations(page);
  });
});
