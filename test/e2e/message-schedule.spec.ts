import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';

/**
 * A message that is not finished cannot go out, and one can wait for its
 * time: on a phone (390 px) and with the keyboard, a manager tries to send
 * the "practical information" template as it is (the gap in brackets is
 * caught beside the field and in the summary), fills it in, schedules it for
 * a day next week, sees it as scheduled and cancels it. axe on every page.
 */

const run = `${Date.now()}-${process.pid}`;

interface EventItem {
  slug: string;
  title: string;
  signup: { open: boolean };
}

async function eventWithParticipant(request: APIRequestContext): Promise<string> {
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
        booker: { name: 'Birte Booker', email: `birte-plan-${run}@skanderborg.dk` },
        participants: [{ name: 'Palle Planlagt', email: `palle-${run}@skanderborg.dk`, jobTitle: 'Konsulent', workplace: 'Borgerservice' }],
        acceptTerms: true,
      },
    });
    if (res.status() === 201) return event.title;
  }
  throw new Error('no event among the soonest ten took a sign-up');
}

/** A day next week in Danish time, as the three parts of the date field. */
function nextWeek(): { day: string; month: string; year: string; text: RegExp } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'numeric', year: 'numeric' })
      .formatToParts(new Date(Date.now() + 7 * 86_400_000))
      .map((p) => [p.type, p.value]),
  );
  return { day: parts.day!, month: parts.month!, year: parts.year!, text: new RegExp(`${parts.day}\\. \\p{L}+ ${parts.year} kl\\. 10\\.15`, 'u') };
}

test('an unfinished message is refused, and a finished one is scheduled and cancelled, at 390 px with the keyboard', async ({ page, request }) => {
  // Five axe scans and eight page loads: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const title = await eventWithParticipant(request);
  await loginAs(page, 'manager', `/admin/events?q=${encodeURIComponent(title)}`);
  await page.getByRole('link', { name: title, exact: true }).first().click();
  await page.getByRole('link', { name: 'Send e-mail til deltagerne' }).click();
  await expect(page.getByLabel('Tekst på dansk', { exact: true })).toHaveValue(/\[skriv om ankomst/);
  await expectNoAxeViolations(page);

  // The template as it is: refused, with the gap named beside the field and in the summary.
  await page.getByRole('button', { name: 'Vis eksempel' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').first()).toContainText('firkantede parenteser');
  await expect(page.locator('#bodyDa-error')).toContainText('[skriv om ankomst');
  await expectNoAxeViolations(page);
  // The summary's link takes the keyboard to the field.
  await page.locator('#error-summary a[href="#bodyDa"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Tekst på dansk', { exact: true })).toBeFocused();

  const da = await page.getByLabel('Tekst på dansk', { exact: true }).inputValue();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(da.replace(/\[[^\]]*\]/, 'Mød op ved hovedindgangen. Se [programmet]({{link}}).'));
  const en = page.getByLabel('Tekst på engelsk (frivilligt)');
  await en.fill((await en.inputValue()).replace(/\[[^\]]*\]/, 'Meet at the main entrance.'));

  // Schedule by keyboard: the radio, then day, month, year and time.
  const when = nextWeek();
  await page.getByRole('radio', { name: 'Planlæg til en bestemt dato og et bestemt klokkeslæt' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Dag', { exact: true })).toBeFocused();
  await page.keyboard.type(when.day);
  await page.keyboard.press('Tab');
  await page.keyboard.type(when.month);
  await page.keyboard.press('Tab');
  await page.keyboard.type(when.year);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(/^Klokkeslæt/)).toBeFocused();
  await page.keyboard.type('10.15');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Vis eksempel' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Eksempel' })).toBeVisible();
  const schedule = page.getByRole('button', { name: /^Planlæg til / });
  await expect(schedule).toHaveText(when.text);
  await expectNoAxeViolations(page);
  await schedule.focus();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('status')).toContainText('Beskeden er planlagt til');
  await expect(page.getByText(/Beskeden er ikke sendt endnu/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Annuller planlægningen' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Planlægningen er annulleret');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Tilbage til udsendelserne' }).click();
  await expect(page.locator('td[data-status="cancelled"]').first()).toHaveText('Annulleret');
  await expect(page.getByRole('heading', { name: 'Automatisk påmindelse' })).toBeVisible();
  await expectNoAxeViolations(page);
});
