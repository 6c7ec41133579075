import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';

/**
 * The booker signs up one more colleague from the self-service page, by
 * keyboard alone on a 390 px phone, with axe on the form, its error and
 * the booking afterwards; on an event with add-ons the colleague chooses a
 * place in a double room and names a room-mate.
 */

const SEMINAR = 'konsulent-i-en-politisk-styret-organisation-';
const run = Date.now().toString(36);
test.setTimeout(120_000);
test.use({ viewport: { width: 390, height: 844 } });

async function activeText(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement?.textContent ?? '').trim().replace(/\s+/g, ' '));
}

async function tabToText(page: Page, text: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await activeText(page)) === text) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${text}`);
}

async function tabToField(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await page.evaluate(() => document.activeElement?.id ?? '')) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

test('a colleague joins the booking by keyboard on a phone', async ({ page, request }) => {
  const year = new Date().getFullYear();
  let manage = '';
  for (const y of [year, year + 1, year + 2]) {
    const res = await request.post(`/api/v1/events/${SEMINAR}${y}/registrations`, {
      data: {
        payer: {
          organisation: 'Skanderborg Kommune',
          cvr: '29189722',
          address: 'Adelgade 44',
          postalCode: '8660',
          city: 'Skanderborg',
          email: 'faktura@skanderborg.dk',
        },
        participants: [{ name: 'Anna Andersen', email: `anna-${run}@skanderborg.dk`, jobTitle: 'Konsulent', workplace: 'Borgerservice' }],
        acceptTerms: true,
      },
    });
    if (res.status() === 201) {
      manage = new URL(((await res.json()) as { manageUrl: string }).manageUrl).pathname;
      break;
    }
  }
  expect(manage).not.toBe('');
  await page.goto(manage);
  await tabToText(page, 'Tilmeld en kollega mere');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tilmeld en kollega mere');
  await expectNoAxeViolations(page);

  // The same e-mail as Anna's: refused, with the error beside the field and in the summary.
  await tabToField(page, 'participants-0-name');
  await page.keyboard.type('Carl Kollega');
  await tabToField(page, 'participants-0-email');
  await page.keyboard.type(`anna-${run}@skanderborg.dk`);
  await tabToField(page, 'participants-0-jobTitle');
  await page.keyboard.type('Specialkonsulent');
  await tabToField(page, 'participants-0-workplace');
  await page.keyboard.type('Digitalisering');
  await tabToText(page, 'Tilmeld kollegaen');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await expect(page.getByRole('alert')).toContainText('samme e-mailadresse');
  await expectNoAxeViolations(page);

  await tabToField(page, 'participants-0-email');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(`carl-${run}@skanderborg.dk`);
  await tabToText(page, 'Tilmeld kollegaen');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await expect(page.getByText('Kollegaen er tilmeldt.')).toBeVisible();
  await expect(page.getByText('Carl Kollega').first()).toBeVisible();
  await expectNoAxeViolations(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

/** A published event whose add-on is a place in a double room, made through the staff API. */
async function eventWithAddOn(page: Page): Promise<string> {
  await loginAs(page, 'manager');
  const csrf = await page.locator('input[name=_csrf]').first().inputValue();
  const day = 24 * 60 * 60_000;
  const at = (days: number, hours = 0) => new Date(Date.now() + days * day + hours * 3_600_000).toISOString();
  const res = await page.request.post('/api/v1/events', {
    headers: { 'x-csrf-token': csrf },
    data: {
      type: 'doegnseminar',
      status: 'published',
      title: `Døgnseminar med tilvalg ${run}`,
      summary: 'To dage med overnatning.',
      body: 'Oplæg og øvelser.',
      audience: 'Alle.',
      included: 'Forplejning.',
      sessions: [{ startsAt: at(30), endsAt: at(31, 6), title: 'Seminar' }],
      capacity: 40,
      priceOre: 250_000,
      vatMode: 'standard',
      signupOpensAt: at(-1),
      signupClosesAt: at(29),
      addOns: [{ code: 'dobbelt', nameDa: 'Overnatning i dobbeltværelse', nameEn: 'Overnight stay, double room', kind: 'overnight-double', priceOre: 60_000 }],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { slug: string }).slug;
}

test('a colleague chooses an add-on and a room-mate by keyboard on a phone', async ({ page }) => {
  const slug = await eventWithAddOn(page);
  await page.context().clearCookies();
  const res = await page.request.post(`/api/v1/events/${slug}/registrations`, {
    data: {
      payer: { organisation: 'Odder Kommune', address: 'Rådhusgade 3', postalCode: '8300', city: 'Odder', email: 'faktura@odder.dk' },
      participants: [{ name: 'Bente Booker', email: `bente-${run}@odder.dk`, jobTitle: 'Konsulent', workplace: 'HR' }],
      acceptTerms: true,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  await page.goto(new URL(((await res.json()) as { manageUrl: string }).manageUrl).pathname);
  await tabToText(page, 'Tilmeld en kollega mere');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await expect(page.locator('#participants-0-addOns')).not.toBeChecked();
  await expect(page.locator('label[for="participants-0-roomMate"]')).toContainText('Ønsker at dele værelse med');
  await expectNoAxeViolations(page);

  for (const [id, value] of [
    ['participants-0-name', 'Ida Kjær'],
    ['participants-0-email', `ida-${run}@odder.dk`],
    ['participants-0-jobTitle', 'Konsulent'],
    ['participants-0-workplace', 'Borgerservice'],
  ] as const) {
    await tabToField(page, id);
    await page.keyboard.type(value);
  }
  await tabToField(page, 'participants-0-addOns');
  await page.keyboard.press('Space');
  await expect(page.locator('#participants-0-addOns')).toBeChecked();
  await tabToField(page, 'participants-0-roomMate');
  await page.keyboard.type('Bente Booker');
  await tabToText(page, 'Tilmeld kollegaen');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await expect(page.getByText('Kollegaen er tilmeldt.')).toBeVisible();
  const ida = page.locator('li.tilmeld-participant-card').filter({ has: page.getByRole('heading', { name: 'Ida Kjær' }) });
  await expect(ida).toContainText('Overnatning i dobbeltværelse');
  await expect(ida).toContainText('Bente Booker');
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
