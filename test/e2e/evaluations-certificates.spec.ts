import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';
import { serverMailDirs } from './server-mail.js';

/**
 * After the event, in the browser: the demo's past course "Skriv klart til
 * borgerne" (loaded just after the server starts) has one participant who has
 * not answered the evaluation. Their link from the mail opens the form at
 * 390 px, which is answered with the keyboard alone; the results page and a
 * course certificate's verification page pass axe.
 */
test.setTimeout(120_000);

const PAST = 'skriv-klart-til-borgerne-foraar';

/** The newest mail to `address` among the .eml files of the test server, with its first link matching `pattern`. */
async function mailedLink(address: string, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    for (const dir of serverMailDirs()) {
      for (const file of fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.eml'))
        .sort()
        .reverse()) {
        const raw = fs.readFileSync(path.join(dir, file));
        if (!raw.includes(address)) continue;
        const link = pattern.exec((await simpleParser(raw)).text ?? '')?.[0];
        if (link) return new URL(link).pathname;
      }
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no mail to ${address}`);
}

async function pastEventId(page: Page): Promise<number> {
  // The past course is loaded just after the server starts; wait for it.
  for (let i = 0; i < 60; i++) {
    const res = await page.request.get(`/api/v1/events/${PAST}/evaluation`);
    if (res.ok()) return ((await res.json()) as { event: { id: number } }).event.id;
    await page.waitForTimeout(1000);
  }
  throw new Error('the past course was not loaded');
}

test('the evaluation form from the mail at 390 px, answered with the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const link = await mailedLink('line.kjaer@vejle.example', /https?:\/\/\S+\/evaluering\/\d+-[A-Za-z0-9_-]{32}/);
  const response = await page.goto(link);
  expect(response?.headers()['cache-control']).toBe('no-store');
  await expect(page.locator('h1')).toContainText('Evaluering af Skriv klart til borgerne');
  await expectNoAxeViolations(page);
  // The first radio of the first question, then arrow keys to choose 4.
  await page.locator('#q-overall').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#q-overall-3')).toBeChecked();
  await page.locator('#q-best').focus();
  await page.keyboard.type('Øvelserne <b>med</b> egne breve');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Mere tid');
  await page.keyboard.press('Tab');
  await expect(page.locator('button[type="submit"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('Tak for dine svar');
  await expectNoAxeViolations(page);
  await page.goto(link);
  await expect(page.locator('h1')).toHaveText('Evalueringen er allerede besvaret');
});

test('a link already used says so', async ({ page }) => {
  const link = await mailedLink('mette.holm@aarhus.example', /https?:\/\/\S+\/evaluering\/\d+-[A-Za-z0-9_-]{32}/);
  await page.goto(link);
  // Answered in the demo already: the link is used up.
  await expect(page.locator('h1')).toHaveText('Evalueringen er allerede besvaret');
  await expectNoAxeViolations(page);
});

test('the results page with charts and tables, and the certificates page', async ({ page }) => {
  await loginAs(page, 'manager');
  const id = await pastEventId(page);
  await page.goto(`/admin/events/${id}/evaluering`);
  await expect(page.locator('h1')).toContainText('Evaluering af Skriv klart til borgerne');
  await expect(page.locator('[data-response-rate]')).toContainText('af 5 inviterede har svaret');
  await expect(page.locator('svg.tilmeld-chart').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page);
  await page.goto(`/admin/events/${id}/kursusbevis`);
  await expect(page.locator('table tbody tr')).toHaveCount(5);
  await expectNoAxeViolations(page);
  // The question editor: a question without Danish text is refused, with the error in the summary.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/admin/events/${id}/evaluering/spoergsmaal`);
  await expectNoAxeViolations(page);
  await page.locator('#da-0').fill('');
  await page.locator('#da-0').press('Enter');
  await expect(page.locator('#error-summary')).toContainText('Skriv spørgsmålet på dansk.');
  await expectNoAxeViolations(page);
});

test('the verification page of a certificate, in Danish and English, at 390 px', async ({ page }) => {
  await loginAs(page, 'manager');
  const id = await pastEventId(page);
  await page.goto(`/admin/events/${id}/kursusbevis`);
  const code = (await page.locator('table tbody tr td').first().textContent())!.trim();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/bevis/${code}`);
  await expect(page.locator('[data-certificate-status]')).toHaveAttribute('data-certificate-status', 'valid');
  await expect(page.locator('dl')).toContainText('Skriv klart til borgerne');
  await expectNoAxeViolations(page);
  await page.goto(`/en/certificate/${code}`);
  await expect(page.locator('h1')).toHaveText('Verify a course certificate');
  await expectNoAxeViolations(page);
  await page.goto('/bevis/KB-0000-0000-0000-0000');
  await expect(page.locator('h1')).toHaveText('Vi kender ikke denne kontrolkode');
  await expectNoAxeViolations(page);
});
