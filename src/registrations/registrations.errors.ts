import type { z } from 'zod';
import type { ClosedReason } from '../events/seat-status.js';
import { HttpError } from '../lib/errors.js';

/** Sign-up is not possible now: not published, not open yet, deadline passed, cancelled or over. */
export class SignupClosedError extends HttpError {
  constructor(readonly reason: ClosedReason) {
    super(409, `Sign-up is closed (${reason})`);
    this.name = 'SignupClosedError';
  }
}

/** The data does not pass the registration schema for this event. */
export class InvalidRegistrationError extends HttpError {
  constructor(readonly error: z.ZodError) {
    super(422, 'The registration is not valid');
    this.name = 'InvalidRegistrationError';
  }
}

export interface SoldOutAddOn {
  code: string;
  name: { da: string; en: string };
  /** Where the add-on was chosen: participant index and index in its add-on list. */
  paths: Array<[participant: number, addOn: number]>;
}

/** Some add-ons wanted by participants who get a seat are sold out; nothing was saved. */
export class AddOnSoldOutError extends HttpError {
  constructor(readonly addOns: SoldOutAddOn[]) {
    super(409, `Sold out: ${addOns.map((a) => a.code).join(', ')}`);
    this.name = 'AddOnSoldOutError';
  }
}

/** More participants than the event has seats at all: the group could never be seated, so it is refused. */
export class GroupExceedsCapacityError extends HttpError {
  constructor(
    readonly capacity: number,
    readonly groupSize: number,
  ) {
    super(422, `A group of ${groupSize} is larger than the event's ${capacity} seats`);
    this.name = 'GroupExceedsCapacityError';
  }
}

/** The Idempotency-Key was used before with other data. */
export class IdempotencyKeyReusedError extends HttpError {
  constructor() {
    super(422, 'The Idempotency-Key was used for another request');
    this.name = 'IdempotencyKeyReusedError';
  }
}

export class CancellationNotAllowedError extends HttpError {
  constructor(readonly reason: 'late' | 'started') {
    super(409, reason === 'late' ? 'The cancellation period has passed' : 'The event has started');
    this.name = 'CancellationNotAllowedError';
  }
}

export class CapacityBelowSeatsTakenError extends HttpError {
  constructor(readonly seatsTaken: number) {
    super(409, `Capacity cannot be lower than the ${seatsTaken} seats taken`);
    this.name = 'CapacityBelowSeatsTakenError';
  }
}

/** Staff asked to move someone up who is not on the waiting list (any more). */
export class NotOnWaitingListError extends HttpError {
  constructor() {
    super(409, 'Nobody of those given is on the waiting list');
    this.name = 'NotOnWaitingListError';
  }
}

/** Moving these people up needs more seats than are free; staff must confirm going over capacity. */
export class OverbookingNotConfirmedError extends HttpError {
  constructor(
    readonly freeSeats: number,
    readonly needed: number,
  ) {
    super(409, `${needed} seats needed, ${freeSeats} free: confirm to go over capacity`);
    this.name = 'OverbookingNotConfirmedError';
  }
}

/** Participants of several events in one request. */
export class MixedEventsError extends HttpError {
  constructor() {
    super(400, 'The participants belong to different events');
    this.name = 'MixedEventsError';
  }
}
