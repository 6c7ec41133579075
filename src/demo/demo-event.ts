/**
 * How the demo describes an event, and how it is created: through the
 * event editor, as the system (the audit log shows the demo's events as
 * made by no one), after the themes it is filed under exist. A past event is
 * archived and a cancelled one cancelled through the same services as in use.
 */
import type { AppContext } from '../context.js';
import { createEventFromDocument } from '../events/event-editor.service.js';
import { archiveEvent, cancelEvent } from '../events/event-status.service.js';
import { SYSTEM_EDITOR } from '../events/events.audit.js';
import type { EventStatus, EventType, VatMode } from '../events/events.table.js';
import type { Inclusion } from '../events/inclusions.js';
import { ensureThemes, type ThemeInput } from '../events/themes.service.js';

export interface VenueInput {
  name: string;
  address: string;
  postalCode: string;
  city: string;
  accessibility?: string;
  mapUrl?: string | null;
}

export interface SpeakerInput {
  name: string;
  title?: string;
  organisation?: string;
  bio?: string;
}

export interface SessionInput {
  startsAt: string;
  endsAt: string;
  title: string;
  description?: string;
  room?: string;
  /** Indexes into DemoEvent.speakers. */
  speakers?: number[];
}

export interface DemoEvent {
  slug: string;
  type: EventType;
  status: EventStatus;
  title: string;
  summary?: string;
  body?: string;
  audience?: string;
  included?: string;
  venue?: VenueInput | null;
  capacity: number;
  signupOpensAt?: string | null;
  signupClosesAt?: string | null;
  priceOre: number;
  /** Nights and meals the price includes, for the venue report. */
  inclusions?: Inclusion[];
  memberPriceOre?: number | null;
  vatMode: VatMode;
  vatExemptionReason?: string | null;
  speakers?: SpeakerInput[];
  /** At least one; the event's start and end are taken from its sessions. */
  sessions: SessionInput[];
  themes?: ThemeInput[];
}

/** Creates a demo event as the system; returns its id. */
export async function createDemoEvent(ctx: AppContext, event: DemoEvent): Promise<number> {
  const { status, themes = [], ...document } = event;
  await ensureThemes(ctx, themes);
  const { id } = await createEventFromDocument(ctx, SYSTEM_EDITOR, {
    ...document,
    status: status === 'draft' ? 'draft' : 'published',
    themes: themes.map((t) => t.slug),
  });
  if (status === 'archived') await archiveEvent(ctx, SYSTEM_EDITOR, id);
  if (status === 'cancelled') await cancelEvent(ctx, SYSTEM_EDITOR, id, {});
  return id;
}
