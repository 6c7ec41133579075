import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';

/**
 * The menu's Registrations and Messages pages: a manager signs a colleague up
 * through the API, finds her by name across events in the registrations
 * overview and opens the event's list from there; the messages overview lists
 * the events to write to. axe on each page, with and without search results.
 */

const run = `${Date.now()}-${process.pid}`;
const NAME = `Henriette Overblik ${run}`;

test('a manager finds a participant across events and sees where to write messages', async ({ page, request }) => {
  const list = (await (await request.get('/api/v1/events?perPage=10')).json()) as { items: Array<{ slug: string; title: string; signup: { open: boolean } }> };
  let title = '';
  for (const event of list.items.filter((e) => e.signup.open)) {
    const res = await request.post(`/api/v1/events/${event.slug}/registrations`, {
      data: {
        locale: 'da',
        payer: {
          organisation: 'Favrskov Kommune',
          cvr: '29189714',
          address: 'Skovvejen 20',
          postalCode: '8382',
          city: 'Hinnerup',
          email: 'faktura@favrskov.dk',
        },
        booker: { name: 'Bo Booker', email: `bo-${run}@favrskov.dk` },
        participants: [{ name: NAME, email: `henriette-${run}@favrskov.dk`, jobTitle: 'Konsulent', workplace: 'HR' }],
        acceptTerms: true,
      },
    });
    if (res.status() === 201) {
      title = event.title;
      break;
    }
  }
  expect(title).not.toBe('');

  await loginAs(page, 'manager');
  await page.getByRole('link', { name: 'Tilmeldinger', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tilmeldinger' })).toBeVisible();
  await expect(page.getByRole('link', { name: title, exact: true }).first()).toHaveAttribute('href', /^\/admin\/events\/\d+\/registrations$/);
  await expectNoAxeViolations(page);

  await page.getByLabel('Søg efter deltager').fill(`overblik ${run}`);
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page.getByRole('heading', { name: '1 deltagere passer til søgningen' })).toBeVisible();
  await expect(page.getByRole('link', { name: NAME })).toHaveAttribute('href', /^\/admin\/registrations\/\d+$/);
  await expectNoAxeViolations(page);

  // The field's maxlength stops a browser from typing more; a hand-made address still gets the message.
  await page.goto(`/admin/registrations?q=${'x'.repeat(201)}`);
  await expect(page.locator('.alert-error')).toContainText('Søgningen må højst være 200 tegn.');
  await expectNoAxeViolations(page);

  await page.getByRole('navigation', { name: 'Administrationsmenu' }).getByRole('link', { name: 'Udsendelser' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Udsendelser' })).toBeVisible();
  await expect(page.getByRole('link', { name: `Skriv til deltagerne i ${title}` })).toBeVisible();
  await expectNoAxeViolations(page);
});
