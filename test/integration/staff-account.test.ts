import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildApp, type App } from '../../src/app.js';
import type { AppContext } from '../../src/context.js';
import { ACCOUNT_DELAY, delayAfter, IP_DELAY } from '../../src/staff/login-delays.js';
import { LOGIN_IP_LIMIT } from '../../src/staff/login.routes.js';
import { openTotpSecret, totpCode } from '../../src/staff/totp.js';
import { createTestContext, TEST_NOW } from '../helpers/app.js';
import { forEachDialect, type TestDatabase } from '../helpers/databases.js';
import { createStaff, loginCookie, postForm, staffClient, TEST_STAFF_PASSWORD, type StaffClient } from '../helpers/staff.js';

const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };

function cookieOf(setCookie: string | string[] | undefined, name: string): string | undefined {
  const list = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  return list.find((c) => c.startsWith(`${name}=`))?.split(';')[0];
}

forEachDialect('staff accounts: password, TOTP, locks', (dialect) => {
  let app: App;
  let ctx: AppContext;
  let database: TestDatabase;
  let now = TEST_NOW.getTime();
  let ipCounter = 0;
  const freshIp = () => ({ 'x-forwarded-for': `192.0.2.${++ipCounter % 250}` });

  beforeAll(async () => {
    const made = await createTestContext(dialect, { now: () => new Date(now) });
    ctx = made.ctx;
    database = made.database;
    app = await buildApp(ctx, { logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  /** The login form's CSRF cookie and token, then a post of the fields. */
  async function postLogin(fields: Record<string, string>, headers: Record<string, string> = {}, url = '/admin/login') {
    const page = await app.inject('/admin/login');
    const csrfCookie = cookieOf(page.headers['set-cookie'], 'tilmeld_csrf')!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const cookie = [csrfCookie, headers.cookie].filter(Boolean).join('; ');
    const response = await app.inject({
      method: 'POST',
      url,
      headers: { ...freshIp(), ...urlencoded, ...headers, cookie },
      payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });
    return { response, csrfCookie };
  }

  async function enrolTotp(client: StaffClient): Promise<string> {
    expect((await postForm(app, client, '/admin/account/totp')).headers.location).toBe('/admin/account/totp');
    const setup = await app.inject({ url: '/admin/account/totp', headers: client.headers });
    expect(setup.statusCode).toBe(200);
    expect(setup.body).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="QR-kode til godkendelsesappen"/);
    const row = await ctx.db.selectFrom('staff_users').select(['totp_secret', 'totp_pending']).where('id', '=', client.staff.id).executeTakeFirstOrThrow();
    expect(row.totp_pending).toBe(1);
    const secret = openTotpSecret(ctx.config, row.totp_secret!)!;
    expect(row.totp_secret).not.toContain(secret);
    expect(setup.body).toContain(secret.slice(0, 4));
    const wrong = await postForm(app, client, '/admin/account/totp/confirm', { code: '000000' === totpCode(secret, new Date(now)) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Koden er forkert');
    const ok = await postForm(app, client, '/admin/account/totp/confirm', { code: totpCode(secret, new Date(now)) });
    expect(ok.headers.location).toBe('/admin/account?saved=totpOn');
    return secret;
  }

  it('shows the account page to every role', async () => {
    for (const role of ['admin', 'manager', 'finance', 'facilitator'] as const) {
      const client = await staffClient(app, ctx, role);
      const page = await app.inject({ url: '/admin/account', headers: client.headers });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Skift adgangskode');
      expect(page.body).toContain('Totrinsbekræftelse er slået fra');
    }
  });

  it('changes the password only with the current one and a new one of 12 characters, ending other sessions', async () => {
    const client = await staffClient(app, ctx, 'manager');
    const other = await loginCookie(app, client.staff.email);
    const wrong = await postForm(app, client, '/admin/account/password', { current: 'forkert', next: 'et-nyt-langt-kodeord', repeat: 'et-nyt-langt-kodeord' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Adgangskoden er forkert.');
    expect(wrong.body).toContain('href="#current"');
    const short = await postForm(app, client, '/admin/account/password', { current: TEST_STAFF_PASSWORD, next: 'kort', repeat: 'kort' });
    expect(short.body).toContain('Adgangskoden skal være mindst 12 tegn.');
    const differs = await postForm(app, client, '/admin/account/password', {
      current: TEST_STAFF_PASSWORD,
      next: 'et-nyt-langt-kodeord',
      repeat: 'et-andet-langt-kodeord',
    });
    expect(differs.body).toContain('De to adgangskoder er ikke ens.');
    const noCsrf = await postForm(
      app,
      client,
      '/admin/account/password',
      { current: TEST_STAFF_PASSWORD, next: 'et-nyt-langt-kodeord', repeat: 'et-nyt-langt-kodeord' },
      { csrf: false },
    );
    expect(noCsrf.statusCode).toBe(403);

    const ok = await postForm(app, client, '/admin/account/password', {
      current: TEST_STAFF_PASSWORD,
      next: 'et-nyt-langt-kodeord',
      repeat: 'et-nyt-langt-kodeord',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/admin/account?saved=password');
    expect((await app.inject({ url: '/admin/account?saved=password', headers: client.headers })).body).toContain('Din adgangskode er ændret.');
    expect((await app.inject({ url: '/admin', headers: { cookie: other.cookie } })).statusCode).toBe(303);
    await expect(loginCookie(app, client.staff.email)).rejects.toThrow(/401/);
    await loginCookie(app, client.staff.email, 'et-nyt-langt-kodeord');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'account.password_change')
      .where('actor_id', '=', client.staff.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after_json).toBeNull();
  });

  it('switches the language of the back office', async () => {
    const client = await staffClient(app, ctx, 'finance');
    const saved = await postForm(app, client, '/admin/account/locale', { locale: 'en' });
    expect(saved.headers.location).toBe('/admin/account?saved=locale');
    const page = await app.inject({ url: '/admin/account?saved=locale', headers: client.headers });
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain('The language has been saved.');
    expect((await postForm(app, client, '/admin/account/locale', { locale: 'xx' })).statusCode).toBe(422);
  });

  it('returns from the header’s language choice to the page it was on, never off the back office', async () => {
    const client = await staffClient(app, ctx, 'manager');
    const back = await postForm(app, client, '/admin/account/locale', { locale: 'en', next: '/admin/events?status=draft' });
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe('/admin/events?status=draft');
    expect((await app.inject({ url: '/admin/events', headers: client.headers })).body).toContain('<html lang="en">');
    for (const next of ['https://evil.example/', '//evil.example/admin', '/nyheder', '/admin\\..']) {
      const res = await postForm(app, client, '/admin/account/locale', { locale: 'da', next });
      expect(res.headers.location, next).toBe('/admin');
    }
  });

  it('turns TOTP on after a matching code, then asks for a code at login that works once', async () => {
    const client = await staffClient(app, ctx, 'admin');
    const secret = await enrolTotp(client);
    expect((await app.inject({ url: '/admin/account', headers: client.headers })).body).toContain('Totrinsbekræftelse er slået til.');

    const { response: first } = await postLogin({ email: client.staff.email, password: TEST_STAFF_PASSWORD, next: '/admin/account' });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/admin/login/code?next=%2Fadmin%2Faccount');
    const pending = cookieOf(first.headers['set-cookie'], 'tilmeld_staff')!;
    // Half-way: nothing in the back office opens yet.
    expect((await app.inject({ url: '/admin', headers: { cookie: pending } })).statusCode).toBe(303);
    const codePage = await app.inject({ url: '/admin/login/code', headers: { cookie: pending } });
    expect(codePage.statusCode).toBe(200);
    expect(codePage.body).toContain('Engangskode');
    expect(codePage.body).toContain('autocomplete="one-time-code"');

    const wrong = await postLogin({ code: '12345x', next: '/admin/account' }, { cookie: pending }, '/admin/login/code');
    expect(wrong.response.statusCode).toBe(401);
    expect(wrong.response.body).toContain('Koden er forkert eller udløbet.');

    now += 30_000;
    const code = totpCode(secret, new Date(now));
    const ok = await postLogin({ code: code.slice(0, 3) + ' ' + code.slice(3), next: '/admin/account' }, { cookie: pending }, '/admin/login/code');
    expect(ok.response.statusCode).toBe(303);
    expect(ok.response.headers.location).toBe('/admin/account');
    const full = cookieOf(ok.response.headers['set-cookie'], 'tilmeld_staff')!;
    expect(full).not.toBe(pending);
    expect((await app.inject({ url: '/admin', headers: { cookie: full } })).statusCode).toBe(200);
    expect((await app.inject({ url: '/admin', headers: { cookie: pending } })).statusCode).toBe(303);

    // The same code again, in a new login within the same 30 seconds: refused.
    const { response: again } = await postLogin({ email: client.staff.email, password: TEST_STAFF_PASSWORD });
    const pending2 = cookieOf(again.headers['set-cookie'], 'tilmeld_staff')!;
    const replay = await postLogin({ code }, { cookie: pending2 }, '/admin/login/code');
    expect(replay.response.statusCode).toBe(401);

    // Turning it off takes the password.
    const noPassword = await postForm(app, client, '/admin/account/totp/disable', { password: 'forkert' });
    expect(noPassword.statusCode).toBe(422);
    const off = await postForm(app, client, '/admin/account/totp/disable', { password: TEST_STAFF_PASSWORD });
    expect(off.headers.location).toBe('/admin/account?saved=totpOff');
    const row = await ctx.db.selectFrom('staff_users').select('totp_secret').where('id', '=', client.staff.id).executeTakeFirstOrThrow();
    expect(row.totp_secret).toBeNull();
    const actions = (await ctx.db.selectFrom('audit_log').select('action').where('actor_id', '=', client.staff.id).orderBy('id').execute()).map(
      (r) => r.action,
    );
    expect(actions).toEqual(['account.totp_enable', 'account.totp_disable']);
  });

  it('sends the code page back to login without a half-way session', async () => {
    const response = await app.inject('/admin/login/code?next=/admin/account');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin/login?next=%2Fadmin%2Faccount');
  });

  it('makes an account wait longer after each failure beyond a few, also against the right password, and says for how long', async () => {
    const staff = await createStaff(ctx, 'manager');
    const ip = { 'x-forwarded-for': '198.51.100.60' };
    for (let i = 1; i <= ACCOUNT_DELAY.free; i++) {
      const { response } = await postLogin({ email: staff.email, password: `forkert-${i}` }, ip);
      expect(response.statusCode).toBe(401);
    }
    const start = now;
    try {
      // Each failure after the free ones doubles the wait; an attempt during the wait is not looked at.
      for (let failures = ACCOUNT_DELAY.free + 1; failures <= ACCOUNT_DELAY.free + 3; failures++) {
        const { response } = await postLogin({ email: staff.email, password: 'forkert' }, ip);
        expect(response.statusCode).toBe(401);
        const wait = delayAfter(failures, ACCOUNT_DELAY);
        const { response: early } = await postLogin({ email: staff.email, password: TEST_STAFF_PASSWORD });
        expect(early.statusCode).toBe(429);
        expect(early.headers['retry-after']).toBe(String(wait / 1000));
        const seconds = wait / 1000;
        expect(early.body).toContain(
          `For mange mislykkede forsøg lige efter hinanden. Vent ${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'}, og prøv igen.`,
        );
        now += wait;
      }
      // An address without an account waits the same way, so the delay tells nothing.
      for (let i = 0; i <= ACCOUNT_DELAY.free; i++) await postLogin({ email: 'ingen@tilmeld.test', password: 'forkert' });
      const { response: unknown } = await postLogin({ email: 'ingen@tilmeld.test', password: 'forkert' });
      expect(unknown.statusCode).toBe(429);
      expect(unknown.body).toContain('For mange mislykkede forsøg lige efter hinanden. Vent 1 sekund, og prøv igen.');
      // Once the wait is over the right password works, and the count starts again.
      const { response: right } = await postLogin({ email: staff.email, password: TEST_STAFF_PASSWORD });
      expect(right.statusCode).toBe(303);
      const row = await ctx.db.selectFrom('staff_users').select(['failed_logins', 'locked_until']).where('id', '=', staff.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ failed_logins: 0, locked_until: null });
    } finally {
      now = start;
    }
  });

  it('never keeps the right person out for more than a minute, however many failures others send from elsewhere', async () => {
    const staff = await createStaff(ctx, 'manager');
    const start = now;
    try {
      // An attacker on many addresses fails as soon as each wait ends.
      for (let i = 0; i < 40; i++) {
        const { response } = await postLogin({ email: staff.email, password: `gæt-${i}` });
        expect([401, 429]).toContain(response.statusCode);
        now += 1000;
      }
      const { response: owner } = await postLogin({ email: staff.email, password: TEST_STAFF_PASSWORD });
      const wait = owner.statusCode === 429 ? Number(owner.headers['retry-after']) : 0;
      expect(wait).toBeLessThanOrEqual(ACCOUNT_DELAY.capMs / 1000);
      now += wait * 1000;
      const { response: later } = await postLogin({ email: staff.email, password: TEST_STAFF_PASSWORD });
      expect(later.statusCode).toBe(303);
    } finally {
      now = start;
    }
  });

  it('makes one client address wait after many failures, whichever accounts it tries, without delaying others', async () => {
    const ip = { 'x-forwarded-for': '198.51.100.61' };
    const start = now;
    try {
      for (let i = 0; i < IP_DELAY.free; i++) {
        const { response } = await postLogin({ email: `gaet${i}@tilmeld.test`, password: 'forkert' }, ip);
        expect(response.statusCode).toBe(401);
      }
      expect((await postLogin({ email: 'gaet-sidst@tilmeld.test', password: 'forkert' }, ip)).response.statusCode).toBe(401);
      const { response: waiting } = await postLogin({ email: 'endnu-en@tilmeld.test', password: 'forkert' }, { ...ip });
      expect(waiting.statusCode).toBe(429);
      expect(waiting.headers['retry-after']).toBe('1');
      expect(waiting.body).toContain('Der er kommet for mange forsøg på at logge ind fra din forbindelse. Vent 1 sekund, og prøv igen.');
      // A colleague on another address logs in at once.
      const staff = await createStaff(ctx, 'manager');
      expect((await postLogin({ email: staff.email, password: TEST_STAFF_PASSWORD })).response.statusCode).toBe(303);
    } finally {
      now = start;
    }
  });

  it('limits login attempts per IP address with a clear message', async () => {
    const page = await app.inject('/admin/login');
    const cookie = cookieOf(page.headers['set-cookie'], 'tilmeld_csrf')!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const post = () =>
      app.inject({
        method: 'POST',
        url: '/admin/login?lang=en',
        headers: { ...urlencoded, cookie, 'x-forwarded-for': '198.51.100.7' },
        payload: new URLSearchParams({ _csrf: csrf, email: '', password: '' }).toString(),
      });
    for (let i = 0; i < LOGIN_IP_LIMIT.max; i++) expect((await post()).statusCode).toBe(422);
    const limited = await post();
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('There have been too many login attempts from your connection.');
    expect(limited.body).toContain('<html lang="en">');
  });

  it('never answers hostile account forms with a server error', async () => {
    const client = await staffClient(app, ctx, 'facilitator');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/admin/account/password', '/admin/account/locale', '/admin/account/totp/confirm', '/admin/account/totp/disable'),
        fc.dictionary(
          fc.constantFrom('current', 'next', 'repeat', 'locale', 'code', 'password', 'x'),
          fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.string(), { maxLength: 3 })),
        ),
        async (url, fields) => {
          const response = await postForm(app, client, url, fields);
          expect(response.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
  });
});
