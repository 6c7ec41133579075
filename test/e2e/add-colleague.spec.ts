import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';

/**
 * The booker signs up one more colleague from the self-service page, by
 * keyboard alone on a 390 px phone, with axe on the form, its error and
 * the booking afterwards.
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
