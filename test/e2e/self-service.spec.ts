import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { serverMailDirs } from './server-mail.js';

/**
 * The self-service page and "Mine tilmeldinger" by keyboard alone (Tab,
 * Enter, typing; no clicks), with axe on every page: the booking, a change
 * with an error, the cancel confirmation, the form for a link, the page the
 * mailed link opens, and the list. The registration is made through the
 * public API; the mailed link is read from the .eml files the server writes
 * when no SMTP server is set.
 */

const SEMINAR = 'konsulent-i-en-politisk-styret-organisation-';
const run = Date.now().toString(36);

// Each test walks several pages by keyboard and runs axe on each.
test.setTimeout(120_000);

interface Focused {
  tag: string;
  id: string;
  text: string;
  href: string;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      text: (el?.textContent ?? '').trim().replace(/\s+/g, ' '),
      href: el?.getAttribute('href') ?? '',
    };
  });
}

async function tabTo(page: Page, match: (f: Focused) => boolean, what: string): Promise<void> {
  if (match(await focused(page))) return;
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    if (match(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

async function enter(page: Page): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
}

/** A registration of two colleagues for the coming døgnseminar, made through the API. */
async function register(request: APIRequestContext, booker: string): Promise<string> {
  const year = new Date().getFullYear();
  for (const y of [year, year + 1, year + 2]) {
    const res = await request.post(`/api/v1/events/${SEMINAR}${y}/registrations`, {
      data: {
        locale: 'da',
        payer: {
          organisation: 'Skanderborg Kommune',
          cvr: '29189722',
          address: 'Adelgade 44',
          postalCode: '8660',
          city: 'Skanderborg',
          email: 'faktura@skanderborg.dk',
        },
        booker: { name: 'Birte Booker', email: booker },
        participants: [
          { name: 'Anna Andersen', email: `anna-${run}@skanderborg.dk`, jobTitle: 'Konsulent', workplace: 'Borgerservice' },
          { name: 'Bo Berg', email: `bo-${run}@skanderborg.dk`, jobTitle: 'Chefkonsulent', workplace: 'Økonomi' },
        ],
        acceptTerms: true,
      },
    });
    if (res.status() === 201) return new URL(((await res.json()) as { manageUrl: string }).manageUrl).pathname;
  }
  throw new Error('the coming døgnseminar was not open for sign-up');
}

/** The newest mail to `address` among the .eml files of the test servers, with its first link under `prefix`. */
async function mailedLink(address: string, prefix: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const dir of serverMailDirs()) {
      for (const file of fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.eml'))
        .sort()
        .reverse()) {
        const raw = fs.readFileSync(path.join(dir, file));
        if (!raw.includes(address)) continue;
        const mail = await simpleParser(raw);
        const link = new RegExp(`https?://[^\\s]+${prefix}[A-Za-z0-9_-]{43}`).exec(mail.text ?? '')?.[0];
        if (link) return new URL(link).pathname;
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail to ${address}`);
}

test('the self-service page: view, a change with an error, and cancelling one participant, by keyboard', async ({ page, request }) => {
  const manage = await register(request, `birte-${run}@skanderborg.dk`);
  const response = await page.goto(manage);
  expect(response?.headers()['cache-control']).toBe('no-store');
  expect(response?.headers()['referrer-policy']).toBe('no-referrer');
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('h1')).toContainText('Din tilmelding til Konsulent i en politisk styret organisation');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');
  await expect(page.getByRole('heading', { name: 'Anna Andersen' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Change Anna's details: empty her name to get an error first.
  await tabTo(page, (f) => f.tag === 'a' && f.href.endsWith('/ret') && f.text.includes('Anna Andersen'), 'the change link for Anna');
  await enter(page);
  await expect(page.locator('h1')).toHaveText('Ret oplysninger for Anna Andersen');
  await expectNoAxeViolations(page);
  await tabTo(page, (f) => f.id === 'participants-0-name', 'the name field');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Gem ændringer', 'Gem ændringer');
  await enter(page);
  await expect(page).toHaveTitle(/^Fejl: /);
  const summary = page.locator('[data-error-summary]');
  await expect(summary).toBeFocused();
  await expect(page.locator('#participants-0-name-error')).toContainText('Navn skal udfyldes.');
  await expect(page.locator('#participants-0-name')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  // The summary's link takes focus to the field.
  await tabTo(page, (f) => f.href === '#participants-0-name', 'the link in the error summary');
  await page.keyboard.press('Enter');
  await expect(page.locator('#participants-0-name')).toBeFocused();
  await page.keyboard.type('Anna Bech Andersen');
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Gem ændringer', 'Gem ændringer');
  await enter(page);
  await expect(page.getByRole('status')).toContainText('Ændringerne er gemt.');
  await expect(page.getByRole('heading', { name: 'Anna Bech Andersen' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Cancel Bo: the confirmation step says what it costs before anything happens.
  await tabTo(page, (f) => f.tag === 'a' && f.href.endsWith('/afmeld') && f.text.includes('Bo Berg'), 'the cancel link for Bo');
  await enter(page);
  await expect(page.locator('h1')).toHaveText('Afmeld Bo Berg?');
  await expect(page.getByText('Afmeldingen er gratis.')).toBeVisible();
  await expectNoAxeViolations(page);
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Ja, afmeld', 'Ja, afmeld');
  await enter(page);
  await expect(page.getByRole('status')).toContainText('Deltageren er afmeldt.');
  await expect(page.locator('li', { hasText: 'Bo Berg' })).toContainText('Afmeldt');
  await expectNoAxeViolations(page);

  // The calendar file downloads from the page.
  const calendar = await request.get(`${manage}/kalender.ics`);
  expect(calendar.headers()['content-type']).toMatch(/^text\/calendar/);
  expect(await calendar.text()).toContain('BEGIN:VEVENT');

  // An unknown token is just a page that was not found.
  expect((await page.goto(`/tilmelding/${'x'.repeat(43)}`))?.status()).toBe(404);
});

const MINE = {
  da: {
    path: '/mine-tilmeldinger',
    title: 'Mine tilmeldinger',
    invalid: 'Skriv en gyldig e-mailadresse',
    sentTitle: 'Tjek din e-mail',
    sent: 'Hvis adressen har tilmeldinger, har vi sendt et link til den.',
    overview: /\/mine-tilmeldinger\/oversigt$/,
    listIntro: (email: string) => `Tilmeldinger for ${email}:`,
    change: 'Se og ret',
    manage: /\/tilmelding\/[A-Za-z0-9_-]{43}$/,
  },
  en: {
    path: '/en/my-bookings',
    title: 'My registrations',
    invalid: 'Enter a valid e-mail address',
    sentTitle: 'Check your e-mail',
    sent: 'If the address has registrations, we have sent a link to it.',
    overview: /\/en\/my-bookings\/overview$/,
    listIntro: (email: string) => `Registrations for ${email}:`,
    change: 'See and change',
    manage: /\/en\/booking\/[A-Za-z0-9_-]{43}$/,
  },
} as const;

/** E-mail → link in the mail → the list → one registration, by keyboard; then the list again from the menu's address. */
async function mineTilmeldinger(page: Page, request: APIRequestContext, locale: 'da' | 'en', tag: string): Promise<void> {
  const T = MINE[locale];
  const booker = `mine-${tag}-${run}@skanderborg.dk`;
  await register(request, booker);
  await page.goto(T.path);
  await expect(page.locator('h1')).toHaveText(T.title);
  await expectNoAxeViolations(page);

  // An invalid address first.
  await tabTo(page, (f) => f.id === 'email', 'the e-mail field');
  await page.keyboard.type('ikke-en-adresse');
  await enter(page);
  await expect(page.locator('[data-error-summary]')).toBeFocused();
  await expect(page.locator('#email-error')).toContainText(T.invalid);
  await expectNoAxeViolations(page);

  await tabTo(page, (f) => f.id === 'email', 'the e-mail field');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(booker);
  await enter(page);
  await expect(page.locator('h1')).toHaveText(T.sentTitle);
  await expect(page.getByRole('status')).toContainText(T.sent);
  await expectNoAxeViolations(page);

  // The link in the mail goes straight to the list.
  const link = await mailedLink(booker, `${T.path}/link/`);
  await page.goto(link);
  await expect(page).toHaveURL(T.overview);
  await expect(page.locator('h1')).toHaveText(T.title);
  await expect(page.getByText(T.listIntro(booker))).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
  await tabTo(page, (f) => f.tag === 'a' && f.text === T.change, T.change);
  await enter(page);
  await expect(page).toHaveURL(T.manage);
  await expect(page.getByRole('heading', { name: 'Anna Andersen' })).toBeVisible();

  // For the next 30 minutes "Mine tilmeldinger" opens the list on this device.
  await page.goto(T.path);
  await expect(page).toHaveURL(T.overview);
  await expect(page.getByText(T.listIntro(booker))).toBeVisible();
}

test('"Mine tilmeldinger": ask for a link, use it, open a registration, by keyboard', async ({ page, request }) => {
  await mineTilmeldinger(page, request, 'da', 'da');
});

test('"My registrations" in English, the same two steps', async ({ page, request }) => {
  await mineTilmeldinger(page, request, 'en', 'en');
});

for (const locale of ['da', 'en'] as const) {
  test(`"Mine tilmeldinger" at 390×844 (${locale})`, async ({ browser, request }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      await mineTilmeldinger(page, request, locale, `phone-${locale}`);
    } finally {
      await context.close();
    }
  });
}
