/**
 * Events for the sign-up form tests, built with the services. The clock
 * stands at TEST_NOW (1 June 2026).
 */
import type { AppContext } from '../../src/context.js';
import { createTestEvent, type TestEventInput } from '../helpers/events.js';
import { addAddOn, addQuestion, setSignupSettings } from '../../src/registrations/signup/signup-settings.service.js';

const base = (slug: string, over: Partial<TestEventInput> = {}): TestEventInput => ({
  slug,
  type: 'doegnseminar',
  status: 'published',
  title: 'Konsulent i en politisk styret organisation',
  summary: 'Et døgn om konsulentens rolle.',
  venue: { name: 'Kursuscenter Søhøjlandet', address: 'Bakkedraget 14', postalCode: '8660', city: 'Skanderborg' },
  capacity: 40,
  signupClosesAt: '2026-08-15T10:00:00.000Z',
  priceOre: 450_000,
  vatMode: 'standard',
  sessions: [{ startsAt: '2026-09-10T07:30:00.000Z', endsAt: '2026-09-11T11:00:00.000Z', title: 'Døgnseminar' }],
  ...over,
});

export interface SignupFixtures {
  open: { slug: string; questions: { text: number; single: number; multiple: number; yesno: number } };
  full: string;
  partial: string;
  exempt: string;
  notOpen: string;
  deadlinePassed: string;
  cancelled: string;
  archived: string;
  draft: string;
  lastRoom: string;
  noQuestions: { slug: string; id: number };
}

export async function createSignupFixtures(ctx: AppContext): Promise<SignupFixtures> {
  const openId = await createTestEvent(ctx, base('doegnseminar-aaben'));
  await setSignupSettings(ctx, openId, { cancellation: { freeDays: 30, late: 'fee', lateFeeOre: 150_000 } });
  await addAddOn(ctx, openId, {
    code: 'overnight',
    nameDa: 'Overnatning i enkeltværelse',
    nameEn: 'Overnight stay in a single room',
    kind: 'overnight',
    priceOre: 125_000,
    capacity: 10,
    position: 1,
  });
  await addAddOn(ctx, openId, { code: 'dinner', nameDa: 'Middag', nameEn: 'Dinner', kind: 'meal', priceOre: 45_000, position: 2 });
  await addAddOn(ctx, openId, { code: 'boat', nameDa: 'Sejltur', nameEn: 'Boat trip', kind: 'excursion', priceOre: 20_000, capacity: 0, position: 3 });
  const text = await addQuestion(ctx, openId, {
    kind: 'text',
    labelDa: 'Hvad vil du gerne blive klogere på?',
    labelEn: 'What would you like to learn more about?',
    required: true,
    position: 1,
  });
  const single = await addQuestion(ctx, openId, {
    kind: 'single',
    labelDa: 'Hvilken workshop vælger du?',
    labelEn: 'Which workshop do you choose?',
    required: true,
    position: 2,
    options: [
      { value: 'facilitering', da: 'Facilitering', en: 'Facilitation' },
      { value: 'samskabelse', da: 'Samskabelse', en: 'Co-creation' },
    ],
  });
  const multiple = await addQuestion(ctx, openId, {
    kind: 'multiple',
    labelDa: 'Hvilke emner arbejder du med?',
    labelEn: 'Which subjects do you work with?',
    position: 3,
    options: [
      { value: 'ledelse', da: 'Ledelse', en: 'Leadership' },
      { value: 'politik', da: 'Politisk betjening', en: 'Political support' },
    ],
  });
  const yesno = await addQuestion(ctx, openId, { kind: 'yesno', labelDa: 'Kommer du i bil?', labelEn: 'Are you coming by car?', position: 4 });

  await createTestEvent(ctx, base('doegnseminar-fuldt', { capacity: 0 }));
  const partialId = await createTestEvent(ctx, base('doegnseminar-delvis', { capacity: 1 }));
  await setSignupSettings(ctx, partialId, { allowPartial: true });
  await createTestEvent(
    ctx,
    base('webinar-momsfri', { type: 'webinar', venue: null, priceOre: 50_000, vatMode: 'exempt', vatExemptionReason: 'Undervisning' }),
  );
  await createTestEvent(ctx, base('kursus-ikke-aabnet', { signupOpensAt: '2026-07-01T07:00:00.000Z' }));
  await createTestEvent(ctx, base('kursus-frist-overskredet', { signupClosesAt: '2026-05-01T10:00:00.000Z' }));
  await createTestEvent(ctx, base('kursus-aflyst', { status: 'cancelled' }));
  await createTestEvent(
    ctx,
    base('kursus-arkiveret', {
      status: 'archived',
      signupClosesAt: null,
      sessions: [{ startsAt: '2016-06-09T08:00:00.000Z', endsAt: '2016-06-10T11:00:00.000Z', title: 'Døgnseminar' }],
    }),
  );
  await createTestEvent(ctx, base('kursus-kladde', { status: 'draft' }));
  const lastRoomId = await createTestEvent(ctx, base('doegnseminar-sidste-vaerelse'));
  await addAddOn(ctx, lastRoomId, {
    code: 'overnight',
    nameDa: 'Overnatning i enkeltværelse',
    nameEn: 'Overnight stay in a single room',
    kind: 'overnight',
    priceOre: 125_000,
    capacity: 1,
  });
  const noQuestionsId = await createTestEvent(ctx, base('kursus-uden-spoergsmaal'));
  return {
    open: { slug: 'doegnseminar-aaben', questions: { text, single, multiple, yesno } },
    full: 'doegnseminar-fuldt',
    partial: 'doegnseminar-delvis',
    exempt: 'webinar-momsfri',
    notOpen: 'kursus-ikke-aabnet',
    deadlinePassed: 'kursus-frist-overskredet',
    cancelled: 'kursus-aflyst',
    archived: 'kursus-arkiveret',
    draft: 'kursus-kladde',
    lastRoom: 'doegnseminar-sidste-vaerelse',
    noQuestions: { slug: 'kursus-uden-spoergsmaal', id: noQuestionsId },
  };
}
