import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { loginAs } from './staff.js';

/**
 * "axe on every admin page": an administrator (who may open every page)
 * follows every back-office link from the dashboard, breadth first, and axe
 * scans each kind of page once: addresses that differ only in their numbers
 * (/admin/events/3 and /admin/events/7) count as one kind, and query strings
 * are left out. Files (CSV, XLSX, PDF, XML) are skipped by content type.
 * A page added later is scanned as soon as something links to it.
 */

const run = `${Date.now()}-${process.pid}`;
const MAX_KINDS = 120;

const kindOf = (path: string) => path.replace(/\/\d+(?=\/|$)/g, '/:n');

test('every back-office page an administrator can reach has no axe violations', async ({ page, request }) => {
  test.setTimeout(600_000);
  // A booking with two colleagues, so that the registration's pages and their forms exist.
  const list = (await (await request.get('/api/v1/events?perPage=10')).json()) as { items: Array<{ slug: string; signup: { open: boolean } }> };
  let booked = false;
  for (const event of list.items.filter((e) => e.signup.open)) {
    const res = await request.post(`/api/v1/events/${event.slug}/registrations`, {
      data: {
        locale: 'da',
        payer: {
          organisation: 'Syddjurs Kommune',
          cvr: '29189668',
          address: 'Lundbergsvej 2',
          postalCode: '8400',
          city: 'Ebeltoft',
          email: 'faktura@syddjurs.dk',
        },
        booker: { name: 'Sanne Sweep', email: `sanne-${run}@syddjurs.dk` },
        participants: [
          { name: 'Aksel Sweep', email: `aksel-${run}@syddjurs.dk`, jobTitle: 'Konsulent', workplace: 'HR' },
          { name: 'Bodil Sweep', email: `bodil-${run}@syddjurs.dk`, jobTitle: 'Konsulent', workplace: 'HR' },
        ],
        acceptTerms: true,
      },
    });
    if (res.status() === 201) {
      booked = true;
      break;
    }
  }
  expect(booked).toBe(true);

  await loginAs(page, 'admin');
  const origin = new URL(page.url()).origin;
  const seen = new Set<string>();
  const queue = ['/admin'];
  const scanned: string[] = [];
  while (queue.length > 0 && scanned.length < MAX_KINDS) {
    const path = queue.shift()!;
    const kind = kindOf(path);
    if (seen.has(kind)) continue;
    seen.add(kind);
    const probe = await page.request.get(path, { maxRedirects: 0 });
    if (probe.status() !== 200 || !(probe.headers()['content-type'] ?? '').startsWith('text/html')) continue;
    await page.goto(path);
    await expect(page.locator('main#main-content'), path).toBeVisible();
    await expectNoAxeViolations(page);
    scanned.push(kind);
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin || !url.pathname.startsWith('/admin')) continue;
      if (!seen.has(kindOf(url.pathname))) queue.push(url.pathname);
    }
  }
  // The sweep reached the sections of the menu and a registration's forms.
  for (const kind of [
    '/admin/events/:n',
    '/admin/registrations/:n',
    '/admin/audit',
    '/admin/invoices',
    '/admin/users',
    '/admin/messages',
    '/admin/settings/tokens',
    '/admin/account',
  ]) {
    expect(scanned, kind).toContain(kind);
  }
  expect(scanned.some((k) => /^\/admin\/registrations\/:n\/participants\/:n\//.test(k))).toBe(true);
  console.log(`axe sweep: ${scanned.length} kinds of page\n${scanned.join('\n')}`);
});
