/** A job that runs again a fixed time after each run ends; stopping waits for the run in progress. */
export interface Periodic {
  stop(): Promise<void>;
}

/**
 * Starts `run` after `intervalMs`, and again that long after each run ends, so
 * runs never overlap. A failed run is reported to `onError` and the next one is
 * still scheduled. The timer does not keep the process alive.
 */
export function startPeriodic(run: () => Promise<unknown>, intervalMs: number, onError: (error: unknown) => void): Periodic {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run().catch(onError).finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
