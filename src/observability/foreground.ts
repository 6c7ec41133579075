/**
 * Whether this process is answering requests right now, so that background
 * work in the same event loop (the outbox worker rendering and sending mail)
 * can give way to it. A burst of sign-ups leaves one mail to build and send
 * per sign-up, which costs the event loop more than the sign-up itself; done
 * at full speed during the burst, it would slow the burst down to the pace
 * of the mail. Mail is asynchronous by design, so it waits a little instead.
 */

/** A request within this many milliseconds counts as "busy". */
const BUSY_WINDOW_MS = 100;
/**
 * Requests still being answered count as "busy" too, unless nothing arrived
 * or finished for this long (a request whose end was never reported must not
 * hold the worker back for ever).
 */
const STALL_MS = 2_000;

/** The requests of one process; times are performance.now() milliseconds. */
export class Foreground {
  private lastRequestAt = Number.NEGATIVE_INFINITY;
  private lastFinishedAt = Number.NEGATIVE_INFINITY;
  private inFlight = 0;

  /** A request answered at once (a cached page). */
  noteRequest(now = performance.now()): void {
    this.lastRequestAt = now;
  }

  /** A request that is answered later (an onRequest hook); finished() when it ends. */
  started(now = performance.now()): void {
    this.noteRequest(now);
    this.inFlight += 1;
  }

  finished(now = performance.now()): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.lastFinishedAt = now;
  }

  /**
   * True while requests are arriving or waiting for their answers. Counting
   * only arrivals was not enough: during a burst every client waits for its
   * answer before it sends again, so while background work held the event
   * loop no request arrived, the work saw no one waiting and took the loop
   * for seconds.
   */
  busy(now = performance.now()): boolean {
    if (now - this.lastRequestAt < BUSY_WINDOW_MS) return true;
    return this.inFlight > 0 && now - Math.max(this.lastRequestAt, this.lastFinishedAt) < STALL_MS;
  }
}

const foreground = new Foreground();

/** Called for every request answered at once (a cached page). */
export const noteRequest = (): void => foreground.noteRequest();
/** Called when a request begins that is answered later; requestFinished() when it ends. */
export const requestStarted = (): void => foreground.started();
export const requestFinished = (): void => foreground.finished();
/** True while requests are arriving or waiting for their answers in this process. */
export const foregroundBusy = (): boolean => foreground.busy();
