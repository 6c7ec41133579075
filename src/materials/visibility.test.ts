import { describe, expect, it } from 'vitest';
import { isPublicNow, needsEvent, opensAt, participantMayDownload, type ParticipantAccess } from './visibility.js';

const now = new Date('2026-06-01T10:00:00.000Z');
const before = '2026-05-31T10:00:00.000Z';
const later = '2026-06-02T10:00:00.000Z';

describe('isPublicNow', () => {
  const pub = { visibility: 'public' as const, eventId: 1 };
  it('needs public material and a public owner', () => {
    expect(isPublicNow(pub, { eventStatus: 'published', articlePublishedAt: null }, now)).toBe(true);
    expect(isPublicNow(pub, { eventStatus: 'archived', articlePublishedAt: null }, now)).toBe(true);
    expect(isPublicNow(pub, { eventStatus: 'draft', articlePublishedAt: null }, now)).toBe(false);
    expect(isPublicNow(pub, { eventStatus: null, articlePublishedAt: before }, now)).toBe(true);
    expect(isPublicNow(pub, { eventStatus: null, articlePublishedAt: now.toISOString() }, now)).toBe(true);
    // A scheduled article's attachment waits with it.
    expect(isPublicNow(pub, { eventStatus: null, articlePublishedAt: later }, now)).toBe(false);
    expect(isPublicNow(pub, { eventStatus: 'draft', articlePublishedAt: later }, now)).toBe(false);
    expect(isPublicNow(pub, { eventStatus: null, articlePublishedAt: null }, now)).toBe(false);
  });

  it('never makes participant material public', () => {
    for (const visibility of ['participants', 'after_event'] as const) {
      expect(isPublicNow({ visibility, eventId: 1 }, { eventStatus: 'published', articlePublishedAt: before }, now)).toBe(false);
    }
  });
});

describe('participantMayDownload', () => {
  const seat: ParticipantAccess = { eventId: 7, eventEndsAt: later, holdsSeat: true };
  it("gives a confirmed seat the event's material, after-event material once it has ended", () => {
    expect(participantMayDownload({ visibility: 'participants', eventId: 7 }, seat, now)).toBe(true);
    expect(participantMayDownload({ visibility: 'public', eventId: 7 }, seat, now)).toBe(true);
    expect(participantMayDownload({ visibility: 'after_event', eventId: 7 }, seat, now)).toBe(false);
    expect(opensAt({ visibility: 'after_event', eventId: 7 }, seat, now)).toBe(later);
    const ended = new Date(later);
    expect(participantMayDownload({ visibility: 'after_event', eventId: 7 }, seat, ended)).toBe(true);
    expect(opensAt({ visibility: 'after_event', eventId: 7 }, seat, ended)).toBeNull();
  });

  it("refuses another event's material and anyone without a seat", () => {
    expect(participantMayDownload({ visibility: 'participants', eventId: 8 }, seat, now)).toBe(false);
    expect(participantMayDownload({ visibility: 'participants', eventId: null }, seat, now)).toBe(false);
    const waiting = { ...seat, holdsSeat: false };
    expect(participantMayDownload({ visibility: 'participants', eventId: 7 }, waiting, now)).toBe(false);
    expect(participantMayDownload({ visibility: 'after_event', eventId: 7 }, waiting, new Date(later))).toBe(false);
    expect(opensAt({ visibility: 'after_event', eventId: 7 }, waiting, now)).toBeNull();
  });

  it('asks for an event for participant material only', () => {
    expect(needsEvent('public')).toBe(false);
    expect(needsEvent('participants')).toBe(true);
    expect(needsEvent('after_event')).toBe(true);
  });
});
