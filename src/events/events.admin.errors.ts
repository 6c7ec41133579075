import { HttpError } from '../lib/errors.js';
import type { EditorIssue } from './event-document.messages.js';

/** The event document breaks a rule; nothing was saved. */
export class EventDocumentInvalidError extends HttpError {
  constructor(readonly issues: EditorIssue[]) {
    super(422, 'The event is not valid');
    this.name = 'EventDocumentInvalidError';
  }
}

/** Another event already has the slug; nothing was saved. */
export class SlugTakenError extends HttpError {
  constructor(readonly slug: string) {
    super(409, `The slug ${slug} is taken`);
    this.name = 'SlugTakenError';
  }
}

/** A cancelled event is history: it cannot be edited, published or cancelled again. */
export class EventCancelledError extends HttpError {
  constructor() {
    super(409, 'The event is cancelled');
    this.name = 'EventCancelledError';
  }
}

/** An event that has ended cannot be cancelled. */
export class EventEndedError extends HttpError {
  constructor() {
    super(409, 'The event has ended');
    this.name = 'EventEndedError';
  }
}
