import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';

/**
 * "E-mail the participants": a participant signs up, a manager opens the
 * event in the back office, writes a message from a template, previews it,
 * sends it, and watches the progress and the delivery log fill in as the
 * server's outbox worker sends. axe on every page.
 */

const run = `${Date.now()}-${process.pid}`;
const email = `maja-${run}@skanderborg.dk`;

interface EventItem {
  slug: string;
  title: string;
  signup: { open: boolean };
}

/** Signs Maja up for the soonest event open for sign-up; returns its title. */
async function signUp(request: APIRequestContext): Promise<string> {
  const list = (await (await request.get('/api/v1/events?perPage=10')).json()) as { items: EventItem[] };
  for (const event of list.items.filter((e) => e.signup.open)) {
    const res = await request.post(`/api/v1/events/${event.slug}/registrations`, {
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
        booker: { name: 'Birte Booker', email: `birte-${run}@skanderborg.dk` },
        participants: [{ name: 'Maja Modtager', email, jobTitle: 'Konsulent', workplace: 'Borgerservice' }],
        acceptTerms: true,
      },
    });
    if (res.status() === 201) {
      const body = (await res.json()) as { participants?: Array<{ status: string }> };
      if (body.participants?.[0]?.status === 'confirmed' || body.participants === undefined) return event.title;
    }
  }
  throw new Error('no event among the soonest ten gave Maja a seat');
}

test('a manager e-mails the participants from a template and follows the delivery', async ({ page, request }) => {
  const title = await signUp(request);
  await loginAs(page, 'manager', `/admin/events?q=${encodeURIComponent(title)}`);
  await page.getByRole('link', { name: title, exact: true }).first().click();
  await page.getByRole('link', { name: 'Send e-mail til deltagerne' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Udsendelser: ${title}`);
  await expectNoAxeViolations(page);

  // Pick the reminder template: subject and text are filled in Danish and English.
  await page.getByLabel('Skabelon', { exact: true }).selectOption('reminder');
  await page.getByRole('button', { name: 'Brug skabelonen' }).click();
  await expect(page.getByLabel('Emne på dansk', { exact: true })).toHaveValue('Påmindelse: {{arrangement}} {{dato}}');
  await expect(page.getByLabel('Emne på engelsk (frivilligt)')).toHaveValue('Reminder: {{event}} on {{date}}');
  await expect(page.getByText('{{mine_tilmeldinger}}').first()).toBeVisible();

  // An unknown placeholder is caught beside the field and in the summary.
  await page.getByLabel('Tekst på dansk', { exact: true }).fill('Kære {{nvan}}');
  await page.getByRole('button', { name: 'Vis eksempel' }).click();
  await expect(page.getByRole('alert')).toContainText('{{nvan}}');
  await expect(page.locator('#bodyDa-error')).toContainText('{{nvan}}');
  await expectNoAxeViolations(page);

  await page.getByLabel('Tekst på dansk', { exact: true }).fill('Kære {{navn}}\n\nHusk {{arrangement}} {{dato}}.\n\nVenlig hilsen');
  await page.getByRole('radio', { name: /^Deltagere med plads/ }).check();
  await page.getByRole('button', { name: 'Vis eksempel' }).click();
  await expect(page.getByRole('heading', { name: 'Eksempel' })).toBeVisible();
  await expect(page.getByText(/Beskeden sendes til \d+ modtagere?/)).toBeVisible();
  await expect(page.locator('#preview')).toContainText(`Påmindelse: ${title}`);
  await expectNoAxeViolations(page);

  // The progress page reloads itself once the outbox is empty; while axe scans
  // it, its polls are told that mail still waits, so the scan is never cut short.
  let holdProgress = true;
  await page.route('**/progress', async (route) => {
    if (!holdProgress) return route.continue();
    await route.fulfill({ json: { total: 1, queued: 1, sent: 0, failed: 0 } });
  });
  await page.getByRole('button', { name: /^Send til \d+ modtagere?$/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Udsendelse: Påmindelse: {{arrangement}} {{dato}}`);
  await expect(page.getByRole('status')).toContainText('Udsendelsen er lagt i kø');
  await expect(page.getByRole('progressbar', { name: 'Afsendelse' })).toBeVisible();
  await expectNoAxeViolations(page);
  holdProgress = false;

  // The server's worker sends (to .eml files here); the page follows by itself.
  await expect(page.getByText('Alle e-mails er behandlet.')).toBeVisible({ timeout: 20_000 });
  const row = page.getByRole('table', { name: 'Status for hver modtager' }).getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Maja Modtager');
  await expect(row).toContainText('Sendt');
  await expect(row).toContainText('dansk');
  await expectNoAxeViolations(page);

  // The polling script: shown the page as it looked while sending, it updates
  // the counts in place from the JSON endpoint and reloads once all are handled.
  const campaignUrl = page.url().split('?')[0]!;
  let htmlLoads = 0;
  await page.route(campaignUrl, async (route) => {
    htmlLoads += 1;
    const response = await route.fetch();
    const body = (await response.text()).replace('data-busy="false"', htmlLoads === 1 ? 'data-busy="true"' : 'data-busy="false"');
    await route.fulfill({ response, body });
  });
  let polls = 0;
  await page.route(`${campaignUrl}/progress`, async (route) => {
    polls += 1;
    const counts = polls === 1 ? { total: 40, queued: 30, sent: 9, failed: 1 } : { total: 40, queued: 0, sent: 39, failed: 1 };
    await route.fulfill({ json: counts });
  });
  await page.goto(campaignUrl);
  await expect(page.locator('[data-count="queued"]')).toHaveText('30');
  await expect(page.locator('[data-summary]')).toContainText('Sendt 9 af');
  await expect.poll(() => htmlLoads, { timeout: 15_000 }).toBe(2);
  await expect(page.getByText('Alle e-mails er behandlet.')).toBeVisible();
  await page.unrouteAll();

  await page.getByRole('link', { name: 'Tilbage til udsendelserne' }).click();
  await expect(page.getByRole('link', { name: 'Påmindelse: {{arrangement}} {{dato}}' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});
