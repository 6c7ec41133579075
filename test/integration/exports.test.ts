import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { badgesFile, participantListFile, participantsSpreadsheet, venueReportFile } from '../../src/registrations/exports/exports.service.js';
import { parseCsv } from '../helpers/csv.js';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { pdfText } from '../helpers/pdf-text.js';
import { EVIL_NAME, exportScenario, type ExportScenario } from './exports-fixtures.js';
import { makeEvent } from './registrations-fixtures.js';

async function readXlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book;
}

function expectEmbeddedFont(pdf: Buffer): void {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.includes('/FontFile2')).toBe(true);
  expect(pdf.includes('IBMPlexSans')).toBe(true);
  expect(pdf.includes('/Helvetica')).toBe(false);
}

forEachDialect('event exports', (dialect) => {
  const t = useTestApp(dialect);
  const ctx = () => t.current.ctx;
  let scenario: ExportScenario;
  const eventId = () => scenario.event.id;

  it('sets up a døgnseminar with confirmed, waiting and cancelled participants', async () => {
    scenario = await exportScenario(ctx());
    const statuses = await ctx().db.selectFrom('participants').select(['name', 'status']).where('event_id', '=', eventId()).orderBy('id').execute();
    expect(statuses.map((p) => p.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted', 'waitlisted', 'cancelled']);
  });

  it('exports every participant as CSV for Danish Excel, a column per question, formulas neutralised', async () => {
    const file = (await participantsSpreadsheet(ctx(), eventId(), 'csv', 'da'))!;
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(file.filename).toBe(`tilmeldinger-${scenario.event.slug}.csv`);
    expect(file.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(file.body.toString('utf8'));
    expect(rows[0]).toEqual([
      'Tilmeldingsnummer',
      'Status',
      'Nr. på venteliste',
      'Navn',
      'E-mail',
      'Stilling',
      'Arbejdsplads',
      'Organisation',
      'CVR-nummer',
      'EAN-nummer',
      'Personreference',
      'Ordrenummer',
      'Kost og allergier',
      'Tilgængelighed',
      'Tilvalg',
      'Ønsker at dele værelse med',
      'Hvilken workshop vil du deltage i?',
      'Deltager du i middagen?',
      'Pris ekskl. moms (kr.)',
      'Tilmeldt',
      'Fremmøde',
    ]);
    expect(rows).toHaveLength(7);
    const [, evil, bodil, aase, viggo, vera, carl] = rows as string[][];
    const { pair, group, cancelled } = scenario.registrationIds;
    expect(evil).toEqual([
      String(pair),
      'Bekræftet',
      '',
      `'${EVIL_NAME}`,
      'deltager1@kommune.dk',
      'Konsulent',
      'Borgerservice',
      'Aarhus Kommune',
      '="55133018"',
      '="5798000416604"',
      'HR 4711',
      '="00451234"',
      'Vegetar',
      '',
      'Overnatning i enkeltværelse, Tilvalg dinner',
      '',
      'Facilitering',
      'Ja',
      '5650,00',
      '2026-06-01 12:00',
      '',
    ]);
    expect(bodil!.slice(3, 7)).toEqual(['Bodil Ærø', 'deltager2@kommune.dk', 'Chefkonsulent', 'Økonomi']);
    expect(bodil!.slice(16, 19)).toEqual(['Politisk betjening', '', '3950,00']);
    expect(aase!.slice(12, 15)).toEqual(['Glutenfri', 'Kørestol', 'Overnatning i enkeltværelse']);
    expect([viggo![0], viggo![1], viggo![2], viggo![3]]).toEqual([String(group), 'På venteliste', '1', 'Viggo Venter']);
    expect([vera![2], vera![3], vera![14], vera![18]]).toEqual(['2', 'Vera Venter', 'Tilvalg dinner (når der bliver plads)', '4800,00']);
    expect([carl![0], carl![1], carl![2], carl![18]]).toEqual([String(cancelled), 'Afmeldt', '', '0,00']);
  });

  it('exports the same as XLSX with real types, the formula kept as a string cell', async () => {
    const file = (await participantsSpreadsheet(ctx(), eventId(), 'xlsx', 'en'))!;
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.filename).toBe(`registrations-${scenario.event.slug}.xlsx`);
    const sheet = (await readXlsx(file.body)).getWorksheet('Registrations')!;
    expect(sheet.getRow(1).getCell(4).value).toBe('Name');
    expect(sheet.getRow(1).getCell(16).value).toBe('Would like to share a room with');
    expect(sheet.getRow(1).getCell(17).value).toBe('Which workshop will you join?');
    expect(sheet.rowCount).toBe(7);
    const evil = sheet.getRow(2);
    expect(evil.getCell(1).value).toBe(scenario.registrationIds.pair);
    expect(evil.getCell(2).value).toBe('Confirmed');
    expect(evil.getCell(4).type).toBe(ExcelJS.ValueType.String);
    expect(evil.getCell(4).value).toBe(EVIL_NAME);
    expect(evil.getCell(10).value).toBe('5798000416604');
    expect(evil.getCell(12).value).toBe('00451234');
    expect(evil.getCell(17).value).toBe('Facilitation');
    expect(evil.getCell(18).value).toBe('Yes');
    expect(evil.getCell(19).value).toBe(5650);
    expect((evil.getCell(20).value as Date).toISOString()).toBe('2026-06-01T12:00:00.000Z');
    expect(sheet.getRow(5).getCell(3).value).toBe(1);
    expect(sheet.getRow(6).getCell(3).value).toBe(2);
    expect(sheet.getRow(1).getCell(21).value).toBe('Attendance');
    expect(sheet.autoFilter).toBe('A1:U7');
  });

  it('lists only consenting participants with a place on the shared participant list', async () => {
    const file = (await participantListFile(ctx(), eventId(), 'shared', 'da'))!;
    expect(file.filename).toBe(`deltagerliste-${scenario.event.slug}.pdf`);
    expectEmbeddedFont(file.body);
    const text = pdfText(file.body);
    expect(text).toContain('DELTAGERLISTE');
    expect(text).toContain(EVIL_NAME);
    expect(text).toContain('Bodil Ærø');
    expect(text).toContain('Chefkonsulent, Økonomi');
    expect(text).toContain('2 deltagere');
    expect(text).not.toContain('Åse Ørum');
    expect(text).not.toContain('Venter');
    expect(text).not.toContain('Carl');
    expect(text).not.toContain('@kommune.dk');
  });

  it('lists every participant with a place on the staff list, marking those who did not consent', async () => {
    const file = (await participantListFile(ctx(), eventId(), 'staff', 'da'))!;
    expect(file.filename).toBe(`deltagerliste-intern-${scenario.event.slug}.pdf`);
    const text = pdfText(file.body);
    expect(text).toContain('Åse Ørum *');
    expect(text).toContain('deltager3@kommune.dk');
    expect(text).toContain('3 deltagere');
    expect(text).not.toContain('Venter');
    expect(text).not.toContain('Carl');
  });

  it('prints name badges for the participants with a place', async () => {
    const file = (await badgesFile(ctx(), eventId(), 'en'))!;
    expect(file.filename).toBe(`name-badges-${scenario.event.slug}.pdf`);
    expectEmbeddedFont(file.body);
    const text = pdfText(file.body);
    for (const name of ['Bodil Ærø', 'Åse Ørum', EVIL_NAME]) expect(text).toContain(name);
    expect(text).toContain('Borgerservice, Aarhus Kommune');
    expect(text).not.toContain('Venter');
  });

  it('reports rooms per night and meals per diet to the venue', async () => {
    const file = (await venueReportFile(ctx(), eventId(), 'xlsx', 'da'))!;
    expect(file.filename).toBe(`kursussted-${scenario.event.slug}.xlsx`);
    const book = await readXlsx(file.body);
    const rooms = book.getWorksheet('Værelser pr. nat')!;
    expect(rooms.getRow(2).values).toEqual([undefined, 'Natten mellem 15. september 2026 og 16. september 2026', 2, 0, 0, 2]);
    const meals = book.getWorksheet('Måltider')!;
    // Everyone with a place has a diet here, so there is no column for none (see the unit tests).
    expect(meals.getRow(1).values).toEqual([undefined, 'Måltid', 'Tidspunkt', 'Antal', 'Vegetar', 'Glutenfri']);
    const rowsOf = (sheet: ExcelJS.Worksheet) =>
      sheet
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[]).slice(1));
    expect(rowsOf(meals).map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      // "Vegetar" and "  vegetar " are one diet.
      ['Frokost', 3, 2, 1],
      // Dinner is an add-on: only the one who chose it (Vera, waiting, does not count).
      ['Middag og netværk', 1, 1, 0],
      // Breakfast after the night, for the two who stayed.
      ['Morgenmad', 2, 1, 1],
      ['Frokost og afrejse', 3, 2, 1],
    ]);
    expect(rowsOf(meals)[0]![1]).toBe('Tirsdag den 15. september 2026, kl. 12.00');
    const people = book.getWorksheet('Deltagere med særlige hensyn')!;
    // Sorted the Danish way: Å comes last.
    expect(rowsOf(people)).toEqual([
      [EVIL_NAME, 'Vegetar', ''],
      ['Bodil Ærø', 'vegetar', ''],
      ['Åse Ørum', 'Glutenfri', 'Kørestol'],
    ]);
  });

  it('writes the venue report as a PDF too', async () => {
    const file = (await venueReportFile(ctx(), eventId(), 'pdf', 'da'))!;
    expectEmbeddedFont(file.body);
    const text = pdfText(file.body);
    expect(text).toContain('RAPPORT TIL KURSUSSTEDET');
    expect(text).toContain('Natten mellem 15. september 2026 og 16. september 2026');
    expect(text).toContain('Middag og netværk');
    expect(text).toContain('Vegetar: 2');
    expect(text).toContain('Glutenfri: 1');
    expect(text).toContain('Kørestol');
  });

  describe('an event without participants or overnight stay', () => {
    it('exports empty files and no venue report', async () => {
      const course = await makeEvent(ctx(), { type: 'kursus', questions: false });
      const csv = (await participantsSpreadsheet(ctx(), course.id, 'csv', 'da'))!;
      expect(parseCsv(csv.body.toString('utf8'))).toHaveLength(1);
      expect(pdfText((await participantListFile(ctx(), course.id, 'shared', 'da'))!.body)).toContain('Der er ingen deltagere på listen.');
      expect((await badgesFile(ctx(), course.id, 'da'))!.body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(await venueReportFile(ctx(), course.id, 'pdf', 'da')).toBeUndefined();
    });

    it('answers undefined for an event that does not exist', async () => {
      expect(await participantsSpreadsheet(ctx(), 999_999, 'csv', 'da')).toBeUndefined();
      expect(await participantListFile(ctx(), 999_999, 'staff', 'da')).toBeUndefined();
      expect(await badgesFile(ctx(), 999_999, 'da')).toBeUndefined();
      expect(await venueReportFile(ctx(), 999_999, 'xlsx', 'da')).toBeUndefined();
    });
  });
});
