/**
 * The event editor in sections, as a course administrator uses it on a phone
 * (390 px): the new-event page by keyboard, the overview, every section page
 * (axe), rows added with and without JavaScript keeping what is typed, the
 * error summary, the keyboard, and the staff-only preview of a draft.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';

test.setTimeout(180_000);
test.use({ viewport: { width: 390, height: 844 } });

const SECTIONS = ['grundoplysninger', 'tid-og-sted', 'program', 'oplaegsholdere', 'priser', 'spoergsmaal', 'tilmelding', 'materialer', 'offentliggoerelse'];

/** Creates a draft through the new-event page; returns its id (the editor's overview is open). */
async function createDraft(page: Page, title: string): Promise<number> {
  await page.goto('/admin/events/new');
  await page.locator('#title').fill(title);
  await page.locator('#sessions-0-date').fill('15.10.2030');
  await page.locator('#sessions-0-start').fill('09.30');
  await page.locator('#sessions-0-end').fill('15.30');
  await page.locator('#price').fill('1.950,00');
  await page.locator('#capacity').fill('30');
  await page.getByRole('button', { name: 'Opret som kladde' }).click();
  await expect(page.getByText('Arrangementet er oprettet som kladde.')).toBeVisible();
  return Number(/\/admin\/events\/(\d+)\/rediger/.exec(page.url())?.[1]);
}

test('a new event is created by keyboard at 390 px: errors beside the fields and in the summary, then the overview', async ({ page }) => {
  await loginAs(page, 'manager', '/admin/events');
  await page.getByRole('link', { name: 'Opret arrangement' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/admin\/events\/new$/);
  await expect(page.locator('h1')).toHaveText('Opret arrangement');
  // Only what a draft needs: the rest is for the section pages.
  await expect(page.locator('#sessions-0-date')).toBeVisible();
  await expect(page.locator('#addOns-0-nameDa, #questions-0-labelDa, #speakers-0-name, #freeDays')).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Typed with the keyboard, with a bad date and price; Enter in a field sends the form.
  const title = `Kladde med tastaturet ${Date.now()}`;
  await page.locator('#title').focus();
  await page.keyboard.type(title);
  await page.locator('#sessions-0-date').focus();
  await page.keyboard.type('31.02.2030');
  await page.keyboard.press('Tab');
  await page.keyboard.type('09.30');
  await page.locator('#sessions-0-end').focus();
  await page.keyboard.type('15.30');
  await page.locator('#price').focus();
  await page.keyboard.type('gratis');
  await page.keyboard.press('Enter');
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page.locator('#error-summary')).toContainText('Skriv en gyldig dato');
  await expect(page.locator('#error-summary')).toContainText('Skriv et beløb i kroner');
  await expect(page.locator('#error-summary')).toContainText('Antal pladser');
  await expect(page.locator('#sessions-0-date-error')).toBeVisible();
  await expect(page.locator('#price-error')).toBeVisible();
  await expect(page.locator('#capacity-error')).toBeVisible();
  await expect(page.locator('#title')).toHaveValue(title);
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The summary's first link takes the keyboard to the date.
  await page.locator('#error-summary a').first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#sessions-0-date$/);
  await page.locator('#sessions-0-date').fill('');
  await page.keyboard.type('15.10.2030');
  await page.locator('#price').fill('');
  await page.locator('#price').focus();
  await page.keyboard.type('1.950,00');
  await page.locator('#capacity').fill('');
  await page.locator('#capacity').focus();
  await page.keyboard.type('30');
  await page.keyboard.press('Enter');

  // The draft exists; the overview says what is left before it can be published.
  await expect(page.getByText('Arrangementet er oprettet som kladde.')).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/events\/\d+\/rediger\?created=1$/);
  await expect(page.locator('h1')).toContainText(title);
  await expect(page.getByRole('link', { name: /Tid og sted: Arrangementet har intet sted/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.locator('main').getByRole('link', { name: 'Program', exact: true }).click();
  await expect(page.locator('#sessions-0-title')).toHaveValue(title);
});

test('the overview and every section page pass axe at 390 px and work by keyboard', async ({ page }) => {
  await loginAs(page, 'manager', '/admin/events');
  const id = await createDraft(page, `Sektioner ${Date.now()}`);
  await expect(page).toHaveURL(new RegExp(`/admin/events/${id}/rediger\\?created=1$`));
  await expect(page.locator('h1')).toContainText('Ret arrangementet');
  await expect(page.locator('#blockers-heading')).toBeVisible();
  await expect(page.getByRole('link', { name: /Tid og sted: Arrangementet har intet sted/ })).toBeVisible();
  await expectNoAxeViolations(page);
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  for (const s of SECTIONS) {
    await page.goto(`/admin/events/${id}/rediger/${s}`);
    await expect(page.locator('h1')).toBeVisible();
    await expectNoAxeViolations(page);
  }

  // By keyboard: from the overview's link to the programme, then save it with Enter.
  await page.goto(`/admin/events/${id}/rediger`);
  const link = page.locator('main').getByRole('link', { name: 'Program', exact: true });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/rediger/program$`));
  await page.locator('#sessions-0-room').focus();
  await page.keyboard.type('Sal B');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Program er gemt.')).toBeVisible();
  await expect(page.locator('#sessions-0-room')).toHaveValue('Sal B');
});

test('programme rows are added without a reload, focus on the new row, and save', async ({ page }) => {
  await loginAs(page, 'manager', '/admin/events');
  const id = await createDraft(page, `Program med JS ${Date.now()}`);
  await page.goto(`/admin/events/${id}/rediger/program`);
  await page.locator('#sessions-0-room').fill('Typet før tilføjelse');
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  for (const n of [1, 2]) {
    await page.getByRole('button', { name: 'Tilføj programpunkt' }).click();
    await expect(page.locator(`#sessions-${n}-title`)).toBeFocused();
    await page.keyboard.type(`Punkt ${n + 1}`);
    await page.locator(`#sessions-${n}-date`).fill('15.10.2030');
    await page.locator(`#sessions-${n}-start`).fill(`${10 + n}.00`);
    await page.locator(`#sessions-${n}-end`).fill(`${10 + n}.45`);
  }
  // Still the same page: no reload, and what was typed is there.
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  await expect(page.locator('#sessions-0-room')).toHaveValue('Typet før tilføjelse');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Gem Program' }).click();
  await expect(page.getByText('Program er gemt.')).toBeVisible();
  await expect(page.locator('#sessions-2-title')).toHaveValue('Punkt 3');
});

test('without JavaScript "add" re-renders the section with the input kept and the new row focused', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await loginAs(page, 'manager', '/admin/events');
  const id = await createDraft(page, `Program uden JS ${Date.now()}`);
  await page.goto(`/admin/events/${id}/rediger/program`);
  await page.locator('#sessions-0-room').fill('Ikke gemt endnu');
  await page.getByRole('button', { name: 'Tilføj programpunkt' }).click();
  await expect(page).toHaveURL(new RegExp(`/rediger/program$`));
  await expect(page.locator('#sessions-0-room')).toHaveValue('Ikke gemt endnu');
  await expect(page.locator('#sessions-1-title')).toBeFocused();
  await page.keyboard.type('Eftermiddag');
  await page.locator('#sessions-1-date').fill('15.10.2030');
  await page.locator('#sessions-1-start').fill('16.00');
  await page.locator('#sessions-1-end').fill('17.00');
  // (axe needs JavaScript; the same page is scanned in the tests with it.)
  await page.getByRole('button', { name: 'Gem Program' }).click();
  await expect(page.getByText('Program er gemt.')).toBeVisible();
  await expect(page.locator('#sessions-0-room')).toHaveValue('Ikke gemt endnu');
  await expect(page.locator('#sessions-1-title')).toHaveValue('Eftermiddag');
  await context.close();
});

test('a bad section shows the error summary and the errors beside the fields, and the preview is marked', async ({ page }) => {
  await loginAs(page, 'manager', '/admin/events');
  const title = `Fejl og forhåndsvisning ${Date.now()}`;
  const id = await createDraft(page, title);
  await page.goto(`/admin/events/${id}/rediger/tilmelding`);
  await page.locator('#capacity').fill('mange');
  await page.locator('#closesDate').fill('31.02.2030');
  await page.getByRole('button', { name: 'Gem Tilmelding og afmelding' }).click();
  await expect(page.locator('#error-summary')).toBeVisible();
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page.locator('#capacity-error')).toBeVisible();
  await expectNoAxeViolations(page);
  // The summary's link takes the keyboard to the field.
  await page.locator('#error-summary a').first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#capacity$/);

  await page.goto(`/admin/events/${id}/rediger`);
  await page.getByRole('link', { name: 'Forhåndsvis', exact: true }).click();
  await expect(page.locator('[data-preview]')).toContainText('Forhåndsvisning');
  await expect(page.locator('h1')).toHaveText(title);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expectNoAxeViolations(page);

  // A visitor cannot see it.
  const visitor = await page.context().browser()!.newContext();
  const anon = await visitor.newPage();
  await anon.goto(`/admin/events/${id}/forhaandsvisning`);
  await expect(anon.locator('[data-preview]')).toHaveCount(0);
  await visitor.close();
});

/** Picks an option of the focused select by typing the start of its text, as a keyboard user does. */
async function choose(page: Page, id: string, text: string, value: string): Promise<void> {
  await expect(page.locator(`#${id}`)).toBeFocused();
  await page.keyboard.type(text);
  await expect(page.locator(`#${id}`)).toHaveValue(value);
}

test('nights and meals are added as rows by keyboard, saved, and counted in the venue report', async ({ page }) => {
  await loginAs(page, 'manager', '/admin/events');
  const id = await createDraft(page, `Døgnkursus ${Date.now()}`);
  await page.goto(`/admin/events/${id}/rediger/priser`);
  // Only the kind shows until it is chosen; the night and the day are offered by name, from the event's own dates.
  await page.getByRole('button', { name: 'Tilføj nat eller måltid til prisen' }).focus();
  await page.keyboard.press('Enter');
  await choose(page, 'inclusions-0-kind', 'Overnatning', 'night');
  await expect(page.locator('#inclusions-0-day')).toBeHidden();
  await page.keyboard.press('Tab');
  await choose(page, 'inclusions-0-night', 'natten til tirsdag', '2030-10-14');
  await page.getByRole('button', { name: 'Tilføj nat eller måltid til prisen' }).focus();
  await page.keyboard.press('Enter');
  await choose(page, 'inclusions-1-kind', 'Middag', 'dinner');
  await expect(page.locator('#inclusions-1-night')).toBeHidden();
  await page.keyboard.press('Tab');
  await choose(page, 'inclusions-1-day', 'tirsdag', '2030-10-15');

  // An add-on that upgrades the night to a double room and adds breakfast.
  await page.locator('#addOns-0-nameDa').focus();
  await page.keyboard.type('Dobbeltværelse og morgenmad');
  await page.locator('#addOns-0-nameEn').focus();
  await page.keyboard.type('Double room and breakfast');
  await page.locator('#addOns-0-code').focus();
  await page.keyboard.type('dobbelt');
  await page.locator('#addOns-0-price').focus();
  await page.keyboard.type('400');
  await page.getByRole('button', { name: 'Tilføj nat eller måltid til tilvalg 1' }).focus();
  await page.keyboard.press('Enter');
  await choose(page, 'addOns-0-inclusions-0-kind', 'Overnatning', 'night');
  await page.keyboard.press('Tab');
  await choose(page, 'addOns-0-inclusions-0-night', 'natten', '2030-10-14');
  await page.keyboard.press('Tab');
  await choose(page, 'addOns-0-inclusions-0-room', 'Dobbelt', 'double');
  await page.getByRole('button', { name: 'Tilføj nat eller måltid til tilvalg 1' }).focus();
  await page.keyboard.press('Enter');
  await choose(page, 'addOns-0-inclusions-1-kind', 'Morgenmad', 'breakfast');
  await page.keyboard.press('Tab');
  await choose(page, 'addOns-0-inclusions-1-day', 'tirsdag', '2030-10-15');
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.getByRole('button', { name: 'Gem Priser og tilvalg' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Priser og tilvalg er gemt.')).toBeVisible();
  await expect(page.locator('#inclusions-0-night')).toHaveValue('2030-10-14');
  await expect(page.locator('#inclusions-1-day')).toHaveValue('2030-10-15');
  await expect(page.locator('#addOns-0-inclusions-0-room')).toHaveValue('double');
  await expect(page.locator('#addOns-0-inclusions-1-kind')).toHaveValue('breakfast');
  await expectNoAxeViolations(page);
  // A new add-on's own list of nights and meals is added to without a reload as well.
  await page.getByRole('button', { name: 'Tilføj tilvalg' }).click();
  await expect(page.locator('#addOns-1-nameDa')).toBeFocused();
  await page.getByRole('button', { name: 'Tilføj nat eller måltid til tilvalg 2' }).click();
  await expect(page.locator('#addOns-1-inclusions-0-kind')).toBeFocused();
  await expect(page.locator('#addOns-1-inclusions-0-kind')).toHaveAttribute('name', 'addOns[1][inclusions][0][kind]');

  // Published with a place, two sign up: one with the add-on, one without.
  await page.goto(`/admin/events/${id}/rediger/tid-og-sted`);
  await page.locator('#venueId').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Gem Tid og sted' }).click();
  await expect(page.getByText('Tid og sted er gemt.')).toBeVisible();
  await page.goto(`/admin/events/${id}/rediger/offentliggoerelse`);
  await page.getByRole('button', { name: 'Offentliggør' }).click();
  await page.goto(`/admin/events/${id}/rediger/grundoplysninger`);
  const slug = await page.locator('#slug').inputValue();
  const person = (n: number, addOns: string[]) => ({
    name: `Deltager ${n}`,
    email: `doegn-${id}-${n}@testrup.dk`,
    jobTitle: 'Konsulent',
    workplace: 'Borgerservice',
    addOns,
  });
  const signedUp = await page.request.post(`/api/v1/events/${slug}/registrations`, {
    data: {
      locale: 'da',
      payer: { organisation: 'Testrup Kommune', cvr: '29189722', address: 'Adelgade 44', postalCode: '8660', city: 'Skanderborg', email: 'faktura@testrup.dk' },
      booker: { name: 'Birte Booker', email: `birte-${id}@testrup.dk` },
      participants: [person(1, ['dobbelt']), person(2, [])],
      acceptTerms: true,
    },
  });
  expect(signedUp.status()).toBe(201);

  // The venue report (the same figures as its PDF and workbook) counts them.
  const report = await (await page.request.get(`/api/v1/events/${slug}/venue-report`)).json();
  expect(report.nights).toEqual([expect.objectContaining({ date: '2030-10-14', single: 1, doubleGuests: 1, guests: 2, beforeStart: true })]);
  const covers = (meal: string) => report.meals.find((m: { meal: string; date: string }) => m.meal === meal && m.date === '2030-10-15')?.covers;
  expect([covers('breakfast'), covers('dinner')]).toEqual([1, 2]);
});
