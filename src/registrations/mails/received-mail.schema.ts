/**
 * The facts a 'registration_received' mail build carries in the outbox
 * (received-mail.ts), checked when the worker reads the row. Version 1
 * is the shape written since the receipt was first built after the commit;
 * rows written before payloads had versions have the same shape. A change to
 * ReceivedMailFacts that old rows do not satisfy needs a version 2 here and
 * a way to read version 1 into it, as long as such rows may wait in a queue.
 * The shapes are checked, not the sign-up's rules again: the values were
 * valid when written, and the schema passes them on unchanged.
 */
import { z } from 'zod';
import { LOCALES } from '../../web/i18n.js';
import { PRICE_KINDS } from '../pricing.table.js';
import { LATE_CANCELLATION_RULES } from '../registrations.table.js';

const id = z.number().int().positive();
const ore = z.number().int();
const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not_a_time');
const status = z.enum(['confirmed', 'waitlisted', 'cancelled']);
const answer = z.union([z.string(), z.array(z.string()), z.boolean()]);

const participant = z.object({
  id,
  name: z.string(),
  email: z.string(),
  jobTitle: z.string(),
  workplace: z.string(),
  phone: z.string().nullable(),
  diet: z.string(),
  accessibilityNeeds: z.string(),
  // Builds queued before the room-mate wish was asked carry none.
  roomMate: z.string().default(''),
  status,
  waitingListPlace: z.number().int().positive().nullable(),
  cancellationFeeOre: ore.nullable(),
  addOns: z.array(z.object({ code: z.string(), nameDa: z.string(), nameEn: z.string(), status: z.string(), priceOre: ore })),
  answers: z.record(z.string(), answer),
});

const registration = z.object({
  id,
  status,
  locale: z.enum(LOCALES),
  createdAt: isoTime,
  event: z.object({ id, slug: z.string().min(1), title: z.string(), startsAt: isoTime, endsAt: isoTime }),
  payer: z.object({
    organisation: z.string(),
    cvr: z.string().nullable(),
    ean: z.string().nullable(),
    personReference: z.string().nullable(),
    poNumber: z.string().nullable(),
    address: z.string(),
    postalCode: z.string(),
    city: z.string(),
    email: z.string(),
  }),
  booker: z.object({ name: z.string(), email: z.string() }),
  consentToParticipantList: z.boolean(),
  priceKind: z.enum(PRICE_KINDS),
  participants: z.array(participant).min(1),
  totals: z.object({ exVatOre: ore, vatOre: ore, inclVatOre: ore }),
  cancellation: z.object({ freeDays: z.number().int().nonnegative(), late: z.enum(LATE_CANCELLATION_RULES), lateFeeOre: ore }),
});

export const receivedMailFactsV1 = z.object({
  registration,
  vatPercent: z.number().min(0).max(100),
  manageToken: z.string().min(1),
  now: isoTime,
});

export const RECEIVED_MAIL_VERSION = 1;

/** Checked against ReceivedMailFacts where the builder is registered (registerMailBuilder). */
export const receivedMailVersions = { 1: receivedMailFactsV1 };
