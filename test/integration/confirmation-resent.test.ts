/** The confirmation sent again by staff: as the registration stands now, without the self-service token, once per resend key. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeTransaction } from '../../src/db/dialect.js';
import { enqueueRegistrationMail } from '../../src/registrations/mails/enqueue.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { participant, signup } from './registrations-fixtures.js';
import { mailTo, makeSeminar, openMailbox, textOf, type Mailbox } from './self-service-helpers.js';

forEachDialect('confirmation sent again', (dialect) => {
  const t = useTestApp(dialect);
  let mailbox: Mailbox;
  beforeAll(async () => {
    mailbox = await openMailbox(t.current.ctx);
  });
  afterAll(async () => {
    await mailbox?.close();
  });

  it('mails the booker and each participant a copy that points to Mine tilmeldinger, once per key', async () => {
    const { ctx } = t.current;
    const event = await makeSeminar(ctx);
    const created = await createRegistration(
      ctx,
      event.slug,
      signup(2, 1, { booker: { name: 'Birte Booker', email: 'birte@kommune.dk' }, participants: [participant(1), participant(2)] }),
      { locale: 'da' },
    );
    await mailbox.deliver();
    const resend = (key: string) =>
      writeTransaction(ctx.db, (trx) => enqueueRegistrationMail(ctx, trx, { kind: 'confirmation_resent', registrationId: created.id, key }));
    await resend('k1');
    await resend('k1');
    const mails = await mailbox.deliver();
    expect(mails.map((m) => m.envelopeTo[0]).sort()).toEqual(['birte@kommune.dk', 'deltager1@kommune.dk', 'deltager2@kommune.dk']);
    const booker = mailTo(mails, 'birte@kommune.dk')[0]!;
    expect(booker.parsed.subject).toMatch(/^Kopi: Bekræftelse på tilmelding: Konsulent/);
    expect(textOf(booker)).toContain('http://tilmeld.test/mine-tilmeldinger');
    expect(textOf(booker)).not.toContain(created.manageToken);
    expect(textOf(booker)).not.toContain('/tilmelding/');
    expect(booker.parsed.attachments.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true);
    await resend('k2');
    expect(await mailbox.deliver()).toHaveLength(3);
  });
});
