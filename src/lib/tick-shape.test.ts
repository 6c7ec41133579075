import { describe, expect, it } from 'vitest';
import { keptTickObject } from './tick-shape.js';

describe('the kept tick object', () => {
  it("is one of Node's own nextTick objects, with the same shape as every other", async () => {
    await new Promise<void>((resolve) => process.nextTick(resolve));
    const kept = keptTickObject() as Record<string | symbol, unknown> | undefined;
    expect(kept).toBeDefined();
    // Two symbol keys (its async ids), then the callback and its arguments: the literal in Node's nextTick.
    expect(Object.getOwnPropertySymbols(kept!)).toHaveLength(2);
    expect(Object.keys(kept!)).toEqual(['callback', 'args']);
    expect(typeof kept!.callback).toBe('function');
  });
});
