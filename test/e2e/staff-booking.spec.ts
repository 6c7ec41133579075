import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';

/**
 * A manager books for someone who phones, by keyboard on a 390 px phone:
 * "Opret tilmelding" from the event's list, a second participant added
 * without losing what was typed, a wrong e-mail first (the error beside the
 * field and in the summary), then the booking; axe on every page.
 */

const run = Date.now().toString(36);
test.setTimeout(120_000);
test.use({ viewport: { width: 390, height: 844 } });

async function tabTo(page: Page, found: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await found()) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}`);
}

const tabToField = (page: Page, id: string) => tabTo(page, async () => (await page.evaluate(() => document.activeElement?.id ?? '')) === id, `#${id}`);
const tabToText = (page: Page, text: string) =>
  tabTo(page, async () => (await page.evaluate(() => (document.activeElement?.textContent ?? '').trim())) === text, text);

async function type(page: Page, id: string, value: string): Promise<void> {
  await tabToField(page, id);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
}

async function press(page: Page, text: string): Promise<void> {
  await tabToText(page, text);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

test('a manager books two participants by keyboard', async ({ page, request }) => {
  const list = (await (await request.get('/api/v1/events?perPage=20')).json()) as { items: Array<{ title: string; signup: { open: boolean } }> };
  const titles = list.items.filter((e) => e.signup.open).map((e) => e.title);
  expect(titles.length).toBeGreaterThan(0);
  await loginAs(page, 'manager', '/admin/registrations');
  const links = page.locator('a[href^="/admin/events/"][href$="/registrations"]');
  const hrefs = await links.evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href') ?? '', text: (a.textContent ?? '').trim() })));
  const target = hrefs.find((h) => titles.includes(h.text)) ?? hrefs[0];
  expect(target).toBeDefined();
  await page.goto(target!.href);

  await press(page, 'Opret tilmelding');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Opret tilmelding');
  await expect(page.locator('#sendConfirmation')).toBeChecked();
  await expectNoAxeViolations(page);

  // A free event asks for no booker and no payer, as the public form.
  if ((await page.locator('#booker-name').count()) > 0) {
    await type(page, 'booker-name', `Hanne ${run}`);
    await type(page, 'booker-email', `hanne-${run}@testrup.dk`);
    await type(page, 'payer-organisation', `Testrup Kommune ${run}`);
    await type(page, 'payer-cvr', '29189722');
    await type(page, 'payer-address', 'Adelgade 44');
    await type(page, 'payer-postalCode', '8660');
    await type(page, 'payer-city', 'Skanderborg');
    await type(page, 'payer-email', 'faktura@testrup.dk');
  }
  await type(page, 'participants-0-name', `Eva ${run}`);
  await type(page, 'participants-0-email', `eva-${run}@testrup.dk`);
  await type(page, 'participants-0-jobTitle', 'Konsulent');
  await type(page, 'participants-0-workplace', 'Borgerservice');
  await press(page, 'Tilføj deltager');
  await expect(page.locator('#participants-0-name')).toHaveValue(`Eva ${run}`);
  await expect(page.locator('#participants-1-name')).toBeFocused();
  await expectNoAxeViolations(page);

  await type(page, 'participants-1-name', `Ole ${run}`);
  await type(page, 'participants-1-email', 'ikke-en-e-mail');
  await type(page, 'participants-1-jobTitle', 'Konsulent');
  await type(page, 'participants-1-workplace', 'Borgerservice');
  await tabToField(page, 'acceptTerms');
  await page.keyboard.press('Space');
  await tabToField(page, 'ignoreDeadline');
  await page.keyboard.press('Space');
  await tabToField(page, 'sendConfirmation');
  await page.keyboard.press('Space');
  await expect(page.locator('#sendConfirmation')).not.toBeChecked();
  await press(page, 'Opret tilmelding');
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(page.locator('#participants-1-email-error')).toBeVisible();
  await expect(page.locator('#participants-0-name')).toHaveValue(`Eva ${run}`);
  await expect(page.locator('#sendConfirmation')).not.toBeChecked();
  await expectNoAxeViolations(page);

  await type(page, 'participants-1-email', `ole-${run}@testrup.dk`);
  await press(page, 'Opret tilmelding');
  await expect(page.getByText('Tilmeldingen er oprettet.')).toBeVisible();
  await expect(page.getByText(`Eva ${run}`).first()).toBeVisible();
  await expect(page.getByText(`Ole ${run}`).first()).toBeVisible();
  await expectNoAxeViolations(page);
});
