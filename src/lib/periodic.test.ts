import { describe, expect, it } from 'vitest';
import { startPeriodic } from './periodic.js';

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((r) => setTimeout(r, 2));
};

describe('startPeriodic', () => {
  it('runs again after each run ends, never two at once, and goes on after a failure', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const errors: unknown[] = [];
    const job = startPeriodic(
      async () => {
        active++;
        most = Math.max(most, active);
        runs++;
        await new Promise((r) => setTimeout(r, 5));
        active--;
        if (runs === 2) throw new Error('second run fails');
      },
      1,
      (error) => errors.push(error),
    );
    await until(() => runs >= 4);
    await job.stop();
    expect(most).toBe(1);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe('second run fails');
  });

  it('stop waits for the run in progress and starts no other', async () => {
    let finished = 0;
    let started = 0;
    const job = startPeriodic(
      async () => {
        started++;
        await new Promise((r) => setTimeout(r, 20));
        finished++;
      },
      1,
      () => undefined,
    );
    await until(() => started === 1);
    await job.stop();
    expect(finished).toBe(1);
    await new Promise((r) => setTimeout(r, 30));
    expect(started).toBe(1);
  });
});
