import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createTestContext } from '../helpers/app.js';

describe('CSRF protection', () => {
  it('refuses a form post without the token from the form and accepts it with', async () => {
    const { ctx, database } = await createTestContext('sqlite');
    const app = await buildApp(ctx, { logger: false });
    app.get('/test-form', async (_request, reply) => ({ token: await reply.generateCsrf() }));
    app.post('/test-form', { preHandler: app.csrfProtection }, async () => ({ ok: true }));
    await app.ready();

    const form = await app.inject('/test-form');
    const cookie = form.cookies.find((c) => c.name === 'tilmeld_csrf');
    expect(cookie).toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe('Lax');
    const token = form.json<{ token: string }>().token;

    const withoutToken = await app.inject({ method: 'POST', url: '/test-form', headers: { cookie: `tilmeld_csrf=${cookie!.value}` }, payload: { a: '1' } });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.body).toContain('Formularen er udløbet');

    const wrongCookie = await app.inject({ method: 'POST', url: '/test-form', payload: { _csrf: token } });
    expect(wrongCookie.statusCode).toBe(403);

    const ok = await app.inject({
      method: 'POST',
      url: '/test-form',
      headers: { cookie: `tilmeld_csrf=${cookie!.value}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(token)}`,
    });
    expect(ok.statusCode).toBe(200);
    await app.close();
    await database.drop();
  });
});
