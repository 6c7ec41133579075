import { executionAsyncResource } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import { keptTickObject } from './tick-shape.js';

const shape = (o: object) => [Object.getOwnPropertySymbols(o).map(String), Object.keys(o)];

describe('the kept tick object', () => {
  it("is one of Node's own nextTick objects, with the keys of every other", async () => {
    const later = await new Promise<object>((resolve) => process.nextTick(() => resolve(executionAsyncResource())));
    const kept = keptTickObject();
    expect(kept).toBeDefined();
    expect(kept).not.toBe(later);
    // Two symbol keys (its async ids), then the callback and its arguments: the literal in Node's nextTick.
    expect(shape(kept!)).toEqual([
      ['Symbol(async_id_symbol)', 'Symbol(trigger_async_id_symbol)'],
      ['callback', 'args'],
    ]);
    expect(shape(later)).toEqual(shape(kept!));
  });
});
