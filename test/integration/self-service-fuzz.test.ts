import fc from 'fast-check';
import { expect, it } from 'vitest';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { useTestApp } from '../helpers/app.js';
import { encodedForm, hostileFormFields } from '../helpers/hostile-form.js';
import { forEachDialect } from '../helpers/databases.js';
import { participant, signup } from './registrations-fixtures.js';
import { formSession, makeSeminar } from './self-service-helpers.js';

const formFields = hostileFormFields(
  [
    'participants[0][name]',
    'participants[0][email]',
    'participants[0][jobTitle]',
    'participants[0][workplace]',
    'participants[0][phone]',
    'participants[0][diet]',
    'participants[0][accessibilityNeeds]',
    'participants[0][answers][1]',
    'participants[0][answers][1][]',
    'participants[0][answers][999999999]',
    'participants[0][addOns][]',
    'participants[5][name]',
    'participants[99999][email]',
    'confirm',
    'email',
  ],
  { extraTexts: ['../../etc/passwd', 'a@b'], maxLength: 12 },
);

forEachDialect('self-service and Mine tilmeldinger under hostile input', (dialect) => {
  const t = useTestApp(dialect);

  it('never answers 500 to any form, however it is filled in or encoded', async () => {
    const { app, ctx } = t.current;
    const event = await makeSeminar(ctx, { questions: true, addOns: [{ code: 'overnight' }] });
    const created = await createRegistration(
      ctx,
      event.slug,
      signup(3, 1, { participants: [1, 2, 3].map((n) => participant(n, { answers: { [event.questionIds.workshop]: 'a' } })) }),
      { locale: 'da' },
    );
    const token = created.manageToken;
    const ids = created.participants.map((p) => p.id);
    const session = await formSession(app, `/tilmelding/${token}/deltager/${ids[0]}/ret`);
    expect(session.csrf).not.toBe('');
    let ip = 0;

    const targets = fc.oneof(
      fc.constantFrom(...ids).map((id) => `/tilmelding/${token}/deltager/${id}/ret`),
      fc.constantFrom(...ids).map((id) => `/tilmelding/${token}/deltager/${id}/udskift`),
      fc.constant(`/en/booking/${token}/participant/${ids[2]}/edit`),
      fc.constant(`/tilmelding/${token}/deltager/${ids[1]}/afmeld`),
      fc.constant(`/tilmelding/${token}/afmeld`),
      fc.constant(`/en/booking/${token}/cancel`),
      fc.constant('/mine-tilmeldinger'),
      fc.constant('/en/my-bookings'),
      fc.string({ unit: 'binary', maxLength: 60 }).map((s) => `/mine-tilmeldinger/link/${encodeURIComponent(s)}`),
      fc.string({ maxLength: 60 }).map((s) => `/tilmelding/${encodeURIComponent(s)}/deltager/${ids[0]}/ret`),
    );

    await fc.assert(
      fc.asyncProperty(targets, formFields, fc.boolean(), async (url, fields, asJson) => {
        const { payload, type } = encodedForm(fields, session.csrf, asJson);
        const res = await app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': type, cookie: session.cookie, 'x-forwarded-for': `10.77.${Math.floor(++ip / 250)}.${ip % 250}` },
          payload,
        });
        expect(res.statusCode, `${url} ${payload.slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: 120 },
    );
  });

  it('never answers 500 to a hostile address in any of the pages', async () => {
    const { app } = t.current;
    const segment = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.constantFrom('%00', '%', '%ZZ', '..', 'A'.repeat(43), '1', '-1', '0x10', '9'.repeat(30)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/tilmelding/', '/en/booking/', '/mine-tilmeldinger/link/', '/mine-tilmeldinger/oversigt/', '/en/my-bookings/overview/'),
        segment,
        fc.option(fc.tuple(fc.constantFrom('deltager', 'participant', 'afmeld', 'kalender.ics'), segment, segment), { nil: undefined }),
        fc.string({ maxLength: 40 }),
        async (base, first, rest, cookie) => {
          const tail = rest ? `/${rest[0]}/${encodeURIComponent(rest[1])}/${encodeURIComponent(rest[2])}` : '';
          const url = `${base}${encodeURIComponent(first)}${tail}?done=${encodeURIComponent(first)}`;
          const res = await app.inject({ method: 'GET', url, headers: { cookie: `tilmeld_bookings=${encodeURIComponent(cookie)}` } });
          expect(res.statusCode, url).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });
});
