import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { foregroundBusy, noteRequest, requestFinished, requestStarted } from './foreground.js';

describe('foreground', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['performance'] });
    vi.advanceTimersByTime(60_000);
  });
  afterEach(() => vi.useRealTimers());

  it('is busy while requests arrive, and idle 100 ms after the last one', () => {
    expect(foregroundBusy()).toBe(false);
    noteRequest();
    expect(foregroundBusy()).toBe(true);
    vi.advanceTimersByTime(150);
    expect(foregroundBusy()).toBe(false);
  });

  it('stays busy while a request waits for its answer, even when no other request arrives', () => {
    requestStarted();
    vi.advanceTimersByTime(1_500);
    expect(foregroundBusy()).toBe(true);
    requestFinished();
    vi.advanceTimersByTime(150);
    expect(foregroundBusy()).toBe(false);
  });

  it('does not wait for ever on a request whose end was never reported', () => {
    vi.advanceTimersByTime(10_000); // past what the tests before it noted
    requestStarted();
    vi.advanceTimersByTime(1_900);
    expect(foregroundBusy()).toBe(true);
    vi.advanceTimersByTime(200);
    expect(foregroundBusy()).toBe(false);
    requestFinished();
  });
});
