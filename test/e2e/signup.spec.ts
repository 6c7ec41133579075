import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoAxeViolations as checkAxe } from './axe.js';

/**
 * The sign-up of the demo's coming døgnseminar, by keyboard alone (Tab,
 * Shift+Tab, Space, Enter; no clicks), with JavaScript and without, in Danish
 * and English, on a laptop and at 390×844.
 * Other specs share the demo database, so seat counts are not assumed: the
 * receipt says either confirmed or waiting list.
 */

const SEMINAR = 'konsulent-i-en-politisk-styret-organisation-';

interface Focused {
  tag: string;
  id: string;
  type: string;
  name: string;
  value: string;
  text: string;
  href: string;
  checked: boolean;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      type: el?.getAttribute('type') ?? '',
      name: el?.getAttribute('name') ?? '',
      value: el?.value ?? '',
      text: (el?.textContent ?? '').trim(),
      href: el?.getAttribute('href') ?? '',
      checked: el?.checked ?? false,
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches, unless it already does; fails after too many presses. */
async function tabTo(page: Page, match: (f: Focused) => boolean, what: string, options: { back?: boolean; max?: number } = {}): Promise<Focused> {
  const now = await focused(page);
  if (match(now)) return now;
  for (let i = 0; i < (options.max ?? 250); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (match(f)) return f;
  }
  throw new Error(`Tab never reached ${what}`);
}

const byId = (id: string) => (f: Focused) => f.id === id;
const button = (text: string) => (f: Focused) => f.tag === 'button' && f.text === text;

/** Activates the focused button or link with Enter and waits for the next page. */
async function enter(page: Page): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
}

/** Moves to a field by Tab and types into it (replacing what is there). */
async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, byId(id), `#${id}`);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** The event page of the coming døgnseminar, found from the catalogue. */
async function seminarEventPage(page: Page): Promise<string> {
  await page.goto('/arrangementer');
  const hrefs = await page.locator(`a[href^="/arrangementer/${SEMINAR}"]`).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => !h.endsWith('-2016'));
  expect(href, 'the coming døgnseminar in the catalogue').toBeTruthy();
  return href!;
}

/** The texts the run looks for, in each language. */
const TEXT = {
  da: {
    signupPath: '/tilmelding',
    step: (n: number) => `Trin ${n} af 3`,
    steps: ['Betaler', 'Deltagere', 'Bekræft'],
    next: 'Næste',
    errorTitle: /^Fejl: /,
    bookerRequired: 'Dit navn skal udfyldes.',
    organisationRequired: 'Organisation skal udfyldes.',
    add: 'Tilføj deltager',
    remove3: 'Fjern deltager 3',
    removed3: 'Deltager 3 er fjernet fra tilmeldingen.',
    line: (n: number, name: string) => `Deltager ${n}, ${name}: Deltagelse`,
    total: 'I alt inkl. moms',
    terms: 'Betingelser for tilmelding',
    send: 'Send tilmelding',
    termsRequired: 'Du skal acceptere betingelserne',
    thanks: 'Tak for din tilmelding',
    status: /^(Bekræftet|På venteliste)$/,
    manage: 'Gå til din tilmelding',
    nextHeading: 'Det sker nu',
  },
  en: {
    signupPath: '/signup',
    step: (n: number) => `Step ${n} of 3`,
    steps: ['Payer', 'Participants', 'Confirm'],
    next: 'Next',
    errorTitle: /^Error: /,
    bookerRequired: 'Your name is required.',
    organisationRequired: 'Organisation is required.',
    add: 'Add participant',
    remove3: 'Remove participant 3',
    removed3: 'Participant 3 has been removed from the registration.',
    line: (n: number, name: string) => `Participant ${n}, ${name}: Participation`,
    total: 'Total incl. VAT',
    terms: 'Terms of registration',
    send: 'Send registration',
    termsRequired: 'You must accept the terms',
    thanks: 'Thank you for signing up',
    status: /^(Confirmed|On the waiting list)$/,
    manage: 'Go to your registration',
    nextHeading: 'What happens next',
  },
} as const;

type Locale = keyof typeof TEXT;

/**
 * Fills one participant's fieldset by walking it with Tab: the person's own
 * fields, an answer to every question (text typed, first choice taken with
 * Space) and, for the first participant, the first add-on that is not sold out.
 */
async function fillParticipant(page: Page, index: number, person: { name: string; email: string }, options: { pickAddOn: boolean }): Promise<void> {
  const p = `participants-${index}-`;
  await typeInto(page, `${p}name`, person.name);
  const values: Record<string, string> = { email: person.email, jobTitle: 'Konsulent', workplace: 'Skanderborg Kommune' };
  let pickedAddOn = !options.pickAddOn;
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.tag === 'button') break;
    if (!f.id.startsWith(p)) continue;
    const field = f.id.slice(p.length);
    if (field in values) {
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(values[field]!);
    } else if (field.startsWith('answers-')) {
      if (f.tag === 'textarea' || f.type === 'text') {
        if (!f.value) await page.keyboard.type('Facilitering på tværs af forvaltninger');
      } else if (f.type === 'radio' && !f.checked) {
        await page.keyboard.press('Space');
      } else if (f.type === 'checkbox' && /^answers-\d+$/.test(field) && !f.checked) {
        await page.keyboard.press('Space');
      }
    } else if (field.startsWith('addOns') && f.type === 'checkbox' && !pickedAddOn) {
      if (!f.checked) await page.keyboard.press('Space');
      pickedAddOn = true;
    }
  }
}

/** The whole sign-up by keyboard, from the event page to the receipt. */
async function signUpByKeyboard(page: Page, javaScript: boolean, locale: Locale = 'da', tag: string = javaScript ? 'js' : 'nojs'): Promise<void> {
  const T = TEXT[locale];
  const stepHeading = (n: number) => page.locator('h2', { hasText: T.step(n) });
  const stepNow = page.locator('[aria-current="step"]');
  // axe runs as a script in the page, so it checks the pages of the run with JavaScript (the HTML is the same).
  const expectNoAxeViolations = javaScript ? checkAxe : async () => {};
  const danishPath = await seminarEventPage(page);
  const eventPath = locale === 'da' ? danishPath : `/en/events/${danishPath.split('/').pop()!}`;
  await page.goto(eventPath);
  await expect(page.locator('h1')).toHaveCount(1);

  // From the event page to the form: Tab to the sign-up link, Enter.
  await tabTo(page, (f) => f.tag === 'a' && f.href.endsWith(T.signupPath), 'the sign-up link');
  await enter(page);
  await expect(page).toHaveURL(new RegExp(`/${SEMINAR}\\d{4}${T.signupPath}$`));
  await expect(stepHeading(1)).toBeVisible();
  await expect(stepNow).toContainText(T.steps[0]);
  await expectNoAxeViolations(page);

  // An error state: Next with nothing filled in; the booker's fields come first.
  await tabTo(page, button(T.next), T.next);
  await enter(page);
  await expect(page).toHaveTitle(T.errorTitle);
  const summary = page.locator('[data-error-summary]');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link', { name: T.bookerRequired })).toBeVisible();
  await expect(summary.getByRole('link', { name: T.organisationRequired })).toBeVisible();
  await expect(page.locator('#booker-name-error')).toContainText(T.bookerRequired);
  await expect(page.locator('#payer-organisation-error')).toContainText(T.organisationRequired);
  await expect(page.locator('#payer-organisation')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  const booker = { name: 'Anna Holm', email: `anna.${tag}@skanderborg.dk` };
  if (javaScript) {
    // The summary has focus; its first link takes you to the field.
    await expect(summary).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('#booker-name')).toBeFocused();
    await page.keyboard.type(booker.name);
  } else {
    await typeInto(page, 'booker-name', booker.name);
  }
  await typeInto(page, 'booker-email', booker.email);
  await typeInto(page, 'payer-organisation', 'Skanderborg Kommune');
  await typeInto(page, 'payer-cvr', '29189919');
  await typeInto(page, 'payer-ean', '5798000416604');
  await typeInto(page, 'payer-personReference', 'HRK');
  await typeInto(page, 'payer-address', 'Adelgade 44');
  await typeInto(page, 'payer-postalCode', '8660');
  await typeInto(page, 'payer-city', 'Skanderborg');
  await typeInto(page, 'payer-email', 'faktura@skanderborg.dk');
  // Enter in a text field goes forward ("Næste"), as the invisible default button makes sure.
  await enter(page);

  await expect(stepHeading(2)).toBeVisible();
  await expect(stepNow).toContainText(T.steps[1]);
  // The new step starts at its heading (what a screen reader announces), not at the top of the page.
  if (javaScript) await expect(page.locator('#step-heading')).toBeFocused();
  await expect(page.locator('#participants-0-workplace')).toHaveValue('Skanderborg Kommune');
  await expectNoAxeViolations(page);
  // "Jeg deltager selv" with Space: with JavaScript the booker fills participant 1 at once;
  // without it the server copies the booker when the step is sent.
  await tabTo(page, byId('bookerParticipates'), 'Jeg deltager selv');
  await page.keyboard.press('Space');
  await expect(page.locator('#bookerParticipates')).toBeChecked();
  if (javaScript) {
    await expect(page.locator('#participants-0-name')).toHaveValue(booker.name);
    await expect(page.locator('#participants-0-email')).toHaveValue(booker.email);
  }
  await fillParticipant(page, 0, booker, { pickAddOn: true });

  // Add a participant (a submit button: works without JavaScript); the new one's name field has focus.
  await tabTo(page, button(T.add), T.add);
  await enter(page);
  await expect(page.locator('fieldset.tilmeld-participant')).toHaveCount(2);
  await expect(page.locator('#participants-1-name')).toBeFocused();
  await page.keyboard.type('Bo Berg');
  await fillParticipant(page, 1, { name: 'Bo Berg', email: `bo.${tag}@skanderborg.dk` }, { pickAddOn: false });
  await expect(page.locator('#participants-0-name')).toHaveValue('Anna Holm');

  // Add a third and remove it again.
  await tabTo(page, button(T.add), T.add);
  await enter(page);
  await expect(page.locator('fieldset.tilmeld-participant')).toHaveCount(3);
  await tabTo(page, button(T.remove3), T.remove3);
  await enter(page);
  await expect(page.locator('fieldset.tilmeld-participant')).toHaveCount(2);
  await expect(page.getByText(T.removed3)).toBeVisible();
  await expect(page.locator('#participants-1-name')).toHaveValue('Bo Berg');

  await tabTo(page, button(T.next), T.next);
  await enter(page);
  await expect(stepHeading(3)).toBeVisible();
  await expect(stepNow).toContainText(T.steps[2]);
  if (javaScript) await expect(page.locator('#step-heading')).toBeFocused();
  await expect(page.getByText(T.line(1, 'Anna Holm'))).toBeVisible();
  await expect(page.getByText(T.line(2, 'Bo Berg'))).toBeVisible();
  await expect(page.getByText(T.total)).toBeVisible();
  await expect(page.getByRole('heading', { name: T.terms })).toBeVisible();
  await expectNoAxeViolations(page);

  // Sending without accepting the terms is an error on this step.
  await tabTo(page, button(T.send), T.send);
  await enter(page);
  await expect(page).toHaveTitle(T.errorTitle);
  await expect(page.locator('#acceptTerms-error')).toContainText(T.termsRequired);

  // Consent and terms with Space, then send with Enter.
  await tabTo(page, byId('consentToParticipantList'), 'consent');
  await page.keyboard.press('Space');
  await tabTo(page, byId('acceptTerms'), 'terms');
  await page.keyboard.press('Space');
  await expect(page.locator('#acceptTerms')).toBeChecked();
  await tabTo(page, button(T.send), T.send);
  await enter(page);

  await expect(page.locator('h1')).toHaveText(T.thanks);
  await expect(page.locator('.alert-heading').first()).toHaveText(T.status);
  await expect(page.getByText('Anna Holm', { exact: true })).toBeVisible();
  await expect(page.getByText('Bo Berg', { exact: true })).toBeVisible();
  const manage = page.getByRole('link', { name: T.manage });
  await expect(manage).toHaveAttribute('href', /\/(tilmelding|en\/booking)\/[A-Za-z0-9_-]{43}$/);
  await expect(manage).toHaveAttribute('rel', 'noreferrer');
  await expect(page.getByText(T.line(1, 'Anna Holm'))).toBeVisible();
  await expect(page.getByText(T.total)).toBeVisible();
  await expect(page.getByRole('heading', { name: T.nextHeading })).toBeVisible();
  await expectNoAxeViolations(page);
}

test('sign-up by keyboard alone, from the event page to the receipt', async ({ page }) => {
  test.setTimeout(120_000);
  await signUpByKeyboard(page, true);
});

test('sign-up by keyboard alone with JavaScript turned off', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await signUpByKeyboard(page, false);
  } finally {
    await context.close();
  }
});

test('sign-up by keyboard alone in English', async ({ page }) => {
  test.setTimeout(120_000);
  await signUpByKeyboard(page, true, 'en', 'en-js');
});

for (const locale of ['da', 'en'] as const) {
  test(`sign-up by keyboard alone at 390×844 (${locale})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      await signUpByKeyboard(page, true, locale, `phone-${locale}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await context.close();
    }
  });
}

test('the sign-up form in English has no accessibility violations, errors included', async ({ page }) => {
  const eventPath = await seminarEventPage(page);
  const slug = eventPath.split('/').pop()!;
  await page.goto(`/en/events/${slug}/signup`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('[aria-current="step"]')).toContainText('Payer');
  await tabTo(page, button('Next'), 'Next');
  await enter(page);
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.locator('[data-error-summary]')).toBeFocused();
  await expectNoAxeViolations(page);
});
