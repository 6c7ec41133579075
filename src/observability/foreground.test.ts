import { describe, expect, it } from 'vitest';
import { Foreground } from './foreground.js';

describe('foreground', () => {
  it('is busy while requests arrive, and idle 100 ms after the last one', () => {
    const f = new Foreground();
    expect(f.busy(1_000)).toBe(false);
    f.noteRequest(1_000);
    expect(f.busy(1_050)).toBe(true);
    expect(f.busy(1_150)).toBe(false);
  });

  it('stays busy while a request waits for its answer, even when no other request arrives', () => {
    const f = new Foreground();
    f.started(1_000);
    expect(f.busy(2_500)).toBe(true);
    f.finished(2_500);
    expect(f.busy(2_650)).toBe(false);
  });

  it('does not wait for ever on a request whose end was never reported', () => {
    const f = new Foreground();
    f.started(1_000);
    expect(f.busy(2_900)).toBe(true);
    expect(f.busy(3_100)).toBe(false);
  });
});
