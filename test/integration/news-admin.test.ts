/**
 * The news back office through HTTP: who may use it, writing with a preview
 * that saves nothing, slugs, scheduling honoured by the public site, linked
 * events in order, unpublishing, deleting with the article's files, the
 * audit log, the page cache, and hostile input.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildApp, type App } from '../../src/app.js';
import type { AppContext } from '../../src/context.js';
import type { Clock } from '../../src/lib/clock.js';
import { materialPath, storeMaterial } from '../../src/materials/materials.service.js';
import { PageCache } from '../../src/web/page-cache.js';
import { createTestContext, TEST_NOW } from '../helpers/app.js';
import { forEachDialect, type TestDatabase } from '../helpers/databases.js';
import { postForm, staffClient, type StaffClient } from '../helpers/staff.js';
import { makeEvent } from './registrations-fixtures.js';

/** The value of the <input> with this id on a page. */
function inputValue(html: string, id: string): string | undefined {
  const tag = html.match(new RegExp(`<input[^>]*id="${id}"[^>]*>`))?.[0];
  return tag ? /value="([^"]*)"/.exec(tag)?.[1] : undefined;
}

const BODY = ['Indledning med **fed** tekst.', '', '# Mellemrubrik', '', '> Et citat', '', 'Farligt: <script>alert(1)</script>'].join('\n');

forEachDialect('news back office', (dialect) => {
  let now = TEST_NOW.getTime();
  const clock: Clock = { now: () => new Date(now) };
  let app: App;
  let ctx: AppContext;
  let database: TestDatabase;
  let manager: StaffClient;
  let admin: StaffClient;

  beforeAll(async () => {
    const made = await createTestContext(dialect, clock);
    // A real cache, to see that staff changes clear it.
    ctx = { ...made.ctx, pageCache: new PageCache(60_000) };
    database = made.database;
    app = await buildApp(ctx, { logger: false });
    await app.ready();
    manager = await staffClient(app, ctx, 'manager');
    admin = await staffClient(app, ctx, 'admin', { locale: 'en' });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const article = (fields: Record<string, string | string[]>) => ({
    headline: 'Konsulenten som facilitator',
    lede: 'Manchet',
    author: 'Anne Jensen',
    body: BODY,
    status: 'draft',
    ...fields,
  });
  const idOf = (location: string | undefined) => Number(/\/admin\/news\/(\d+)/.exec(location ?? '')?.[1]);
  const auditOf = (id: number) =>
    ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'before_json', 'after_json'])
      .where('entity_type', '=', 'article')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();

  it('is for administrators and event managers only', async () => {
    const anonymous = await app.inject('/admin/news');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/admin/login?next=%2Fadmin%2Fnews');
    for (const role of ['finance', 'facilitator'] as const) {
      const client = await staffClient(app, ctx, role);
      expect((await app.inject({ url: '/admin/news', headers: client.headers })).statusCode, role).toBe(403);
      expect((await postForm(app, client, '/admin/news', article({}))).statusCode, role).toBe(403);
    }
    const res = await app.inject({ url: '/admin/news', headers: manager.headers });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Nyheder</h1>');
    const en = await app.inject({ url: '/admin/news/new', headers: admin.headers });
    expect(en.body).toContain('<h1>Write an article</h1>');
  });

  it('shows a preview rendered like the public site, raw HTML as text, and saves nothing', async () => {
    const before = await ctx.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await postForm(app, manager, '/admin/news', article({ action: 'preview' }));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h2 id="preview-heading">Eksempel</h2>');
    expect(res.body).toContain('<p>Indledning med <strong>fed</strong> tekst.</p>');
    expect(res.body).toContain('<h2>Mellemrubrik</h2>');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.body).not.toContain('<script>alert(1)');
    // The form keeps what was typed.
    expect(res.body).toContain('value="Konsulenten som facilitator"');
    const after = await ctx.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('creates a draft with a slug made from the headline, audited, not public', async () => {
    const res = await postForm(app, manager, '/admin/news', article({ headline: 'Årsmøde på Ærø', action: 'save' }));
    expect(res.statusCode).toBe(303);
    const id = idOf(res.headers.location);
    expect(res.headers.location).toBe(`/admin/news/${id}?done=created`);
    const row = await ctx.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ slug: 'aarsmoede-paa-aeroe', headline: 'Årsmøde på Ærø', published_at: null, body: BODY });
    expect((await app.inject('/nyheder/aarsmoede-paa-aeroe')).statusCode).toBe(404);
    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(['article.create']);
    expect(audit[0]!.actor_id).toBe(manager.staff.id);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ slug: 'aarsmoede-paa-aeroe', publishedAt: null });

    const page = await app.inject({ url: res.headers.location!, headers: manager.headers });
    expect(page.body).toContain('Nyheden er oprettet.');
    expect(page.body).toContain('Kladde');

    // The same headline again gets the next free slug; a typed slug that is taken is refused.
    const again = await postForm(app, manager, '/admin/news', article({ headline: 'Årsmøde på Ærø' }));
    expect((await ctx.db.selectFrom('articles').select('slug').where('id', '=', idOf(again.headers.location)).executeTakeFirstOrThrow()).slug).toBe(
      'aarsmoede-paa-aeroe-2',
    );
    const taken = await postForm(app, manager, '/admin/news', article({ headline: 'Noget andet', slug: 'Årsmøde på Ærø' }));
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain('Adressen bruges allerede af en anden nyhed. Vælg en anden.');
    expect(taken.body).toContain('href="#slug"');
  });

  it('schedules an article: public nowhere until its Danish time, then everywhere, cache or not', async () => {
    // Warm the cache with the list as it is.
    expect((await app.inject('/nyheder')).body).not.toContain('planlagt-nyhed');
    const res = await postForm(
      app,
      manager,
      '/admin/news',
      article({ headline: 'Planlagt nyhed', status: 'publish', publishDate: '03-06-2026', publishTime: '08:00' }),
    );
    expect(res.statusCode).toBe(303);
    const id = idOf(res.headers.location);
    const row = await ctx.db.selectFrom('articles').select('published_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.published_at).toBe('2026-06-03T06:00:00.000Z');
    const edit = await app.inject({ url: `/admin/news/${id}`, headers: manager.headers });
    expect(edit.body).toContain('Planlagt til 3. juni 2026 kl. 08.00');
    expect(edit.body).toContain('value="03-06-2026"');

    for (const url of ['/nyheder', '/nyheder/planlagt-nyhed', '/nyheder/feed.xml', '/sitemap.xml', '/api/v1/articles']) {
      expect((await app.inject(url)).body, url).not.toContain('Planlagt nyhed');
    }
    now = new Date('2026-06-03T06:00:00.000Z').getTime();
    ctx.pageCache.clear(); // The TTL would do this on its own; the test does not wait.
    try {
      expect((await app.inject('/nyheder/planlagt-nyhed')).statusCode).toBe(200);
      for (const url of ['/nyheder', '/nyheder/feed.xml', '/api/v1/articles']) expect((await app.inject(url)).body, url).toContain('Planlagt nyhed');
    } finally {
      now = TEST_NOW.getTime();
      ctx.pageCache.clear();
    }
  });

  it('publishes now, links events in the chosen order, and the public page shows the change at once', async () => {
    const a = await makeEvent(ctx, { title: 'Første arrangement' });
    const b = await makeEvent(ctx, { title: 'Andet arrangement' });
    expect((await app.inject('/nyheder')).body).not.toContain('Straks ude');
    const res = await postForm(
      app,
      manager,
      '/admin/news',
      article({ headline: 'Straks ude', status: 'publish', events: ['', String(b.id), String(a.id), ''] }),
    );
    expect(res.statusCode).toBe(303);
    const id = idOf(res.headers.location);
    // Served from the cache before; cleared by the save.
    expect((await app.inject('/nyheder')).body).toContain('Straks ude');
    const pub = await app.inject('/nyheder/straks-ude');
    expect(pub.statusCode).toBe(200);
    expect(pub.body.indexOf('Andet arrangement')).toBeGreaterThan(-1);
    expect(pub.body.indexOf('Andet arrangement')).toBeLessThan(pub.body.indexOf('Første arrangement'));

    // Reorder and keep the publishing time on edit.
    const stored = (await ctx.db.selectFrom('articles').select('published_at').where('id', '=', id).executeTakeFirstOrThrow()).published_at;
    const form = await app.inject({ url: `/admin/news/${id}`, headers: manager.headers });
    const date = inputValue(form.body, 'publishDate');
    const time = inputValue(form.body, 'publishTime');
    expect([date, time]).toEqual(['01-06-2026', '12:00']);
    const saved = await postForm(
      app,
      manager,
      `/admin/news/${id}`,
      article({
        headline: 'Straks ude',
        slug: 'straks-ude',
        status: 'publish',
        publishDate: date ?? '',
        publishTime: time ?? '',
        events: [String(a.id), String(b.id)],
      }),
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/admin/news/${id}?done=saved`);
    expect((await ctx.db.selectFrom('articles').select('published_at').where('id', '=', id).executeTakeFirstOrThrow()).published_at).toBe(stored);
    const order = (await ctx.db.selectFrom('article_events').select('event_id').where('article_id', '=', id).orderBy('position').execute()).map(
      (r) => r.event_id,
    );
    expect(order).toEqual([a.id, b.id]);

    const unknown = await postForm(app, manager, `/admin/news/${id}`, article({ events: ['999999'] }));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('Et af de valgte arrangementer findes ikke længere.');
  });

  it('unpublishes: off the site at once, audited with before and after', async () => {
    const res = await postForm(app, manager, '/admin/news', article({ headline: 'Snart væk', status: 'publish' }));
    const id = idOf(res.headers.location);
    expect((await app.inject('/nyheder')).body).toContain('Snart væk');
    const off = await postForm(app, manager, `/admin/news/${id}/unpublish`);
    expect(off.statusCode).toBe(303);
    expect(off.headers.location).toBe(`/admin/news/${id}?done=unpublished`);
    expect((await app.inject('/nyheder/snart-vaek')).statusCode).toBe(404);
    expect((await app.inject('/nyheder')).body).not.toContain('Snart væk');
    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(['article.create', 'article.unpublish']);
    expect(JSON.parse(audit[1]!.before_json!).publishedAt).toBe(TEST_NOW.toISOString());
    expect(JSON.parse(audit[1]!.after_json!).publishedAt).toBeNull();
  });

  it('deletes after asking: its own files go, from disk too; a file also on an event stays with the event', async () => {
    const event = await makeEvent(ctx);
    const res = await postForm(app, manager, '/admin/news', article({ headline: 'Slettes snart' }));
    const id = idOf(res.headers.location);
    const own = await storeMaterial(ctx, {
      title: 'Kun nyhedens',
      filename: 'egen.pdf',
      contentType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4 a'),
      visibility: 'public',
      articleId: id,
    });
    const shared = await storeMaterial(ctx, {
      title: 'Også arrangementets',
      filename: 'delt.pdf',
      contentType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4 b'),
      visibility: 'public',
      articleId: id,
      eventId: event.id,
    });
    const keyOf = async (m: number) => (await ctx.db.selectFrom('materials').select('storage_key').where('id', '=', m).executeTakeFirstOrThrow()).storage_key;
    const ownFile = materialPath(ctx, await keyOf(own));
    const sharedFile = materialPath(ctx, await keyOf(shared));

    const ask = await app.inject({ url: `/admin/news/${id}/delete`, headers: manager.headers });
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('Kun nyhedens');
    expect(ask.body).not.toContain('Også arrangementets');
    expect(fs.existsSync(ownFile)).toBe(true);

    const done = await postForm(app, manager, `/admin/news/${id}/delete`);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/admin/news?done=deleted');
    expect(await ctx.db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
    expect(await ctx.db.selectFrom('materials').select('id').where('id', '=', own).executeTakeFirst()).toBeUndefined();
    expect(fs.existsSync(ownFile)).toBe(false);
    expect(await ctx.db.selectFrom('materials').select(['event_id', 'article_id']).where('id', '=', shared).executeTakeFirst()).toEqual({
      event_id: event.id,
      article_id: null,
    });
    expect(fs.existsSync(sharedFile)).toBe(true);
    const actions = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', 'in', ['article.delete', 'material.delete', 'material.update'])
      .execute();
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: 'article.delete', entity_id: String(id) },
        { action: 'material.delete', entity_id: String(own) },
        { action: 'material.update', entity_id: String(shared) },
      ]),
    );
    expect((await postForm(app, manager, `/admin/news/${id}/delete`)).statusCode).toBe(404);
  });

  it('shows errors beside the fields and in the summary, in the staff member’s language', async () => {
    const res = await postForm(app, admin, '/admin/news', article({ headline: '  ', status: 'publish', publishDate: '31-02-2026', publishTime: '10:00' }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<title>Error: Write an article');
    expect(res.body).toContain('<a href="#headline" class="function-link">Enter a headline.</a>');
    expect(res.body).toContain('id="headline-error"');
    expect(res.body).toContain('Enter the date as dd-mm-yyyy, for example 24-05-2026.');
  });

  it('refuses a form without its CSRF token, and unknown articles', async () => {
    expect((await postForm(app, manager, '/admin/news', article({}), { csrf: false })).statusCode).toBe(403);
    expect((await app.inject({ url: '/admin/news/999999', headers: manager.headers })).statusCode).toBe(404);
    expect((await app.inject({ url: '/admin/news/abc', headers: manager.headers })).statusCode).toBe(400);
    expect((await postForm(app, manager, '/admin/news/999999/unpublish')).statusCode).toBe(404);
  });

  it('never answers random form input with a 500 and never stores control characters', async () => {
    const field = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.constantFrom('', 'publish', 'draft', '24-05-2026', '09:30', '1', 'preview', 'save'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          headline: field,
          slug: field,
          lede: field,
          author: field,
          body: field,
          status: field,
          publishDate: field,
          publishTime: field,
          action: field,
          events: fc.array(field, { maxLength: 4 }),
        }),
        async (fields) => {
          const res = await postForm(app, manager, '/admin/news', fields);
          expect([200, 303, 422]).toContain(res.statusCode);
        },
      ),
      { numRuns: 40 },
    );
    const rows = await ctx.db.selectFrom('articles').select(['headline', 'lede', 'author', 'body', 'slug']).execute();
    for (const r of rows) {
      expect(r.headline + r.author).not.toMatch(/[\u0000-\u001f\u007f]/);
      expect(r.lede + r.body).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
      expect(r.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});
