import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { parseCsv } from '../helpers/csv.js';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { pdfText } from '../helpers/pdf-text.js';
import { staffClient, type StaffClient } from '../helpers/staff.js';
import { EVIL_NAME, exportScenario, type ExportScenario } from './exports-fixtures.js';
import { makeEvent } from './registrations-fixtures.js';

const FILES = [
  'registrations.csv',
  'registrations.xlsx',
  'participant-list.pdf',
  'participant-list-staff.pdf',
  'badges.pdf',
  'venue-report.pdf',
  'venue-report.xlsx',
];

forEachDialect('export routes', (dialect) => {
  const t = useTestApp(dialect);
  let scenario: ExportScenario;
  let clients: Record<'manager' | 'finance' | 'facilitator' | 'assigned' | 'english', StaffClient>;
  const url = (file = '') => `/admin/events/${scenario.event.id}/exports${file ? `/${file}` : ''}`;

  beforeAll(async () => {
    const { app, ctx } = t.current;
    scenario = await exportScenario(ctx);
    clients = {
      manager: await staffClient(app, ctx, 'manager'),
      finance: await staffClient(app, ctx, 'finance'),
      facilitator: await staffClient(app, ctx, 'facilitator'),
      assigned: await staffClient(app, ctx, 'facilitator'),
      english: await staffClient(app, ctx, 'admin', { locale: 'en' }),
    };
    await ctx.db.insertInto('event_facilitators').values({ event_id: scenario.event.id, user_id: clients.assigned.staff.id }).execute();
  });

  it('sends anonymous visitors to the login page', async () => {
    for (const file of ['', ...FILES]) {
      const res = await t.current.app.inject(url(file));
      expect(res.statusCode, file).toBe(303);
      expect(res.headers.location).toMatch(/^\/admin\/login\?next=/);
    }
  });

  it('refuses a facilitator who is not assigned to the event, and serves one who is', async () => {
    for (const file of ['', ...FILES]) {
      expect((await t.current.app.inject({ url: url(file), headers: clients.facilitator.headers })).statusCode, file).toBe(403);
      expect((await t.current.app.inject({ url: url(file), headers: clients.assigned.headers })).statusCode, file).toBe(200);
    }
  });

  it('shows the export page with every download to finance', async () => {
    const res = await t.current.app.inject({ url: url(), headers: clients.finance.headers });
    expect(res.statusCode).toBe(200);
    for (const file of FILES) expect(res.body).toContain(`href="${url(file)}"`);
    expect(res.body).toContain('Rapport til kursusstedet (PDF)');
  });

  it('offers no venue report for a course without overnight stay', async () => {
    const course = await makeEvent(t.current.ctx, { type: 'kursus' });
    const page = await t.current.app.inject({ url: `/admin/events/${course.id}/exports`, headers: clients.manager.headers });
    expect(page.body).not.toContain('venue-report');
    const res = await t.current.app.inject({ url: `/admin/events/${course.id}/exports/venue-report.pdf`, headers: clients.manager.headers });
    expect(res.statusCode).toBe(404);
  });

  it('sends the CSV as an attachment that is never cached', async () => {
    const res = await t.current.app.inject({ url: url('registrations.csv'), headers: clients.manager.headers });
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="tilmeldinger-${scenario.event.slug}.csv"`);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const rows = parseCsv(res.rawPayload.toString('utf8'));
    expect(rows[1]![3]).toBe(`'${EVIL_NAME}`);
  });

  it('writes the files in the staff member’s own language', async () => {
    const res = await t.current.app.inject({ url: url('registrations.xlsx'), headers: clients.english.headers });
    expect(res.headers['content-disposition']).toBe(`attachment; filename="registrations-${scenario.event.slug}.xlsx"`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.getWorksheet('Registrations')!.getCell('D2').value).toBe(EVIL_NAME);
    const pdf = await t.current.app.inject({ url: url('participant-list-staff.pdf'), headers: clients.english.headers });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdfText(pdf.rawPayload)).toContain('PARTICIPANT LIST FOR INTERNAL USE');
  });

  it('answers 404 for an event that does not exist and 400 for an id that cannot be one', async () => {
    expect((await t.current.app.inject({ url: '/admin/events/999999/exports/badges.pdf', headers: clients.manager.headers })).statusCode).toBe(404);
    expect((await t.current.app.inject({ url: '/admin/events/999999/exports', headers: clients.manager.headers })).statusCode).toBe(404);
    expect((await t.current.app.inject({ url: '/admin/events/abc/exports', headers: clients.manager.headers })).statusCode).toBe(400);
  });
});
