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

let lastRequestAt = Number.NEGATIVE_INFINITY;
let lastFinishedAt = Number.NEGATIVE_INFINITY;
let inFlight = 0;

/** Called for every request answered at once (a cached page). */
export function noteRequest(): void {
  lastRequestAt = performance.now();
}

/** Called when a request begins that is answered later (an onRequest hook); requestFinished() when it ends. */
export function requestStarted(): void {
  noteRequest();
  inFlight += 1;
}

export function requestFinished(): void {
  inFlight = Math.max(0, inFlight - 1);
  lastFinishedAt = performance.now();
}

/**
 * True while requests are arriving or waiting for their answers. Counting
 * only arrivals was not enough: during a burst every client waits for its
 * answer before it sends again, so while background work held the event loop
 * no request arrived, the work saw no one waiting and took the loop for
 * seconds.
 */
export function foregroundBusy(): boolean {
  const now = performance.now();
  if (now - lastRequestAt < BUSY_WINDOW_MS) return true;
  return inFlight > 0 && now - Math.max(lastRequestAt, lastFinishedAt) < STALL_MS;
}
