import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';

/**
 * The room-mate wish on a phone, by keyboard: an event whose add-on is a
 * place in a double room asks each participant whom they would share with;
 * the step is checked with axe, with and without errors, and the wish is
 * shown on the confirm step.
 */
test.setTimeout(120_000);
test.use({ viewport: { width: 390, height: 844 } });
const run = Date.now().toString(36);

async function makeEvent(page: Page): Promise<string> {
  await loginAs(page, 'manager');
  const csrf = await page.locator('input[name=_csrf]').first().inputValue();
  const day = 24 * 60 * 60_000;
  const at = (days: number, hours = 0) => new Date(Date.now() + days * day + hours * 3_600_000).toISOString();
  const res = await page.request.post('/api/v1/events', {
    headers: { 'x-csrf-token': csrf },
    data: {
      type: 'doegnseminar',
      status: 'published',
      title: `Døgnseminar med dobbeltværelser ${run}`,
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

async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await page.evaluate(() => document.activeElement?.id ?? '')) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.type(text);
}

test('the room-mate wish is asked by keyboard on a phone, beside a double room', async ({ page }) => {
  const slug = await makeEvent(page);
  await page.context().clearCookies();
  await page.goto(`/arrangementer/${slug}/tilmelding`);
  for (const [id, value] of [
    ['booker-name', 'Bente Booker'],
    ['booker-email', `bente-${run}@odder.dk`],
    ['payer-organisation', 'Odder Kommune'],
    ['payer-address', 'Rådhusgade 3'],
    ['payer-postalCode', '8300'],
    ['payer-city', 'Odder'],
    ['payer-email', 'faktura@odder.dk'],
  ] as const)
    await typeInto(page, id, value);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

  const wish = page.locator('#participants-0-roomMate');
  await expect(wish).toBeVisible();
  await expect(page.locator('label[for="participants-0-roomMate"]')).toContainText('Ønsker at dele værelse med');
  await expectNoAxeViolations(page);

  // Sent without a name: the error is beside the field and in the summary; the step stays clean for axe.
  await typeInto(page, 'participants-0-roomMate', 'Ole Lund');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await expect(page.locator('.alert-error')).toBeVisible();
  await expect(page.locator('#participants-0-roomMate')).toHaveValue('Ole Lund');
  await expectNoAxeViolations(page);

  await typeInto(page, 'participants-0-name', 'Ida Kjær');
  await typeInto(page, 'participants-0-email', `ida-${run}@odder.dk`);
  await typeInto(page, 'participants-0-jobTitle', 'Konsulent');
  await tabTo(page, 'participants-0-addOns');
  await page.keyboard.press('Space');
  await expect(page.locator('#participants-0-addOns')).toBeChecked();
  await tabTo(page, 'participants-0-roomMate');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await expect(page.locator('ol.tilmeld-summary-list')).toContainText('Ønsker at dele værelse med');
  await expect(page.locator('ol.tilmeld-summary-list')).toContainText('Ole Lund');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(page);
});
