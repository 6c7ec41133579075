import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';

/**
 * Facilitation groups in the browser: the demo's døgnseminar has 60
 * participants and a three-round plan. A manager opens the groups page and
 * the plan (axe at 1280 and 390 px wide), then moves a person to another
 * table and re-optimises with the keyboard alone; the moved person stays.
 */
test.setTimeout(180_000);

const SEMINAR = 'Konsulent i en politisk styret organisation';

interface Focused {
  id: string;
  text: string;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { id: el?.id ?? '', text: (el?.textContent ?? '').trim().replace(/\s+/g, ' ') };
  });
}

async function tabTo(page: Page, match: (f: Focused) => boolean, what: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<Focused> {
  for (let i = 0; i < 300; i++) {
    const f = await focused(page);
    if (match(f)) return f;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached ${what}`);
}

async function axeAtBothWidths(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  // As a phone opens it: loaded at 390 px (DKFDS lays out its header once, at load).
  await page.reload();
  await expectNoAxeViolations(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no sideways scrolling of the page at 390 px').toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('plan tables and move a person with the keyboard alone', async ({ page }) => {
  const list = (await (await page.request.get('/api/v1/events?perPage=50')).json()) as {
    items: Array<{ slug: string; title: string; signup: { open: boolean } }>;
  };
  const seminar = list.items.find((e) => e.title === SEMINAR && e.signup.open)!;
  await loginAs(page, 'manager');
  const registrations = (await (await page.request.get(`/api/v1/registrations?event=${seminar.slug}&perPage=1`)).json()) as { event: { id: number } };
  const eventId = registrations.event.id;

  await page.goto(`/admin/events/${eventId}/grupper`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Grupper: ${SEMINAR}`);
  // The demo seats 60; the sign-up tests that ran before may have added more.
  await expect(page.getByText(/^Deltagere med plads: \d+$/)).toBeVisible();
  await axeAtBothWidths(page);

  await page
    .getByRole('link', { name: /^Plan nr\. \d+$/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Runde 3' })).toBeVisible();
  await axeAtBothWidths(page);

  // From the top of the page: Tab to the first person's table in round 1, pick the next table with the arrow key, Tab to Flyt, Enter.
  await page.keyboard.press('Tab');
  const select = await tabTo(page, (f) => f.id.startsWith('move-1-'), 'the first move field of round 1');
  const before = await page.locator(`#${select.id}`).inputValue();
  await page.keyboard.press('ArrowDown');
  const chosen = await page.locator(`#${select.id}`).inputValue();
  expect(chosen).not.toBe(before);
  await tabTo(page, (f) => f.text === 'Flyt', 'the move button');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await expect(page.getByText('Deltageren er flyttet og låst til bordet.')).toBeVisible();
  await expect(page.locator(`#${select.id}`)).toHaveValue(chosen);
  await expect(page.locator('tr', { has: page.locator(`#${select.id}`) })).toContainText('(låst)');

  // The page opens at the moved person; the button is above them.
  await page.keyboard.press('Shift+Tab');
  await tabTo(page, (f) => f.text === 'Optimér resten igen', 'the re-optimise button', 'Shift+Tab');
  await Promise.all([page.waitForNavigation({ timeout: 60_000 }), page.keyboard.press('Enter')]);
  await expect(page.getByText('Planen er optimeret igen.')).toBeVisible();
  await expect(page.locator(`#${select.id}`)).toHaveValue(chosen);
  await expectNoAxeViolations(page);
});
