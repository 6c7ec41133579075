import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';

/**
 * A manager changes the payer of a booking by keyboard on a 390 px phone:
 * a wrong CVR number first (the error beside the field and in the summary),
 * then the right one; axe on every page.
 */

const run = Date.now().toString(36);
test.setTimeout(120_000);
test.use({ viewport: { width: 390, height: 844 } });

async function tabToField(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await page.evaluate(() => document.activeElement?.id ?? '')) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

async function tabToText(page: Page, text: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await page.evaluate(() => (document.activeElement?.textContent ?? '').trim())) === text) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${text}`);
}

async function replaceValue(page: Page, id: string, value: string): Promise<void> {
  await tabToField(page, id);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
}

test('change the payer of a booking by keyboard', async ({ page, request }) => {
  const list = (await (await request.get('/api/v1/events?perPage=10')).json()) as { items: Array<{ slug: string; signup: { open: boolean } }> };
  let id = 0;
  for (const event of list.items.filter((e) => e.signup.open)) {
    const res = await request.post(`/api/v1/events/${event.slug}/registrations`, {
      data: {
        payer: {
          organisation: `Testrup Kommune ${run}`,
          cvr: '29189722',
          address: 'Adelgade 44',
          postalCode: '8660',
          city: 'Skanderborg',
          email: 'faktura@testrup.dk',
        },
        participants: [{ name: `Eva ${run}`, email: `eva-${run}@testrup.dk`, jobTitle: 'Konsulent', workplace: 'Borgerservice' }],
        acceptTerms: true,
      },
    });
    if (res.status() === 201) {
      id = ((await res.json()) as { id: number }).id;
      break;
    }
  }
  expect(id).toBeGreaterThan(0);
  await loginAs(page, 'manager', `/admin/registrations/${id}`);
  await tabToText(page, 'Ret betaler');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Betaler for tilmelding nr. ${id}`);
  await expectNoAxeViolations(page);

  await replaceValue(page, 'payer-organisation', `Horsens Kommune ${run}`);
  await replaceValue(page, 'payer-cvr', '12345678');
  await tabToText(page, 'Gem betaler');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page);

  await replaceValue(page, 'payer-cvr', '29189676');
  await tabToText(page, 'Gem betaler');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await expect(page.getByText('Betaleren er ændret.')).toBeVisible();
  await expect(page.getByText(`Horsens Kommune ${run}`).first()).toBeVisible();
  await expectNoAxeViolations(page);
});
