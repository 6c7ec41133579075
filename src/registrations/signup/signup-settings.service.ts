/**
 * What an event offers on its sign-up besides seats: partial booking,
 * cancellation terms, add-ons and questions. Used by the demo content and,
 * later, the back office.
 */
import type { AppContext } from '../../context.js';
import type { LateCancellationRule, QuestionKind, QuestionOption } from '../registrations.table.js';
import { insertAddOn, insertQuestion, updateSignupSettings } from './signup-settings.queries.js';

export interface SignupSettings {
  allowPartial?: boolean;
  cancellation?: { freeDays: number; late: LateCancellationRule; lateFeeOre?: number };
}

export async function setSignupSettings(ctx: AppContext, eventId: number, settings: SignupSettings): Promise<void> {
  const values: Record<string, number | string> = {};
  if (settings.allowPartial !== undefined) values.allow_partial = settings.allowPartial ? 1 : 0;
  if (settings.cancellation) {
    const { freeDays, late, lateFeeOre = 0 } = settings.cancellation;
    if (!Number.isInteger(freeDays) || freeDays < 0) throw new RangeError('freeDays must be a whole number, 0 or more');
    if (!Number.isInteger(lateFeeOre) || lateFeeOre < 0) throw new RangeError('lateFeeOre must be whole øre, 0 or more');
    values.cancellation_free_days = freeDays;
    values.late_cancellation = late;
    values.late_cancellation_fee_ore = lateFeeOre;
  }
  if (Object.keys(values).length === 0) return;
  await updateSignupSettings(ctx.db, eventId, values, ctx.clock.now().toISOString());
  ctx.pageCache.clear();
}

export interface AddOnInput {
  /** Short and stable, used by the API and the form: "overnight", "dinner". */
  code: string;
  nameDa: string;
  nameEn: string;
  /** E.g. overnight, meal. */
  kind: string;
  priceOre: number;
  /** Null or absent: unlimited. */
  capacity?: number | null;
  position?: number;
}

export async function addAddOn(ctx: AppContext, eventId: number, input: AddOnInput): Promise<number> {
  if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(input.code)) throw new RangeError('An add-on code is 1–40 lower-case letters, digits and hyphens');
  if (!Number.isInteger(input.priceOre) || input.priceOre < 0) throw new RangeError('priceOre must be whole øre, 0 or more');
  return insertAddOn(ctx.db, {
    event_id: eventId,
    code: input.code,
    name_da: input.nameDa,
    name_en: input.nameEn,
    kind: input.kind,
    price_ore: input.priceOre,
    capacity: input.capacity ?? null,
    position: input.position ?? 0,
  });
}

export interface QuestionInput {
  kind: QuestionKind;
  labelDa: string;
  labelEn: string;
  /** For single and multiple choice. */
  options?: QuestionOption[];
  required?: boolean;
  position?: number;
}

export async function addQuestion(ctx: AppContext, eventId: number, input: QuestionInput): Promise<number> {
  const options = input.options ?? [];
  if ((input.kind === 'single' || input.kind === 'multiple') && options.length === 0) throw new RangeError('A choice question needs options');
  return insertQuestion(ctx.db, {
    event_id: eventId,
    kind: input.kind,
    label_da: input.labelDa,
    label_en: input.labelEn,
    options: JSON.stringify(options),
    required: input.required ? 1 : 0,
    position: input.position ?? 0,
  });
}
