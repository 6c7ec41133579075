/**
 * Keeps one of Node's nextTick objects alive for as long as the process runs.
 *
 * process.nextTick() makes each queued callback an object literal with two
 * symbol keys, and Node's streams and HTTP queue several per request. When a
 * full garbage collection finds no such object alive, V8 lets go of the hidden
 * classes (maps) they shared; the literal's inline cache no longer finds them,
 * and in a profile every later nextTick then defined its properties through
 * V8's runtime (Runtime_DefineKeyedOwnPropertyInLiteral, from Node's
 * endReadable and onwrite). On Node 20, one gc() a second after start cost a
 * cached page a quarter of its requests a second, for good. A process that
 * has started and rendered pages has been through such collections, so this
 * was the server's usual state. With one tick object kept, the maps never die
 * (docs/BENCHMARKS.md, "Node's tick objects").
 *
 * Imported first by the entry points (server and CLI), so it runs before the server or worker is built.
 */
import { executionAsyncResource } from 'node:async_hooks';

let kept: object | undefined;

// Inside a nextTick callback the executing async resource is that tick's own object.
process.nextTick(() => {
  kept = executionAsyncResource();
});

/** The tick object kept alive (undefined until the first tick has run). */
export function keptTickObject(): object | undefined {
  return kept;
}
