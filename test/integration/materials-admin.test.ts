/**
 * The materials back office through HTTP with real files: uploads checked by
 * content, the size limit, hostile file names, what ends up on disk (and
 * what never does), editing, replacing, deleting, the audit log, and who
 * may do any of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildApp, type App } from '../../src/app.js';
import type { AppContext } from '../../src/context.js';
import { materialPath } from '../../src/materials/materials.service.js';
import { createArticle } from '../../src/news/news.service.js';
import { createTestContext } from '../helpers/app.js';
import { forEachDialect, type TestDatabase } from '../helpers/databases.js';
import { docxBytes, exeBytes, pdfBytes, plainZipBytes, xlsxBytes } from '../helpers/documents.js';
import { multipartBody, type FilePart } from '../helpers/multipart.js';
import { postForm, staffClient, type StaffClient } from '../helpers/staff.js';
import { makeEvent, type TestEvent } from './registrations-fixtures.js';

/** Small, so the limit is easy to pass; real PDFs and spreadsheets of a few kB fit. */
const LIMIT = 60_000;

forEachDialect('materials back office', (dialect) => {
  let app: App;
  let ctx: AppContext;
  let database: TestDatabase;
  let manager: StaffClient;
  let event: TestEvent;
  let articleId: number;
  let pdf: Buffer;

  beforeAll(async () => {
    const made = await createTestContext(dialect);
    ctx = { ...made.ctx, config: { ...made.ctx.config, uploadMaxBytes: LIMIT } };
    database = made.database;
    app = await buildApp(ctx, { logger: false });
    await app.ready();
    manager = await staffClient(app, ctx, 'manager');
    event = await makeEvent(ctx, { title: 'Døgnseminar for konsulenter' });
    articleId = await createArticle(ctx, { slug: 'med-bilag', headline: 'Med bilag', publishedAt: '2026-05-01T08:00:00.000Z' });
    pdf = await pdfBytes();
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const filesDir = () => path.join(ctx.config.dataDir, 'files');
  const tmpDir = () => path.join(ctx.config.dataDir, 'upload-tmp');
  const listDir = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

  function upload(client: StaffClient | null, fields: Record<string, string>, file?: FilePart, url = '/admin/materials', csrf = true) {
    const { payload, contentType } = multipartBody({ ...(client && csrf ? { _csrf: client.csrfToken } : {}), ...fields }, file ? [file] : []);
    return app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType, ...(client ? client.headers : {}) } });
  }

  const eventFields = (over: Record<string, string> = {}) => ({
    title: '',
    visibility: 'participants',
    event: String(event.id),
    article: '',
    return: '',
    ...over,
  });
  const rowOf = (id: number) => ctx.db.selectFrom('materials').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const idOf = (location: string | undefined) => Number(/\/admin\/materials\/(\d+)/.exec(location ?? '')?.[1]);

  it('turns strangers away before storing anything, and other roles too', async () => {
    const before = listDir(filesDir());
    const anonymous = await upload(null, eventFields(), { filename: 'slides.pdf', bytes: pdf });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/admin/login');
    for (const role of ['finance', 'facilitator'] as const) {
      const client = await staffClient(app, ctx, role);
      expect((await upload(client, eventFields(), { filename: 'slides.pdf', bytes: pdf })).statusCode, role).toBe(403);
      expect((await app.inject({ url: '/admin/materials', headers: client.headers })).statusCode, role).toBe(403);
    }
    expect(listDir(filesDir())).toEqual(before);
    // Not even a temporary file was made: the body was never read (this test runs first).
    expect(fs.existsSync(tmpDir())).toBe(false);
    expect((await app.inject('/admin/materials/new')).statusCode).toBe(303);
  });

  it('stores a real PDF under a random name outside the web root, audited', async () => {
    const res = await upload(manager, eventFields({ title: 'Slides fra dag 1' }), {
      filename: 'Slides – dag 1.pdf',
      contentType: 'application/pdf',
      bytes: pdf,
    });
    expect(res.statusCode).toBe(303);
    const id = idOf(res.headers.location);
    expect(res.headers.location).toBe(`/admin/materials/${id}?done=uploaded`);
    const row = await rowOf(id);
    expect(row).toMatchObject({
      title: 'Slides fra dag 1',
      filename: 'Slides – dag 1.pdf',
      content_type: 'application/pdf',
      size_bytes: pdf.length,
      visibility: 'participants',
      event_id: event.id,
      article_id: null,
    });
    expect(row.storage_key).toMatch(/^[a-f0-9]{32}$/);
    expect(fs.readFileSync(materialPath(ctx, row.storage_key)).equals(pdf)).toBe(true);
    expect(listDir(tmpDir())).toEqual([]);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'after_json'])
      .where('entity_type', '=', 'material')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'material.create', actor_id: manager.staff.id });
    expect(audit[0]!.after_json).not.toContain(row.storage_key);

    // Staff may fetch it to check; the public may not.
    const own = await app.inject({ url: `/admin/materials/${id}/file`, headers: manager.headers });
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(pdf)).toBe(true);
    expect(own.headers['cache-control']).toBe('private, no-store');
    expect((await app.inject(`/materialer/${id}/${encodeURIComponent(row.filename)}`)).statusCode).toBe(404);
    expect((await app.inject(`/admin/materials/${id}/file`)).statusCode).toBe(303);
  });

  it('names the file after what its content is, and takes the title from the name when none is given', async () => {
    const res = await upload(manager, eventFields({ visibility: 'public' }), { filename: 'deltagerliste.pdf', bytes: await xlsxBytes() });
    expect(res.statusCode).toBe(303);
    const row = await rowOf(idOf(res.headers.location));
    expect(row).toMatchObject({
      filename: 'deltagerliste.xlsx',
      title: 'deltagerliste',
      content_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  });

  it('refuses a renamed zip, a program called .pdf, an empty file and no file, keeping nothing', async () => {
    const before = listDir(filesDir());
    const count = async () =>
      Number(
        (
          await ctx.db
            .selectFrom('materials')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const n = await count();
    const cases: Array<[FilePart | undefined, string]> = [
      [{ filename: 'program.docx', bytes: plainZipBytes() }, 'Filen er ikke en PDF eller et kontordokument'],
      [{ filename: 'faktura.pdf', contentType: 'application/pdf', bytes: exeBytes() }, 'Filen er ikke en PDF eller et kontordokument'],
      [{ filename: 'side.pdf', bytes: Buffer.from('<html><script>alert(1)</script></html>') }, 'Filen er ikke en PDF eller et kontordokument'],
      [{ filename: 'tom.pdf', bytes: Buffer.alloc(0) }, 'Filen er tom.'],
      [undefined, 'Vælg en fil.'],
      [{ filename: '', bytes: Buffer.alloc(0) }, 'Vælg en fil.'],
    ];
    for (const [file, message] of cases) {
      const res = await upload(manager, eventFields({ title: 'Forsøg' }), file);
      expect(res.statusCode, file?.filename).toBe(422);
      expect(res.body).toContain(message);
      expect(res.body).toContain('<a href="#file" class="function-link">');
      expect(res.body).toContain('value="Forsøg"');
    }
    expect(await count()).toBe(n);
    expect(listDir(filesDir())).toEqual(before);
    expect(listDir(tmpDir())).toEqual([]);
  });

  it('answers a file over the limit with a clear message, not a 500, and keeps no part of it', async () => {
    const before = listDir(filesDir());
    const big = Buffer.concat([pdf, Buffer.alloc(LIMIT, 0x20)]);
    const res = await upload(manager, eventFields({ title: 'For stor' }), { filename: 'stor.pdf', bytes: big });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Filen er for stor. Den må højst være 60 kB.');
    expect(res.body).toContain('value="For stor"');
    expect(listDir(filesDir())).toEqual(before);
    expect(listDir(tmpDir())).toEqual([]);
    // Exactly at the limit is fine.
    const exact = Buffer.concat([pdf, Buffer.alloc(LIMIT - pdf.length, 0x20)]);
    expect((await upload(manager, eventFields(), { filename: 'lige.pdf', bytes: exact })).statusCode).toBe(303);
  });

  it('keeps hostile file names as harmless metadata only', async () => {
    const names: Array<[string, string]> = [
      ['../../etc/passwd', 'passwd.pdf'],
      ['..\\..\\windows\\system.ini', 'system.pdf'],
      ['<script>.pdf', '_script_.pdf'],
      ['slides\u0000.exe.pdf', 'slides.exe.pdf'],
      ['fakt\u202Efdp.exe', 'faktfdp.pdf'],
    ];
    for (const [sent, stored] of names) {
      const res = await upload(manager, eventFields({ visibility: 'public', title: sent }), { filename: sent, bytes: pdf });
      if (sent.includes('\u0000')) {
        // A title with a NUL is refused with a message; the file name is cleaned, never refused.
        expect(res.statusCode, sent).toBe(422);
        const again = await upload(manager, eventFields({ visibility: 'public' }), { filename: sent, bytes: pdf });
        expect(again.statusCode).toBe(303);
        expect((await rowOf(idOf(again.headers.location))).filename).toBe(stored);
        continue;
      }
      expect(res.statusCode, sent).toBe(303);
      const row = await rowOf(idOf(res.headers.location));
      expect(row.filename, sent).toBe(stored);
      expect(row.storage_key).toMatch(/^[a-f0-9]{32}$/);
    }
    expect(fs.existsSync(path.join(ctx.config.dataDir, 'etc'))).toBe(false);
    expect(fs.existsSync(path.join(ctx.config.dataDir, 'passwd'))).toBe(false);
    const list = await app.inject({ url: `/admin/materials?event=${event.id}`, headers: manager.headers });
    expect(list.body).toContain('&lt;script>.pdf');
    expect(list.body).not.toContain('<script>');
  });

  it('keeps participants’ material to an event', async () => {
    const res = await upload(manager, { title: '', visibility: 'participants', event: '', article: String(articleId) }, { filename: 'x.pdf', bytes: pdf });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Materialer kun for deltagere skal høre til et arrangement.');
    const gone = await upload(manager, eventFields({ event: '999999' }), { filename: 'x.pdf', bytes: pdf });
    expect(gone.statusCode).toBe(422);
    expect(gone.body).toContain('Vælg et arrangement fra listen.');
    expect(listDir(tmpDir())).toEqual([]);
  });

  it('edits, replaces (old file removed) and refuses a bad replacement without touching the old file', async () => {
    const res = await upload(manager, eventFields({ title: 'Program' }), { filename: 'program.pdf', bytes: pdf });
    const id = idOf(res.headers.location);
    const first = await rowOf(id);

    const edited = await upload(manager, eventFields({ title: 'Program, endelig', visibility: 'after_event' }), undefined, `/admin/materials/${id}`);
    expect(edited.statusCode).toBe(303);
    expect(await rowOf(id)).toMatchObject({ title: 'Program, endelig', visibility: 'after_event', storage_key: first.storage_key });

    const bad = await upload(
      manager,
      eventFields({ title: 'Program, endelig' }),
      { filename: 'program.docx', bytes: plainZipBytes() },
      `/admin/materials/${id}`,
    );
    expect(bad.statusCode).toBe(422);
    expect(await rowOf(id)).toMatchObject({ storage_key: first.storage_key, visibility: 'after_event' });
    expect(fs.existsSync(materialPath(ctx, first.storage_key))).toBe(true);

    const docx = docxBytes();
    const replaced = await upload(
      manager,
      eventFields({ title: '', visibility: 'after_event' }),
      { filename: 'program.docx', bytes: docx },
      `/admin/materials/${id}`,
    );
    expect(replaced.statusCode).toBe(303);
    const now = await rowOf(id);
    expect(now).toMatchObject({
      filename: 'program.docx',
      title: 'program',
      content_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      size_bytes: docx.length,
    });
    expect(now.storage_key).not.toBe(first.storage_key);
    expect(fs.existsSync(materialPath(ctx, first.storage_key))).toBe(false);
    expect(fs.readFileSync(materialPath(ctx, now.storage_key)).equals(docx)).toBe(true);
    const actions = (
      await ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'material').where('entity_id', '=', String(id)).orderBy('id').execute()
    ).map((a) => a.action);
    expect(actions).toEqual(['material.create', 'material.update', 'material.replace']);
    expect(listDir(tmpDir())).toEqual([]);
  });

  it('deletes after asking, the file from disk too', async () => {
    const res = await upload(manager, eventFields({ title: 'Væk' }), { filename: 'vaek.pdf', bytes: pdf });
    const id = idOf(res.headers.location);
    const key = (await rowOf(id)).storage_key;
    const ask = await app.inject({ url: `/admin/materials/${id}/delete`, headers: manager.headers });
    expect(ask.body).toContain('Slet materialet “Væk”?');
    const done = await postForm(app, manager, `/admin/materials/${id}/delete`);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/admin/materials?done=deleted');
    expect(await ctx.db.selectFrom('materials').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
    expect(fs.existsSync(materialPath(ctx, key))).toBe(false);
    expect(
      await ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(id)).where('action', '=', 'material.delete').execute(),
    ).toHaveLength(1);
    expect((await postForm(app, manager, `/admin/materials/${id}/delete`)).statusCode).toBe(404);
  });

  it('attaches a file from the article page and goes back there; the published article shows it', async () => {
    const res = await upload(
      manager,
      { title: 'Yderligere materiale', visibility: 'public', event: '', article: String(articleId), return: 'article' },
      { filename: 'bilag.pdf', bytes: pdf },
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/news/${articleId}?done=fileAdded#materials-heading`);
    const edit = await app.inject({ url: res.headers.location!.replace(/#.*/, ''), headers: manager.headers });
    expect(edit.body).toContain('Filen er tilføjet til nyheden.');
    expect(edit.body).toContain('Yderligere materiale');
    const pub = await app.inject('/nyheder/med-bilag');
    expect(pub.body).toContain('/materialer/');
    expect(pub.body).toContain('bilag.pdf');
  });

  it('refuses an upload without the CSRF token and stores nothing', async () => {
    const before = listDir(filesDir());
    const res = await upload(manager, eventFields(), { filename: 'x.pdf', bytes: pdf }, '/admin/materials', false);
    expect(res.statusCode).toBe(403);
    expect(listDir(filesDir())).toEqual(before);
    expect(listDir(tmpDir())).toEqual([]);
  });

  it('shows the pages in English for English-speaking staff', async () => {
    const admin = await staffClient(app, ctx, 'admin', { locale: 'en' });
    const res = await app.inject({ url: `/admin/materials/new?event=${event.id}`, headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Upload a material</h1>');
    expect(res.body).toContain('at most 60 kB');
    expect(res.body).toMatch(/<input[^>]*value="participants"[^>]*checked/);
  });

  it('never answers random fields or file names with a 500', async () => {
    const field = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('', 'public', 'participants', 'after_event', String(event.id), String(articleId), 'article'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({ title: field, visibility: field, event: field, article: field, return: field }),
        fc.string({ unit: 'binary', maxLength: 60 }).map((s) => s.replace(/[\r\n"]/g, '')),
        fc.boolean(),
        async (fields, filename, withPdf) => {
          const res = await upload(manager, fields, { filename: filename || 'x', bytes: withPdf ? pdf : Buffer.from('not a document') });
          expect([303, 413, 422]).toContain(res.statusCode);
        },
      ),
      { numRuns: 40 },
    );
    expect(listDir(tmpDir())).toEqual([]);
  });
});
