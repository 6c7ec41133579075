/**
 * The organiser's name, not the software's, wherever the public reads who
 * sends or publishes, on both databases: before an identity is saved the
 * catalogue's "Tilmeld" stands in; once saved, the confirmation mail's footer
 * (Danish and English), a mailing's footer, the news feed's title, the
 * automatic reminder's sender and the certificate PDF name the organiser.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Clock } from '../../src/lib/clock.js';
import { issueCertificate } from '../../src/certificates/index.js';
import { TEMPLATES } from '../../src/messages/campaign-templates.js';
import { eventForMessages, sendCampaign } from '../../src/messages/campaigns.service.js';
import { saveReminderSettings, sendDueReminders } from '../../src/messages/reminders.service.js';
import { createArticle } from '../../src/news/news.service.js';
import { updateIdentity } from '../../src/organiser/identity.service.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import type { StaffIdentity } from '../../src/staff/identity.js';
import { TEST_NOW, useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { pdfText } from '../helpers/pdf-text.js';
import { createStaff } from '../helpers/staff.js';
import { EVENT_START, makeEvent, participant, signup, type TestEvent } from './registrations-fixtures.js';
import { mailTo, openMailbox, textOf, type Mailbox } from './self-service-helpers.js';

const NAME = 'Kursuscenter Fyn';
/** The mailing footer, Danish ("… via X.") or English ("… through X."). */
const MAILING_FOOTER = new RegExp(`(via|through) ${NAME}\\.`);

forEachDialect('the organiser name in mails, feed and documents', (dialect) => {
  let now = new Date(TEST_NOW);
  const clock: Clock = { now: () => new Date(now) };
  const t = useTestApp(dialect, clock);
  let mailbox: Mailbox;
  let event: TestEvent;
  let staff: StaffIdentity;

  beforeAll(async () => {
    const ctx = t.current.ctx;
    mailbox = await openMailbox(ctx);
    event = await makeEvent(ctx, { title: 'Klarsprog for sagsbehandlere' });
    staff = { ...(await createStaff(ctx, 'manager')), locale: 'da', via: 'session' };
    await createArticle(ctx, { slug: 'nyt-program', headline: 'Nyt program', publishedAt: TEST_NOW.toISOString() });
  });
  afterAll(async () => {
    await mailbox?.close();
  });

  const feedTitle = async () => /<channel>\s*<title>([^<]*)<\/title>/.exec((await t.current.app.inject('/nyheder/feed.xml')).body)?.[1];
  const outboxText = async (dedupePrefix: string) => {
    const rows = await t.current.ctx.db.selectFrom('outbox_messages').select(['payload']).where('dedupe_key', 'like', `${dedupePrefix}%`).execute();
    return rows.map((r) => (JSON.parse(r.payload) as { text: string }).text);
  };

  it('says Tilmeld until the organiser has a name', async () => {
    expect(await feedTitle()).toBe('Nyheder fra Tilmeld');
    await createRegistration(t.current.ctx, event.slug, { ...signup(), participants: [participant(9, { name: 'Før Navn' })] }, { locale: 'da' });
    const [mail] = mailTo(await mailbox.deliver(), 'deltager9@kommune.dk');
    expect(textOf(mail!)).toContain('Denne e-mail er sendt automatisk af Tilmeld.');
  });

  it('names the organiser once saved: confirmation mails in both languages, mailing, feed, reminder and certificate', async () => {
    const ctx = t.current.ctx;
    const saved = await updateIdentity(ctx, null, { name: NAME, contactEmail: 'kursus@fyn.example', contactPhone: '', contactAddress: '', privacyContact: '' });
    expect(saved.ok).toBe(true);

    await createRegistration(ctx, event.slug, { ...signup(), participants: [participant(1, { name: 'Åse Dansk' })] }, { locale: 'da' });
    await createRegistration(ctx, event.slug, { ...signup(), participants: [participant(2, { name: 'Eve English' })] }, { locale: 'en' });
    const mails = await mailbox.deliver();
    const da = textOf(mailTo(mails, 'deltager1@kommune.dk')[0]!);
    const en = textOf(mailTo(mails, 'deltager2@kommune.dk')[0]!);
    expect(da).toContain(`Denne e-mail er sendt automatisk af ${NAME}.`);
    expect(en).toContain(`This e-mail was sent automatically by ${NAME}.`);
    expect(`${da}\n${en}`).not.toMatch(/af Tilmeld|by Tilmeld/);

    expect(await feedTitle()).toBe(`Nyheder fra ${NAME}`);

    const messagesEvent = (await eventForMessages(ctx, event.id))!;
    const p = TEMPLATES.practical;
    const sent = await sendCampaign(
      ctx,
      staff,
      messagesEvent,
      {
        audience: 'confirmed',
        template: 'practical',
        da: { subject: p.da.subject, body: 'Mød op ved hovedindgangen.' },
        en: { subject: '', body: '' },
        sendAt: null,
      },
      `organiser-name-${dialect}-mailing-key`,
    );
    expect(sent.ok).toBe(true);
    const mailing = await outboxText(`campaign:${sent.ok ? sent.campaignId : 0}:`);
    expect(mailing.length).toBeGreaterThan(0);
    for (const text of mailing) expect(text).toMatch(MAILING_FOOTER);

    await saveReminderSettings(ctx, staff, event.id, { enabled: true, daysBefore: 2, noteDa: 'Husk madpakke.', noteEn: '', joinUrl: '' });
    now = new Date(Date.parse(EVENT_START) - 2 * 86_400_000 + 60_000);
    await sendDueReminders(ctx);
    const reminder = await ctx.db
      .selectFrom('message_campaigns')
      .select(['id', 'created_by_name'])
      .where('kind', '=', 'reminder')
      .where('event_id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(reminder.created_by_name).toBe(NAME);
    for (const text of await outboxText(`campaign:${reminder.id}:`)) expect(text).toMatch(MAILING_FOOTER);

    const participantId = (await ctx.db.selectFrom('participants').select('id').where('name', '=', 'Åse Dansk').executeTakeFirstOrThrow()).id;
    const issued = await issueCertificate(ctx, participantId, { force: true });
    expect(issued.ok).toBe(true);
    const code = issued.ok ? issued.certificate.code : '';
    const row = await ctx.db.selectFrom('outbox_messages').select('payload').where('dedupe_key', '=', `certificate:${code}`).executeTakeFirstOrThrow();
    const payload = JSON.parse(row.payload) as { text: string; attachments: Array<{ contentBase64: string }> };
    expect(payload.text).toContain(NAME);
    const pdf = pdfText(Buffer.from(payload.attachments[0]!.contentBase64, 'base64'));
    expect(pdf).toContain(NAME);
    expect(pdf).not.toContain('Tilmeld');
  });
});
