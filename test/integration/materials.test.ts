import fs from 'node:fs/promises';
import { beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { forEachDialect } from '../helpers/databases.js';
import { TEST_NOW, useTestApp } from '../helpers/app.js';
import { createArticle } from '../../src/news/news.service.js';
import { makeEvent } from './registrations-fixtures.js';
import { materialPath, storeMaterial } from '../../src/materials/materials.service.js';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20_000, 0x41), Buffer.from('\n%%EOF\n')]);

forEachDialect('material downloads', (dialect) => {
  const t = useTestApp(dialect);
  const ids = {} as {
    pdf: number;
    ascii: number;
    participants: number;
    afterEvent: number;
    missing: number;
    odd: number;
    scheduled: number;
    draftEvent: number;
    orphan: number;
    both: number;
  };

  beforeAll(async () => {
    const { ctx } = t.current;
    const articleId = await createArticle(ctx, { slug: 'med-materiale', headline: 'Med materiale', publishedAt: '2016-05-24T08:00:00.000Z' });
    ids.pdf = await storeMaterial(ctx, {
      title: 'Døgnseminar. Politisk konsulent 2016',
      filename: 'Døgnseminar – politisk konsulent 2016.pdf',
      contentType: 'application/pdf',
      bytes: PDF,
      visibility: 'public',
      articleId,
    });
    const event = await makeEvent(ctx);
    const draftEvent = await makeEvent(ctx, { status: 'draft' });
    const scheduledArticle = await createArticle(ctx, {
      slug: 'planlagt',
      headline: 'Planlagt',
      publishedAt: new Date(TEST_NOW.getTime() + 86_400_000).toISOString(),
    });
    ids.ascii = await storeMaterial(ctx, {
      title: 'Program',
      filename: 'program.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      bytes: Buffer.from('PK fake docx'),
      visibility: 'public',
      eventId: event.id,
    });
    ids.participants = await storeMaterial(ctx, {
      title: 'Slides',
      filename: 'slides.pdf',
      contentType: 'application/pdf',
      bytes: PDF,
      visibility: 'participants',
      eventId: event.id,
    });
    ids.afterEvent = await storeMaterial(ctx, {
      title: 'Opsamling',
      filename: 'opsamling.pdf',
      contentType: 'application/pdf',
      bytes: PDF,
      visibility: 'after_event',
      eventId: event.id,
    });
    ids.missing = await storeMaterial(ctx, {
      title: 'Forsvundet',
      filename: 'forsvundet.pdf',
      contentType: 'application/pdf',
      bytes: PDF,
      visibility: 'public',
      articleId,
    });
    ids.scheduled = await storeMaterial(ctx, {
      title: 'Bilag',
      filename: 'bilag.pdf',
      contentType: 'application/pdf',
      bytes: PDF,
      visibility: 'public',
      articleId: scheduledArticle,
    });
    ids.draftEvent = await storeMaterial(ctx, {
      title: 'Udkast',
      filename: 'udkast.pdf',
      contentType: 'application/pdf',
      bytes: PDF,
      visibility: 'public',
      eventId: draftEvent.id,
    });
    ids.orphan = await storeMaterial(ctx, {
      title: 'Løs fil',
      filename: 'loes.pdf',
      contentType: 'application/pdf',
      bytes: PDF,
      visibility: 'public',
    });
    // On a scheduled article, but also on a public event: the event makes it public.
    ids.both = await storeMaterial(ctx, {
      title: 'Begge',
      filename: 'begge.pdf',
      contentType: 'application/pdf',
      bytes: PDF,
      visibility: 'public',
      eventId: event.id,
      articleId: scheduledArticle,
    });
    const row = await ctx.db.selectFrom('materials').select('storage_key').where('id', '=', ids.missing).executeTakeFirstOrThrow();
    await fs.rm(materialPath(ctx, row.storage_key));
    ids.odd = await storeMaterial(ctx, {
      title: 'Mærkelig type',
      filename: 'noter.txt',
      contentType: 'text/html\r\nX-Injected: 1',
      bytes: Buffer.from('<script>alert(1)</script>'),
      visibility: 'public',
      articleId,
    });
  });

  const pdfUrl = () => `/materialer/${ids.pdf}/${encodeURIComponent('Døgnseminar – politisk konsulent 2016.pdf')}`;

  it('streams a public file with type, length, a Danish file name and safe headers', async () => {
    const res = await t.current.app.inject(pdfUrl());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-length']).toBe(String(PDF.length));
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Doegnseminar - politisk konsulent 2016.pdf"; filename*=UTF-8''D%C3%B8gnseminar%20%E2%80%93%20politisk%20konsulent%202016.pdf`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.rawPayload.equals(PDF)).toBe(true);
  });

  it('keeps a plain ASCII name without the UTF-8 variant', async () => {
    const res = await t.current.app.inject(`/materialer/${ids.ascii}/program.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe('attachment; filename="program.docx"');
    expect(res.body).toBe('PK fake docx');
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await t.current.app.inject({ method: 'HEAD', url: pdfUrl() });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-length']).toBe(String(PDF.length));
    expect(res.body).toBe('');
  });

  it('sends a wrong or old file name on to the right address', async () => {
    const res = await t.current.app.inject(`/materialer/${ids.pdf}/gammelt-navn.pdf`);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(`/materialer/${ids.pdf}/D%C3%B8gnseminar%20%E2%80%93%20politisk%20konsulent%202016.pdf`);
  });

  it('does not hand out materials meant for participants', async () => {
    for (const id of [ids.participants, ids.afterEvent]) {
      const name = id === ids.participants ? 'slides.pdf' : 'opsamling.pdf';
      const res = await t.current.app.inject(`/materialer/${id}/${name}`);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-disposition']).toBeUndefined();
      // A wrong name must not reveal that the material exists either.
      expect((await t.current.app.inject(`/materialer/${id}/x.pdf`)).statusCode).toBe(404);
    }
  });

  it('does not hand out public files of a scheduled article, a draft event or nothing at all', async () => {
    for (const [id, name] of [
      [ids.scheduled, 'bilag.pdf'],
      [ids.draftEvent, 'udkast.pdf'],
      [ids.orphan, 'loes.pdf'],
    ] as const) {
      const res = await t.current.app.inject(`/materialer/${id}/${name}`);
      expect(res.statusCode, name).toBe(404);
      expect(res.headers['content-disposition']).toBeUndefined();
    }
    expect((await t.current.app.inject(`/materialer/${ids.both}/begge.pdf`)).statusCode).toBe(200);
  });

  it('answers a file missing on disk and unknown ids with the 404 page', async () => {
    const missing = await t.current.app.inject(`/materialer/${ids.missing}/forsvundet.pdf`);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('text/html');
    expect(missing.body).toContain('Siden blev ikke fundet');
    expect((await t.current.app.inject('/materialer/999999/x.pdf')).statusCode).toBe(404);
  });

  it('refuses a malformed stored media type instead of passing it on', async () => {
    const res = await t.current.app.inject(`/materialer/${ids.odd}/noter.txt`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['x-injected']).toBeUndefined();
  });

  it('answers bad ids with 400 and random input never with a 500', async () => {
    for (const bad of ['0', '-3', 'abc', '1.5', '99999999999']) {
      expect((await t.current.app.inject(`/materialer/${bad}/x.pdf`)).statusCode, bad).toBe(400);
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1 }), fc.string({ unit: 'binary', minLength: 1 }), async (id, name) => {
        const res = await t.current.app.inject(`/materialer/${encodeURIComponent(id)}/${encodeURIComponent(name)}`);
        expect([301, 400, 404]).toContain(res.statusCode);
      }),
      { numRuns: 80 },
    );
  });
});
