/**
 * Whether this process is answering requests right now, so that background
 * work in the same event loop (the outbox worker rendering and sending mail)
 * can give way to it. A burst of sign-ups leaves one mail to build and send
 * per sign-up, which costs the event loop more than the sign-up itself; done
 * at full speed during the burst, it would slow the burst down to the pace
 * of the mail. Mail is asynchronous by design, so it waits a little instead.
 */
import { performance } from 'node:perf_hooks';

/** A request within this many milliseconds counts as "busy". */
const BUSY_WINDOW_MS = 100;

let lastRequestAt = Number.NEGATIVE_INFINITY;

/** Called for every request (an onRequest hook). */
export function noteRequest(): void {
  lastRequestAt = performance.now();
}

/** True while requests are arriving. */
export function foregroundBusy(): boolean {
  return performance.now() - lastRequestAt < BUSY_WINDOW_MS;
}
