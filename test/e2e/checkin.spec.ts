import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { qrPng } from '../../src/checkin/qr.js';
import { expectNoAxeViolations } from './axe.js';
import { e2eStaff, loginAs } from './staff.js';
import { serverMailDirs } from './server-mail.js';

/**
 * Check-in at the door on a phone (390 px): an event starting within the
 * hour with 22 participants, whose codes are read from the confirmation
 * mails the server wrote. The page is kept by its service worker and
 * reloaded offline; 20 codes are scanned offline (fed to the page's scan
 * handler, as the camera does) and synced when the network is back. Two
 * phones scan the same person offline: one check-in, and the second phone is
 * told who and when. A code typed and a name tapped with the keyboard alone.
 */
test.setTimeout(180_000);

const PHONE = { width: 390, height: 844 };
const run = Date.now().toString(36);
const CODE = /\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){8}\b/g;

async function csrfOf(page: Page): Promise<string> {
  return page.locator('input[name=_csrf]').first().inputValue();
}

async function makeEvent(page: Page): Promise<{ id: number; slug: string }> {
  const now = Date.now();
  const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
  const res = await page.request.post('/api/v1/events', {
    headers: { 'x-csrf-token': await csrfOf(page) },
    data: {
      type: 'kursus',
      status: 'published',
      title: `Indtjekning i praksis ${run}`,
      summary: 'Et kursus, der begynder om lidt.',
      body: 'Oplæg og øvelser.',
      audience: 'Alle.',
      included: 'Frokost.',
      sessions: [{ startsAt: at(60), endsAt: at(360), title: 'Kursusdag' }],
      capacity: 40,
      priceOre: 0,
      vatMode: 'exempt',
      vatExemptionReason: 'Momsfritaget undervisning',
      signupOpensAt: at(-60 * 24),
      signupClosesAt: at(50),
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: number; slug: string };
}

async function register(request: APIRequestContext, slug: string, booker: string, first: number, count: number): Promise<void> {
  const res = await request.post(`/api/v1/events/${slug}/registrations`, {
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
      booker: { name: 'Birte Booker', email: booker },
      participants: Array.from({ length: count }, (_, i) => ({
        name: `Deltager ${String(first + i).padStart(2, '0')}`,
        email: `d${first + i}-${run}@skanderborg.dk`,
        jobTitle: 'Konsulent',
        workplace: 'Borgerservice',
      })),
      acceptTerms: true,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
}

/** The check-in codes in the booker's confirmation, in the order of the participants. */
async function mailedCodes(booker: string): Promise<string[]> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    for (const dir of serverMailDirs()) {
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.eml'))) {
        const raw = fs.readFileSync(path.join(dir, file));
        if (!raw.includes(booker)) continue;
        const mail = await simpleParser(raw);
        const codes = (mail.text ?? '').match(CODE);
        if (codes && mail.to && JSON.stringify(mail.to).includes(booker)) return codes;
      }
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no confirmation to ${booker}`);
}

async function openCheckin(page: Page, eventId: number): Promise<void> {
  await page.setViewportSize(PHONE);
  await page.goto(`/admin/events/${eventId}/checkin`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Indtjekning');
  // The service worker is active and has kept the page and the list.
  await expect(page.locator('#checkin')).toHaveAttribute('data-offline-ready', 'true');
  await expect
    .poll(() =>
      page.evaluate(async () =>
        Boolean(
          (await caches.match(location.pathname)) && (await caches.match(`/api/v1/events/${document.getElementById('checkin')!.dataset.slug}/attendance`)),
        ),
      ),
    )
    .toBe(true);
}

async function attendance(request: APIRequestContext, slug: string, csrfPage: Page) {
  void csrfPage;
  const res = await request.get(`/api/v1/events/${slug}/attendance`);
  expect(res.status()).toBe(200);
  return (await res.json()) as { participants: Array<{ id: number; name: string; checkins: Array<{ meeting: number; at: string; by: string }> }> };
}

test('scan 20 codes offline on a phone, sync them, and two phones scanning one person offline give one check-in', async ({ page, browser }) => {
  await loginAs(page, 'manager');
  const event = await makeEvent(page);
  const bookers = [`booker-a-${run}@skanderborg.dk`, `booker-b-${run}@skanderborg.dk`];
  await register(page.request, event.slug, bookers[0]!, 1, 11);
  await register(page.request, event.slug, bookers[1]!, 12, 11);
  const codes = [...(await mailedCodes(bookers[0]!)), ...(await mailedCodes(bookers[1]!))];
  expect(codes).toHaveLength(22);

  await openCheckin(page, event.id);
  await expect(page.locator('#checkin-counts')).toHaveText('0 af 22 er mødt');
  await expectNoAxeViolations(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no sideways scrolling at 390 px').toBeLessThanOrEqual(0);

  // Offline: the page comes from the service worker, and 20 scans wait on the phone.
  await page.context().setOffline(true);
  await page.reload();
  await expect(page.locator('#checkin-connection')).toHaveText('Ingen forbindelse. Indtjekninger gemmes på enheden og sendes senere.');
  for (const code of codes.slice(0, 20))
    await page.evaluate((c) => (window as unknown as { tilmeldCheckin: { scan(c: string): void } }).tilmeldCheckin.scan(c), code);
  await expect(page.locator('#checkin-counts')).toHaveText('20 af 22 er mødt');
  await expect(page.locator('#checkin-queue')).toHaveText('Venter på at blive sendt: 20');
  await expect(page.locator('#checkin-result')).toContainText('sendes, når der er forbindelse');
  // The same code again, still offline: already checked in on this phone, not queued twice.
  await page.evaluate((c) => (window as unknown as { tilmeldCheckin: { scan(c: string): void } }).tilmeldCheckin.scan(c), codes[0]!);
  await expect(page.locator('#checkin-queue')).toHaveText('Venter på at blive sendt: 20');

  await page.context().setOffline(false);
  await expect(page.locator('#checkin-queue')).toHaveText('', { timeout: 20_000 });
  const synced = await attendance(page.request, event.slug, page);
  expect(synced.participants.filter((p) => p.checkins.length === 1)).toHaveLength(20);
  expect(synced.participants.every((p) => p.checkins.length <= 1)).toBe(true);
  await expectNoAxeViolations(page);

  // Two phones, both offline, scan the same person; the first scan wins and the second phone is told.
  const phones: Array<{ context: BrowserContext; page: Page }> = [];
  for (const role of ['admin', 'manager'] as const) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await loginAs(p, role);
    await openCheckin(p, event.id);
    phones.push({ context, page: p });
  }
  for (const phone of phones) await phone.context.setOffline(true);
  for (const phone of phones) {
    await phone.page.evaluate((c) => (window as unknown as { tilmeldCheckin: { scan(c: string): void } }).tilmeldCheckin.scan(c), codes[20]!);
    await expect(phone.page.locator('#checkin-queue')).toHaveText('Venter på at blive sendt: 1');
  }
  await phones[0]!.context.setOffline(false);
  await expect(phones[0]!.page.locator('#checkin-queue')).toHaveText('', { timeout: 20_000 });
  await phones[1]!.context.setOffline(false);
  await expect(phones[1]!.page.locator('#checkin-queue')).toHaveText('', { timeout: 20_000 });
  await expect(phones[1]!.page.locator('#checkin-result')).toContainText(`Deltager 21 var allerede tjekket ind`);
  await expect(phones[1]!.page.locator('#checkin-result')).toContainText(`af ${e2eStaff.admin.name}`);
  const after = await attendance(page.request, event.slug, page);
  const twentyFirst = after.participants.find((p) => p.name === 'Deltager 21')!;
  expect(twentyFirst.checkins).toHaveLength(1);
  expect(twentyFirst.checkins[0]!.by).toBe(e2eStaff.admin.name);
  for (const phone of phones) await phone.context.close();

  // Keyboard alone: search, tap the last person with Enter, then take it back.
  await page.reload();
  await page.locator('#checkin-search').focus();
  await page.keyboard.type('Deltager 22');
  await expect(page.locator('#checkin-list li:not([hidden])')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAccessibleName('Tjek ind: Deltager 22');
  await page.keyboard.press('Enter');
  await expect(page.locator('#checkin-result')).toHaveText('Deltager 22 er tjekket ind.');
  await expect(page.locator('#checkin-counts')).toHaveText('22 af 22 er mødt');
  await expect(page.locator(':focus')).toHaveAccessibleName('Fortryd: Deltager 22');
  await page.keyboard.press('Enter');
  await expect(page.locator('#checkin-result')).toHaveText('Indtjekningen af Deltager 22 er fortrudt.');
  await expect(page.locator('#checkin-counts')).toHaveText('21 af 22 er mødt');
  // The decoder used where the browser has no BarcodeDetector reads the QR code of the mail.
  const png = `data:image/png;base64,${qrPng(codes[21]!.replace(/-/g, ''), 5).toString('base64')}`;
  const decoded = await page.evaluate(async (src) => {
    const w = window as unknown as { jsQR?: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null };
    if (!w.jsQR) {
      await new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = '/assets/checkin/jsqr.js';
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    const img = new Image();
    img.src = src;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, img.width, img.height);
    return w.jsQR!(data.data, data.width, data.height)?.data ?? null;
  }, png);
  expect(decoded).toBe(codes[21]!.replace(/-/g, ''));
  // A typed code, sent with Enter.
  await page.locator('#checkin-code').focus();
  await page.keyboard.type(codes[21]!.toLowerCase());
  await page.keyboard.press('Enter');
  await expect(page.locator('#checkin-result')).toHaveText('Deltager 22 er tjekket ind.');
  await expect(page.locator('#checkin-counts')).toHaveText('22 af 22 er mødt');
  await expectNoAxeViolations(page);

  // Logging out forgets the kept pages and participant list; a scan still waiting to be sent stays queued.
  const queueKey = `tilmeld-checkin-queue-${event.id}`;
  await page.evaluate((key) => localStorage.setItem(key, '[]'), queueKey);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tilmeld-checkin-list-')).length)).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.locator('#mobile-drawer').getByRole('button', { name: 'Log ud' }).click();
  await expect(page).toHaveURL(/loggedOut=1/);
  expect(await page.evaluate(() => caches.keys())).toEqual([]);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tilmeld-checkin')))).toEqual([queueKey]);
});
