import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';

/**
 * "Handle a registration in the back office": two colleagues sign up, a
 * manager opens the event's registrations, filters by their organisation,
 * opens the registration, adds an internal note (first empty, to see the
 * error summary), and cancels one participant. axe on every page visited.
 */

const run = `${Date.now()}-${process.pid}`;
const organisation = `Testrup Kommune ${run}`;
const eva = `Eva Hansen ${run}`;
const emil = `Emil Jensen ${run}`;

interface EventItem {
  slug: string;
  title: string;
  signup: { open: boolean };
}

async function signUpColleagues(request: APIRequestContext): Promise<string> {
  const list = (await (await request.get('/api/v1/events?perPage=10')).json()) as { items: EventItem[] };
  for (const event of list.items.filter((e) => e.signup.open)) {
    const res = await request.post(`/api/v1/events/${event.slug}/registrations`, {
      data: {
        locale: 'da',
        payer: { organisation, cvr: '29189722', address: 'Adelgade 44', postalCode: '8660', city: 'Skanderborg', email: 'faktura@testrup.dk' },
        booker: { name: 'Birte Booker', email: `birte-${run}@testrup.dk` },
        participants: [
          { name: eva, email: `eva-${run}@testrup.dk`, jobTitle: 'Konsulent', workplace: 'Borgerservice' },
          { name: emil, email: `emil-${run}@testrup.dk`, jobTitle: 'Specialist', workplace: 'Jobcenter' },
        ],
        acceptTerms: true,
      },
    });
    if (res.status() === 201) return event.title;
  }
  throw new Error('no event among the soonest ten took the sign-up');
}

test('handle a registration in the back office', async ({ page, request }) => {
  const title = await signUpColleagues(request);
  await loginAs(page, 'manager', '/admin/registrations');
  await expect(page.getByRole('heading', { level: 1, name: 'Tilmeldinger' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: title, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Tilmeldinger: ${title}`);
  await expect(page.getByRole('link', { name: 'Hent deltagere som CSV' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Organisation').selectOption({ label: organisation });
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page.getByRole('status')).toHaveText('2 deltagere');
  await expect(page.getByRole('link', { name: eva })).toBeVisible();
  await expect(page.getByRole('link', { name: emil })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: eva }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Tilmelding \d+$/);
  await expect(page.getByRole('heading', { level: 3, name: emil })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Tilføj note' }).click();
  await expect(page.getByRole('alert')).toContainText('Skriv noten.');
  await expectNoAxeViolations(page);
  await page.getByLabel('Ny note').fill('Eva ringede: kommer en time senere.');
  await page.getByRole('button', { name: 'Tilføj note' }).click();
  await expect(page.getByText('Noten er tilføjet.')).toBeVisible();
  await expect(page.getByText('Eva ringede: kommer en time senere.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page
    .getByRole('list', { name: `Handlinger for ${eva}` })
    .getByRole('link', { name: 'Afmeld deltager' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Afmeld ${eva}`);
  await expectNoAxeViolations(page);
  const waive = page.getByLabel('Frafald gebyret');
  if ((await waive.count()) > 0) await waive.check();
  await page.getByRole('button', { name: 'Afmeld', exact: true }).click();
  await expect(page.getByText('Deltageren er afmeldt og har fået besked.')).toBeVisible();
  await expect(page.getByRole('list', { name: `Handlinger for ${eva}` })).toHaveCount(0);
  await expect(page.getByText('Deltager afmeldt')).toBeVisible();
  await expectNoAxeViolations(page);
});
